package io.gatescope.core.engine;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a backward trace keeps while BPTT runs: for each quantity the cell names, ∂L/∂(its value) at
 * every step, [T][S·H] for the first S samples of the batch (a trace shows one) — the gradient with
 * respect to the gate's value (not its pre-activation), and for c and a the total, everything that
 * flows into them. Training does not keep and pays one check per step.
 */
final class BackwardKeeper {
  private static final int T = ModelConfig.STEPS;

  private final int h;
  private boolean on;
  private int samples; // of the last pass that kept
  private final Map<Quantity, float[][]> kept = new EnumMap<>(Quantity.class);

  BackwardKeeper(int h) {
    this.h = h;
  }

  /** The next backward passes keep the first {@code samples} samples; 0: they keep nothing. */
  void keep(int samples) {
    on = samples > 0;
    if (on && samples != this.samples) {
      kept.clear();
      this.samples = samples;
    }
  }

  boolean on() {
    return on;
  }

  /** How many samples are (or were last) kept. */
  int samples() {
    return samples;
  }

  /** The [S·H] array to fill with ∂L/∂q at step t. */
  float[] at(Quantity q, int t) {
    return kept.computeIfAbsent(q, k -> new float[T][samples * h])[t];
  }

  /** Copies ∂L/∂q at step t, the kept samples' part of a [B·H] array. */
  void put(Quantity q, int t, float[] gradient) {
    System.arraycopy(gradient, 0, at(q, t), 0, samples * h);
  }

  /**
   * Every quantity's kept samples from {@code sample} on at step t ← 0: a backward step skipped
   * them, as nothing had flowed into them (see {@link ActiveRows}).
   */
  void zeroFrom(int t, int sample) {
    if (sample < samples) {
      kept.values().forEach(steps -> Arrays.fill(steps[t], sample * h, samples * h, 0f));
    }
  }

  /** What was kept: ∂L/∂q [T][S·H] per quantity. */
  Map<Quantity, float[][]> kept() {
    return kept;
  }

  /** ∂L/∂q [T][H] of every kept quantity, for kept sample s. */
  Map<Quantity, float[][]> sample(int s) {
    if (s >= samples) {
      throw new IllegalArgumentException("sample " + s + " was not kept");
    }
    Map<Quantity, float[][]> out = new EnumMap<>(Quantity.class);
    kept.forEach((q, v) -> out.put(q, TraceKeeper.sample(v, s, h)));
    return out;
  }
}
