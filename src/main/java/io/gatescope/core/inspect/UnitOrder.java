package io.gatescope.core.inspect;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Orders of the units (heatmap rows), all computed from one quantity's [T][H] trace so that every
 * map shows the same order and alike units sit together.
 */
public enum UnitOrder {
  INDEX,
  MEAN,
  VARIANCE,
  SIMILARITY,
  WEIGHT;

  /** The order's name in the user's language, e.g. "by mean activation". */
  @Override
  public String toString() {
    return Messages.get("order." + name().toLowerCase());
  }

  /**
   * @param readout the output weights' column of the predicted class (W_y[:, k]), used by {@link
   *     #WEIGHT}; may be null for the other orders
   * @return a permutation of 0..H−1: row r of the maps shows unit order[r]
   */
  public int[] order(GateTrace trace, int layer, Quantity basis, float[] readout) {
    float[][] v = trace.get(layer, basis);
    int h = v[0].length;
    Integer[] idx = IntStream.range(0, h).boxed().toArray(Integer[]::new);
    switch (this) {
      case INDEX -> {}
      case MEAN -> Arrays.sort(idx, Comparator.comparingDouble(u -> -mean(v, u)));
      case VARIANCE -> Arrays.sort(idx, Comparator.comparingDouble(u -> -variance(v, u)));
      case WEIGHT -> {
        float[] aLast = trace.get(layer, Quantity.HIDDEN)[v.length - 1];
        // Contribution of unit u to the winning logit: W_y[u, k] · a⟨T⟩[u].
        Arrays.sort(
            idx, Comparator.comparingDouble(u -> readout == null ? 0 : -readout[u] * aLast[u]));
      }
      case SIMILARITY -> {
        return similarityChain(v);
      }
    }
    return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
  }

  static double mean(float[][] v, int u) {
    double s = 0;
    for (float[] row : v) {
      s += row[u];
    }
    return s / v.length;
  }

  static double variance(float[][] v, int u) {
    double m = mean(v, u);
    double s = 0;
    for (float[] row : v) {
      s += (row[u] - m) * (row[u] - m);
    }
    return s / v.length;
  }

  /**
   * Greedy nearest-neighbour chain by Euclidean distance between the units' traces over time,
   * starting from the unit with the largest variance: neighbours in the order look alike.
   */
  static int[] similarityChain(float[][] v) {
    int h = v[0].length;
    boolean[] used = new boolean[h];
    int[] out = new int[h];
    int cur = 0;
    for (int u = 1; u < h; u++) {
      if (variance(v, u) > variance(v, cur)) {
        cur = u;
      }
    }
    for (int i = 0; i < h; i++) {
      out[i] = cur;
      used[cur] = true;
      int next = -1;
      double best = Double.MAX_VALUE;
      for (int u = 0; u < h; u++) {
        if (!used[u]) {
          double d = 0;
          for (float[] row : v) {
            double diff = row[u] - row[cur];
            d += diff * diff;
          }
          if (d < best) {
            best = d;
            next = u;
          }
        }
      }
      cur = next;
    }
    return out;
  }
}
