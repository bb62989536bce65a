package io.gatescope.core.engine;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a backward trace keeps while BPTT runs: for each quantity the cell names, ∂L/∂(its value) at
 * every step, [T][B·H] — the gradient with respect to the gate's value (not its pre-activation),
 * and for c and a the total, everything that flows into them. Training does not keep and pays one
 * check per step.
 */
final class BackwardKeeper {
  private static final int T = ModelConfig.STEPS;

  private boolean on;
  private int m;
  private final Map<Quantity, float[][]> kept = new EnumMap<>(Quantity.class);

  /** Whether the next backward passes keep. */
  void keep(boolean keep) {
    on = keep;
  }

  boolean on() {
    return on;
  }

  /** Room for [B·H] = m per step (kept while it fits). */
  void prepare(int m) {
    if (this.m != m) {
      this.m = m;
      kept.clear();
    }
  }

  /** The [B·H] array to fill with ∂L/∂q at step t. */
  float[] at(Quantity q, int t) {
    return kept.computeIfAbsent(q, k -> new float[T][m])[t];
  }

  /** Copies ∂L/∂q at step t, its first {@code len} values. */
  void put(Quantity q, int t, float[] gradient, int len) {
    System.arraycopy(gradient, 0, at(q, t), 0, len);
  }

  /**
   * Every quantity's values from {@code from} on at step t ← 0: samples that a backward step
   * skipped, as nothing had flowed into them (see {@link ActiveRows}).
   */
  void zeroFrom(int t, int from) {
    kept.values().forEach(steps -> Arrays.fill(steps[t], from, m, 0f));
  }

  /** What was kept: ∂L/∂q [T][B·H] per quantity. */
  Map<Quantity, float[][]> kept() {
    return kept;
  }
}
