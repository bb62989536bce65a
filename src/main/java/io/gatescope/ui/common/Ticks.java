package io.gatescope.ui.common;

/** Tick spacings for chart axes that read well. */
public final class Ticks {
  private Ticks() {}

  /** The smallest 1, 2 or 5 × 10^k at least {@code v}. */
  public static double niceStep(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(Math.max(v, 1e-9))));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
