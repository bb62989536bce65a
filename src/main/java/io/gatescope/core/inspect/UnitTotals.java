package io.gatescope.core.inspect;

import io.gatescope.core.engine.ModelConfig;

/**
 * Sums of one quantity over the indexed images, gathered from the traces' exact values while the
 * index is built: per unit and true digit, per unit and timestep, and (for a gate) the counts of a
 * histogram of its values over [0, 1].
 */
final class UnitTotals {
  /** Bins of a gate's histogram over [0, 1]. */
  static final int GATE_BINS = 20;

  private static final int T = ModelConfig.STEPS;
  private static final int K = ModelConfig.CLASSES;

  private final int hidden;
  private final boolean gate;
  private final double[] classSum; // [K·H]
  private final long[] classCount; // [K] images per digit (×T values each)
  private final double[] stepSum; // [T·H]
  private long images;
  private final long[] gateCounts; // [H·GATE_BINS] or null

  UnitTotals(int hidden, boolean gate) {
    this.hidden = hidden;
    this.gate = gate;
    classSum = new double[K * hidden];
    classCount = new long[K];
    stepSum = new double[T * hidden];
    gateCounts = gate ? new long[hidden * GATE_BINS] : null;
  }

  /** Adds one image's [T][H] values of this quantity; {@code label} is its true digit. */
  void add(float[][] v, int label) {
    images++;
    classCount[label]++;
    int classBase = label * hidden;
    for (int t = 0; t < T; t++) {
      float[] row = v[t];
      int stepBase = t * hidden;
      for (int u = 0; u < hidden; u++) {
        float x = row[u];
        classSum[classBase + u] += x;
        stepSum[stepBase + u] += x;
      }
      if (gate) {
        for (int u = 0; u < hidden; u++) {
          gateCounts[u * GATE_BINS + bin(row[u])]++;
        }
      }
    }
  }

  /**
   * The bin of a gate's value, as {@link Histogram#binOf} puts it for [0, 1]: ⌊20·g⌋ (g ≥ 0), the
   * last bin also for g = 1.
   */
  static int bin(float g) {
    int k = (int) ((double) g * GATE_BINS);
    return k < 0 ? 0 : Math.min(GATE_BINS - 1, k);
  }

  /** Mean of unit u's values over the 28 steps of every image of each true digit (NaN: none). */
  double[] classMeans(int u) {
    double[] out = new double[K];
    for (int d = 0; d < K; d++) {
      out[d] = classCount[d] == 0 ? Double.NaN : classSum[d * hidden + u] / (classCount[d] * T);
    }
    return out;
  }

  /** Mean of unit u's value at each step over every image (NaN: no images). */
  double[] stepMeans(int u) {
    double[] out = new double[T];
    for (int t = 0; t < T; t++) {
      out[t] = images == 0 ? Double.NaN : stepSum[t * hidden + u] / images;
    }
    return out;
  }

  /** Unit u's gate values (every image and step) counted in bins over [0, 1]; null if no gate. */
  Histogram gateHistogram(int u) {
    if (!gate) {
      return null;
    }
    long[] c = new long[GATE_BINS];
    System.arraycopy(gateCounts, u * GATE_BINS, c, 0, GATE_BINS);
    return new Histogram(0, 1, c);
  }

  /** Bytes this keeps, whatever the number of images. */
  long bytes() {
    return 8L * (classSum.length + classCount.length + stepSum.length)
        + (gate ? 8L * gateCounts.length : 0);
  }
}
