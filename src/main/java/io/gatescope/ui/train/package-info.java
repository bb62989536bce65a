/**
 * The Train workspace: the hyperparameter form, live charts of a training run, finished runs, and
 * saving and opening models.
 */
package io.gatescope.ui.train;
