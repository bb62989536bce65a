package io.gatescope.core.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The GRU cell in the lesson's notation (the reset gate acts on a⟨t−1⟩ before the candidate's
 * product):
 *
 * <pre>
 *   Γr = σ(W_r[a⟨t−1⟩, x⟨t⟩] + b_r)        Γu = σ(W_u[a⟨t−1⟩, x⟨t⟩] + b_u)
 *   c̃⟨t⟩ = tanh(W_c[Γr ⊙ a⟨t−1⟩, x⟨t⟩] + b_c)
 *   a⟨t⟩ = Γu ⊙ c̃⟨t⟩ + (1 − Γu) ⊙ a⟨t−1⟩
 * </pre>
 *
 * W [in, 3H] and b hold [ Γr | Γu | c̃ ]. Two products per step, each on a {@link JointOperand}:
 * [a⟨t−1⟩ | x⟨t⟩ | 1]·[RWru; W_ru; b_ru] for both gates, then [Γr ⊙ a⟨t−1⟩ | x⟨t⟩ | 1]·[RWc; W_c;
 * b_c] for the candidate, which needs Γr first.
 */
final class GruCell extends Cell {
  private static final List<Quantity> BLOCKS =
      List.of(Quantity.RESET, Quantity.UPDATE, Quantity.CANDIDATE);
  private static final int R = 0; // block of Γr
  private static final int U = 1; // Γu
  private static final int C = 2; // c̃

  private final JointOperand gates; // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RWru; W_ru; b_ru]
  private final JointOperand candidate; // [Γr ⊙ a⟨t−1⟩ | x⟨t⟩ | 1]·[RWc; W_c; b_c]

  private float[][] zRu; // one step's z_r, z_u  [2][B·H]
  private float[][] zC; // z_c̃  [1][B·H]
  private float[][] dzRu; // ∂loss/∂z_r, ∂loss/∂z_u  [2][B·H]
  private float[][] dzC; // ∂loss/∂z_c̃  [1][B·H]
  private float[][] reset; // Γr  [T][B·H]
  private float[][] update; // Γu
  private float[][] cand; // c̃⟨t⟩
  private float[][] resetA; // Γr ⊙ a⟨t−1⟩
  private float[] dResetA; // ∂loss/∂(Γr ⊙ a⟨t−1⟩)  [B·H]

  GruCell(int h) {
    super(h, BLOCKS);
    this.gates = new JointOperand(h, 2 * h);
    this.candidate = new JointOperand(h, h);
  }

  @Override
  List<Part> parts() {
    return List.of(new Part(gates, 0, 2 * h, "RWru"), new Part(candidate, 2 * h, 3 * h, "RWc"));
  }

  @Override
  void initialize(
      INDArray w, INDArray b, List<INDArray> rw, SplittableRandom rnd, ModelConfig cfg) {
    for (int k = 0; k < 3; k++) {
      Init.xavier(w, k * h, h, rnd);
    }
    Init.orthogonal(rw.get(0), 0, h, rnd);
    Init.orthogonal(rw.get(0), h, h, rnd);
    Init.orthogonal(rw.get(1), 0, h, rnd);
    b.assign(0);
  }

  @Override
  void allocate() {
    zRu = new float[2][m];
    zC = new float[1][m];
    dzRu = new float[2][m];
    dzC = new float[1][m];
    float[][][] values = new float[4][T][m];
    reset = values[0];
    update = values[1];
    cand = values[2];
    resetA = values[3];
    dResetA = new float[m];
    traced(Map.of(Quantity.RESET, reset, Quantity.UPDATE, update, Quantity.CANDIDATE, cand));
  }

  @Override
  void step(int t, int rows, float[] aPrev, float[] aNow, Overrides overrides, TraceKeeper keep) {
    int n = rows * h;
    float[] rt = reset[t];
    float[] ut = update[t];
    float[] ct = cand[t];
    float[] ra = resetA[t];
    gates.product(t, rows, zRu); // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RWru; W_ru; b_ru]  [rows, 2H]
    float[] zR = zRu[0]; // z_r = W_r[a⟨t−1⟩, x⟨t⟩] + b_r  [B, H]
    float[] zU = zRu[1]; // z_u
    Activations.sigmoid(zR, rt, n); // Γr = σ(z_r)
    Activations.sigmoid(zU, ut, n); // Γu = σ(z_u)
    keepAndClamp(t, R, rows, zR, rt, keep, overrides);
    keepAndClamp(t, U, rows, zU, ut, keep, overrides);
    for (int i = 0; i < n; i++) {
      ra[i] = rt[i] * aPrev[i]; // Γr ⊙ a⟨t−1⟩
    }
    candidate.putRecurrent(t, rows, ra);
    candidate.product(t, rows, zC); // [Γr ⊙ a⟨t−1⟩ | x⟨t⟩ | 1]·[RWc; W_c; b_c]  [rows, H]
    Activations.tanh(zC[0], ct, n); // c̃⟨t⟩ = tanh(z_c̃)
    keepAndClamp(t, C, rows, zC[0], ct, keep, Overrides.NONE);
    for (int i = 0; i < n; i++) {
      aNow[i] = ut[i] * ct[i] + (1 - ut[i]) * aPrev[i]; // a⟨t⟩ = Γu ⊙ c̃⟨t⟩ + (1 − Γu) ⊙ a⟨t−1⟩
    }
  }

  private void keepAndClamp(
      int t, int k, int rows, float[] z, float[] g, TraceKeeper keep, Overrides overrides) {
    keep.pre(t, k, z);
    keep.activated(t, k, g);
    overrides.clamp(g, k, rows);
  }

  @Override
  void backStep(int t, int rows, float[] aPrev, float[] aNow, float[] da, float[] daPrev) {
    int n = rows * h;
    float[] rt = reset[t];
    float[] ut = update[t];
    float[] ct = cand[t];
    float[] dzR = dzRu[0];
    float[] dzU = dzRu[1];
    float[] dzc = dzC[0];
    for (int i = 0; i < n; i++) {
      dzU[i] = da[i] * (ct[i] - aPrev[i]) * ut[i] * (1 - ut[i]); // ∂z_u = ∂a ⊙ (c̃ − a⟨t−1⟩) ⊙ σ′
      dzc[i] = da[i] * ut[i] * (1 - ct[i] * ct[i]); // ∂z_c̃ = ∂a ⊙ Γu ⊙ tanh′
    }
    candidate.putDz(t, rows, dzC);
    if (t == 0) {
      // a⟨0⟩ = 0: nothing flows into Γr, and there is no earlier state to pass ∂a to.
      Arrays.fill(dzR, 0f);
      gates.putDz(t, rows, dzRu);
      return;
    }
    candidate.recurrentGradient(t, rows, dResetA, false); // ∂(Γr ⊙ a⟨t−1⟩) = dz_c̃·RWcᵀ  [rows, H]
    for (int i = 0; i < n; i++) {
      dzR[i] = dResetA[i] * aPrev[i] * rt[i] * (1 - rt[i]); // ∂z_r = ∂(Γr ⊙ a) ⊙ a⟨t−1⟩ ⊙ σ′
      daPrev[i] = da[i] * (1 - ut[i]) + dResetA[i] * rt[i]; // ∂a⟨t−1⟩ but for the product below
    }
    gates.putDz(t, rows, dzRu);
    gates.recurrentGradient(t, rows, daPrev, true); // ∂a⟨t−1⟩ += dz_ru·RWruᵀ  [rows, H]
  }

  @Override
  void keepBackward(int t, int rows, float[] aPrev, float[] da, BackwardKeeper keep) {
    int n = rows * h;
    float[] ut = update[t];
    float[] ct = cand[t];
    float[] dU = keep.at(Quantity.UPDATE, t);
    float[] dC = keep.at(Quantity.CANDIDATE, t);
    float[] dR = keep.at(Quantity.RESET, t);
    for (int i = 0; i < n; i++) {
      dU[i] = da[i] * (ct[i] - aPrev[i]); // ∂L/∂Γu = ∂L/∂a⟨t⟩ ⊙ (c̃⟨t⟩ − a⟨t−1⟩)
      dC[i] = da[i] * ut[i]; // ∂L/∂c̃ = ∂L/∂a⟨t⟩ ⊙ Γu
      // ∂L/∂Γr = ∂L/∂(Γr ⊙ a⟨t−1⟩) ⊙ a⟨t−1⟩; at t = 0, a⟨0⟩ = 0 and nothing flows into Γr.
      dR[i] = t == 0 ? 0f : dResetA[i] * aPrev[i];
    }
  }
}
