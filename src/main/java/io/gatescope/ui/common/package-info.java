/**
 * What the workspaces share: the session (data, model, input, timestep, navigation), the inference
 * worker, the model shelf, and the widgets drawn on a canvas.
 */
package io.gatescope.ui.common;
