package io.gatescope.ui.shell;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

/** Where two rectangles in the same coordinates overlap (the ⓘ's and the notices' placing). */
final class Overlap {
  private Overlap() {}

  /** The part {@code a} and {@code b} share, or null when they share no area. */
  static Bounds of(Bounds a, Bounds b) {
    double x0 = Math.max(a.getMinX(), b.getMinX());
    double y0 = Math.max(a.getMinY(), b.getMinY());
    double x1 = Math.min(a.getMaxX(), b.getMaxX());
    double y1 = Math.min(a.getMaxY(), b.getMaxY());
    return x1 <= x0 || y1 <= y0 ? null : new BoundingBox(x0, y0, x1 - x0, y1 - y0);
  }
}
