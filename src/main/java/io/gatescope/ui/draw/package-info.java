/**
 * The Draw workspace: a canvas to draw on or a picture or test image to read, the answer after each
 * row with playback, and teaching the model a drawing.
 */
package io.gatescope.ui.draw;
