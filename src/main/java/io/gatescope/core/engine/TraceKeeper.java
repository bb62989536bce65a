package io.gatescope.core.engine;

/**
 * What a traced forward pass keeps besides the cell's values, so that the equations show computed
 * numbers only: each gate block's pre-activation z (the argument of its σ or tanh), its activation
 * before a clamp replaced it, and a⟨t⟩ before a scale replaced it; each [block][T][B·H]. Training
 * does not trace and pays one check per step.
 */
final class TraceKeeper {
  private static final int T = ModelConfig.STEPS;

  private boolean on;
  private float[][][] pre;
  private float[][][] activated;
  private float[][] unscaled;

  /** Whether the next forward passes keep. */
  void keep(boolean keep) {
    on = keep;
  }

  boolean on() {
    return on;
  }

  /** Room for {@code blocks} blocks of [B·H] = m per step (kept while it fits). */
  void prepare(int blocks, int m) {
    if (pre == null || pre.length != blocks || pre[0][0].length != m) {
      pre = new float[blocks][T][m];
      activated = new float[blocks][T][m];
      unscaled = new float[T][m];
    }
  }

  /** Block k's pre-activation z at step t (before σ or tanh). */
  void pre(int t, int k, float[] z) {
    if (on) {
      System.arraycopy(z, 0, pre[k][t], 0, pre[k][t].length);
    }
  }

  /** Block k's activation at step t, as computed (before a clamp). */
  void activated(int t, int k, float[] g) {
    if (on) {
      System.arraycopy(g, 0, activated[k][t], 0, activated[k][t].length);
    }
  }

  /** a at step t before a scale. */
  void unscaled(int t, float[] a) {
    if (on) {
      System.arraycopy(a, 0, unscaled[t], 0, unscaled[t].length);
    }
  }

  /** [T][B·H] of block k's pre-activations, or null if nothing was kept. */
  float[][] pre(int k) {
    return pre == null ? null : pre[k];
  }

  float[][] activated(int k) {
    return activated == null ? null : activated[k];
  }

  float[][] unscaled() {
    return unscaled;
  }

  /** Sample s's [T][h] of per-step [B·h] arrays. */
  static float[][] sample(float[][] steps, int s, int h) {
    float[][] out = new float[T][h];
    for (int t = 0; t < T; t++) {
      System.arraycopy(steps[t], s * h, out[t], 0, h);
    }
    return out;
  }
}
