package io.gatescope.core.engine;

import java.util.Arrays;
import java.util.List;

/**
 * The interventions that touch one layer, as vectors: gate clamps (keep 0 and a value for each
 * clamped unit of a gate block) and a scale for a⟨t⟩. {@link #NONE} when nothing is changed.
 */
final class Overrides {
  static final Overrides NONE = new Overrides(null, null, null, 0);

  private final float[] keep; // [n]: 1 where the gate is computed, 0 where it is clamped
  private final float[] value; // [n]: the clamp value where keep is 0
  private final float[] scale; // [H]: a⟨t⟩'s factor per unit
  private final int h;

  private Overrides(float[] keep, float[] value, float[] scale, int h) {
    this.keep = keep;
    this.value = value;
    this.scale = scale;
    this.h = h;
  }

  /** The interventions of {@code all} that are meant for layer {@code layer} of this cell. */
  static Overrides of(List<Intervention> all, int layer, List<Quantity> blocks, int h) {
    int n = blocks.size() * h;
    float[] keep = new float[n];
    float[] value = new float[n];
    float[] scale = new float[h];
    Arrays.fill(keep, 1f);
    Arrays.fill(scale, 1f);
    boolean clamps = false;
    boolean scales = false;
    for (Intervention iv : all) {
      if (iv.layer() != layer) {
        continue;
      }
      int block = blocks.indexOf(iv.quantity());
      boolean gate = iv.quantity().isGate() && block >= 0;
      for (int u = 0; u < h; u++) {
        if (!iv.covers(u)) {
          continue;
        }
        if (gate) {
          keep[block * h + u] = 0f;
          value[block * h + u] = iv.value();
          clamps = true;
        } else if (iv.quantity() == Quantity.HIDDEN) {
          scale[u] = iv.value();
          scales = true;
        }
      }
    }
    if (!clamps && !scales) {
      return NONE;
    }
    return new Overrides(clamps ? keep : null, clamps ? value : null, scales ? scale : null, h);
  }

  boolean any() {
    return keep != null || scale != null;
  }

  /** g [B·H] of gate block {@code block}: clamped units take their value. */
  void clamp(float[] g, int block, int batch) {
    if (keep == null) {
      return;
    }
    int o = block * h;
    for (int r = 0; r < batch; r++) {
      for (int u = 0; u < h; u++) {
        int i = r * h + u;
        g[i] = g[i] * keep[o + u] + value[o + u];
      }
    }
  }

  /** a [B·H] ← a ⊙ scale, per unit. */
  void scale(float[] a, int batch) {
    if (scale == null) {
      return;
    }
    for (int r = 0; r < batch; r++) {
      for (int u = 0; u < h; u++) {
        a[r * h + u] *= scale[u];
      }
    }
  }
}
