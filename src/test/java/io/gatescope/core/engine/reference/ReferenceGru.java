package io.gatescope.core.engine.reference;

import static io.gatescope.core.engine.Quantity.CANDIDATE;
import static io.gatescope.core.engine.Quantity.HIDDEN;
import static io.gatescope.core.engine.Quantity.RESET;
import static io.gatescope.core.engine.Quantity.UPDATE;

import io.gatescope.core.engine.Quantity;
import java.util.List;

/**
 * The GRU cell, unit by unit, the reset gate acting on a⟨t−1⟩ before the candidate's product:
 *
 * <pre>
 *   Γr = σ(x⟨t⟩·W_r + a⟨t−1⟩·RW_r + b_r)        Γu = σ(x⟨t⟩·W_u + a⟨t−1⟩·RW_u + b_u)
 *   c̃⟨t⟩ = tanh(x⟨t⟩·W_c + (Γr ⊙ a⟨t−1⟩)·RWc + b_c)
 *   a⟨t⟩ = Γu ⊙ c̃⟨t⟩ + (1 − Γu) ⊙ a⟨t−1⟩
 * </pre>
 *
 * W and b hold [Γr | Γu | c̃], H columns each; RWru holds [RW_r | RW_u]; RWc is the candidate's.
 */
final class ReferenceGru extends ReferenceLayer {
  private static final int R = 0;
  private static final int U = 1;
  private static final int C = 2;

  private final double[][] w;
  private final double[][] rwru;
  private final double[][] rwc;
  private final double[] b;

  ReferenceGru(int index, int in, int h, ReferenceParams p) {
    super(index, in, h);
    w = p.get(prefix + "W");
    rwru = p.get(prefix + "RWru");
    rwc = p.get(prefix + "RWc");
    b = p.get(prefix + "b")[0];
  }

  @Override
  List<Quantity> quantities() {
    return List.of(UPDATE, RESET, CANDIDATE, HIDDEN);
  }

  @Override
  List<Quantity> preQuantities() {
    return List.of(RESET, UPDATE, CANDIDATE);
  }

  @Override
  void step(int t, int s) {
    double[] xt = x[t][s];
    double[] aPrev = a[t][s];
    double[] resetPrev = new double[h]; // Γr ⊙ a⟨t−1⟩, needed whole before any candidate
    double[] update = new double[h];
    for (int u = 0; u < h; u++) {
      double zr = dotColumn(xt, w, R * h + u) + dotColumn(aPrev, rwru, u) + b[R * h + u];
      double zu = dotColumn(xt, w, U * h + u) + dotColumn(aPrev, rwru, h + u) + b[U * h + u];
      double reset = activated(RESET, t, s, u, zr, sigmoid(zr));
      update[u] = activated(UPDATE, t, s, u, zu, sigmoid(zu));
      resetPrev[u] = reset * aPrev[u];
    }
    for (int u = 0; u < h; u++) {
      double zc = dotColumn(xt, w, C * h + u) + dotColumn(resetPrev, rwc, u) + b[C * h + u];
      double cand = activated(CANDIDATE, t, s, u, zc, Math.tanh(zc));
      a[t + 1][s][u] = update[u] * cand + (1 - update[u]) * aPrev[u];
    }
  }

  @Override
  double[] backStep(int t, int s, double[] da, double[] dx, ReferenceParams grads) {
    double[][] dw = grads.get(prefix + "W");
    double[][] drwru = grads.get(prefix + "RWru");
    double[][] drwc = grads.get(prefix + "RWc");
    double[] db = grads.get(prefix + "b")[0];
    double[] xt = x[t][s];
    double[] aPrev = a[t][s];
    double[] reset = values.get(RESET)[t][s];
    double[] update = values.get(UPDATE)[t][s];
    double[] cand = values.get(CANDIDATE)[t][s];
    double[] resetPrev = new double[h];
    for (int u = 0; u < h; u++) {
      resetPrev[u] = reset[u] * aPrev[u];
    }
    double[] daPrev = new double[h];
    double[] dResetPrev = new double[h]; // ∂loss/∂(Γr ⊙ a⟨t−1⟩)
    double[] dzu = new double[h];
    double[] dzc = new double[h];
    for (int u = 0; u < h; u++) {
      dzu[u] = da[u] * (cand[u] - aPrev[u]) * update[u] * (1 - update[u]);
      dzc[u] = da[u] * update[u] * (1 - cand[u] * cand[u]);
      daPrev[u] += da[u] * (1 - update[u]); // the direct path (1 − Γu) ⊙ a⟨t−1⟩
      addOuter(drwc, resetPrev, u, dzc[u]);
      addColumn(dResetPrev, rwc, u, dzc[u]);
    }
    double[] dzr = new double[h];
    for (int u = 0; u < h; u++) {
      dzr[u] = dResetPrev[u] * aPrev[u] * reset[u] * (1 - reset[u]);
      daPrev[u] += dResetPrev[u] * reset[u];
    }
    for (int u = 0; u < h; u++) {
      double[] dz = {dzr[u], dzu[u], dzc[u]};
      for (int g = 0; g < 3; g++) {
        int col = g * h + u;
        addOuter(dw, xt, col, dz[g]);
        db[col] += dz[g];
        addColumn(dx, w, col, dz[g]);
      }
      addOuter(drwru, aPrev, u, dzr[u]);
      addOuter(drwru, aPrev, h + u, dzu[u]);
      addColumn(daPrev, rwru, u, dzr[u]);
      addColumn(daPrev, rwru, h + u, dzu[u]);
    }
    return daPrev;
  }
}
