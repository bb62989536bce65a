package io.gatescope.ui.train;

/**
 * The loss curve smoothed: an exponential moving average with weight 0.1 and bias correction, so it
 * does not start near 0 and lag; the first value is the first loss itself.
 */
final class SmoothedLoss {
  static final double WEIGHT = 0.1;

  private double ema;
  private double weight;

  /** The smoothed value after {@code loss}. */
  double next(double loss) {
    ema = (1 - WEIGHT) * ema + WEIGHT * loss;
    weight = (1 - WEIGHT) * weight + WEIGHT;
    return ema / weight;
  }

  void reset() {
    ema = 0;
    weight = 0;
  }
}
