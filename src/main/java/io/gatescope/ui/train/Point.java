package io.gatescope.ui.train;

/** One point of a curve as computed (x an iteration, y a loss, an accuracy or a share). */
public record Point(double x, double y) {}
