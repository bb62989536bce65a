package io.gatescope.ui.inside;

import io.gatescope.core.Messages;

/**
 * The frame every cell diagram shares, for its size and font: the left column of inputs, the bus,
 * the row of boxes, the cell-state line.
 */
final class CellLayout {
  final double w;
  final double h;
  final double m;
  final double left; // width of the input column
  final double xa; // where the cell's inside begins
  final double xb; // where the outputs leave
  final double yTop; // the cell-state line (the hidden line for the GRU)
  final double yBus; // the joint input [a⟨t−1⟩, x⟨t⟩]
  final double px; // one input pixel
  final double yPix; // top of the input pixels
  final double bh; // box height
  final double yBox; // box centre
  private final CellPen pen;

  CellLayout(CellPen pen, double w, double h, double top) {
    this.pen = pen;
    this.w = w;
    this.h = h;
    m = Math.max(8, pen.fs * 0.7);
    left = Math.max(w * 0.17, CellPen.width("a⟨t−1⟩ -0.000", pen.mono()) + pen.fs * 1.6);
    xa = m + left + pen.fs;
    xb = w - m - Math.max(w * 0.12, CellPen.width("c⟨t⟩", pen.sans()) + pen.fs * 2);
    px = Math.max(5, Math.min(11, (xb - xa) * 0.55 / 28));
    yPix = h - m - px;
    yBus = yPix - pen.lh * 0.9;
    yTop = top + m + pen.lh * 2.1;
    bh = pen.lh * 3 + pen.fs * 0.5;
    yBox = yBus - pen.lh * 1.1 - bh / 2;
  }

  double col(double f) {
    return xa + (xb - xa) * f;
  }

  double boxTop() {
    return yBox - bh / 2;
  }

  double boxWidth(double spacing) {
    double need =
        Math.max(
            CellPen.width("z = -0.000", pen.mono()),
            CellPen.width(Messages.get("cell.box.update"), pen.sans()));
    return Math.min(spacing * 0.88, need + pen.fs * 1.2);
  }

  /** Where a wire into the output {@code name} ends: just left of the name at the right edge. */
  double arrowEnd(String name) {
    return w - m - CellPen.width(name, pen.sans()) - pen.fs * 0.5;
  }
}
