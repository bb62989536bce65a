package io.gatescope.ui.evaluate;

import javafx.scene.chart.NumberAxis;

/** Fixed ranges for Evaluate's chart axes: known before the data, never beyond what is true. */
final class Axes {
  private Axes() {}

  /** The axis runs from {@code lower} to {@code upper} with a tick every {@code tick}. */
  static void fix(NumberAxis axis, double lower, double upper, double tick) {
    axis.setAutoRanging(false);
    axis.setLowerBound(lower);
    axis.setUpperBound(upper);
    axis.setTickUnit(tick);
  }

  /**
   * An accuracy axis from {@code lo} to {@code hi}, widened to tenths but never outside 0..1: tight
   * enough to tell the curves apart, never promising more than 100 %.
   */
  static void fitAccuracy(NumberAxis axis, double lo, double hi) {
    double lower = Math.max(0, Math.floor(lo * 10 - 1e-9) / 10);
    double upper = Math.min(1, Math.ceil(hi * 10 + 1e-9) / 10);
    if (upper - lower < 0.1) {
      lower = Math.max(0, upper - 0.1);
      upper = Math.min(1, lower + 0.1);
    }
    fix(axis, lower, upper, upper - lower > 0.5 ? 0.2 : upper - lower > 0.2 ? 0.1 : 0.05);
  }
}
