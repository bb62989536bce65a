package io.gatescope.core.engine;

import java.util.List;
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
final class GruCell implements Cell {
  private static final int T = ModelConfig.STEPS;
  private static final List<Quantity> BLOCKS =
      List.of(Quantity.RESET, Quantity.UPDATE, Quantity.CANDIDATE);
  private static final int R = 0; // block of Γr
  private static final int U = 1; // Γu
  private static final int C = 2; // c̃

  private final int h;
  private final JointOperand gates; // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RWru; W_ru; b_ru]
  private final JointOperand candidate; // [Γr ⊙ a⟨t−1⟩ | x⟨t⟩ | 1]·[RWc; W_c; b_c]
  private int m; // B·H

  private float[] zR; // z_r, one step's pre-activations  [B·H]
  private float[] zU; // z_u
  private float[] zC; // z_c̃
  private float[][] reset; // Γr  [T][B·H]
  private float[][] update; // Γu
  private float[][] cand; // c̃⟨t⟩
  private float[][] resetA; // Γr ⊙ a⟨t−1⟩
  private float[] dzR; // ∂loss/∂z_r, one step  [B·H]
  private float[] dzU;
  private float[] dzC;
  private float[] dResetA; // ∂loss/∂(Γr ⊙ a⟨t−1⟩)  [B·H]

  GruCell(int h) {
    this.h = h;
    this.gates = new JointOperand(h, 2 * h);
    this.candidate = new JointOperand(h, h);
  }

  @Override
  public List<Quantity> blocks() {
    return BLOCKS;
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part(gates, 0, 2 * h, "RWru"), new Part(candidate, 2 * h, 3 * h, "RWc"));
  }

  @Override
  public void initialize(
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
  public void allocate(int bs) {
    m = bs * h;
    zR = new float[m];
    zU = new float[m];
    zC = new float[m];
    reset = new float[T][m];
    update = new float[T][m];
    cand = new float[T][m];
    resetA = new float[T][m];
    dzR = new float[m];
    dzU = new float[m];
    dzC = new float[m];
    dResetA = new float[m];
  }

  @Override
  public void step(int t, float[] aPrev, float[] aNow, Overrides overrides, TraceKeeper keep) {
    int bs = m / h;
    float[] rt = reset[t];
    float[] ut = update[t];
    float[] ct = cand[t];
    float[] ra = resetA[t];
    gates.product(t, new float[][] {zR, zU}); // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RWru; W_ru; b_ru]  [B, 2H]
    // z_r, z_u  [B, H] each
    keep.pre(t, R, zR);
    keep.pre(t, U, zU);
    Activations.sigmoid(zR, rt, m); // Γr = σ(W_r[a⟨t−1⟩, x⟨t⟩] + b_r)
    Activations.sigmoid(zU, ut, m); // Γu = σ(W_u[a⟨t−1⟩, x⟨t⟩] + b_u)
    keep.activated(t, R, rt);
    keep.activated(t, U, ut);
    overrides.clamp(rt, R, bs);
    overrides.clamp(ut, U, bs);
    for (int i = 0; i < m; i++) {
      ra[i] = rt[i] * aPrev[i]; // Γr ⊙ a⟨t−1⟩
    }
    candidate.putRecurrent(t, ra);
    candidate.product(t, new float[][] {zC}); // [Γr ⊙ a⟨t−1⟩ | x⟨t⟩ | 1]·[RWc; W_c; b_c]  [B, H]
    keep.pre(t, C, zC);
    Activations.tanh(zC, ct, m); // c̃⟨t⟩ = tanh(W_c[Γr ⊙ a⟨t−1⟩, x⟨t⟩] + b_c)
    keep.activated(t, C, ct);
    for (int i = 0; i < m; i++) {
      aNow[i] = ut[i] * ct[i] + (1 - ut[i]) * aPrev[i]; // a⟨t⟩ = Γu ⊙ c̃⟨t⟩ + (1 − Γu) ⊙ a⟨t−1⟩
    }
  }

  @Override
  public void startBackward() {}

  @Override
  public void backStep(int t, float[] aPrev, float[] aNow, float[] da, float[] daPrev) {
    float[] rt = reset[t];
    float[] ut = update[t];
    float[] ct = cand[t];
    for (int i = 0; i < m; i++) {
      dzU[i] = da[i] * (ct[i] - aPrev[i]) * ut[i] * (1 - ut[i]); // ∂z_u = ∂a ⊙ (c̃ − a⟨t−1⟩) ⊙ σ′
      dzC[i] = da[i] * ut[i] * (1 - ct[i] * ct[i]); // ∂z_c̃ = ∂a ⊙ Γu ⊙ tanh′
    }
    candidate.putDz(t, new float[][] {dzC});
    if (t == 0) {
      // a⟨0⟩ = 0: nothing flows into Γr, and there is no earlier state to pass ∂a to.
      java.util.Arrays.fill(dzR, 0f);
      gates.putDz(t, new float[][] {dzR, dzU});
      return;
    }
    candidate.recurrentGradient(t, dResetA, false); // ∂(Γr ⊙ a⟨t−1⟩) = dz_c̃·RWcᵀ  [B, H]
    for (int i = 0; i < m; i++) {
      dzR[i] = dResetA[i] * aPrev[i] * rt[i] * (1 - rt[i]); // ∂z_r = ∂(Γr ⊙ a) ⊙ a⟨t−1⟩ ⊙ σ′
      daPrev[i] = da[i] * (1 - ut[i]) + dResetA[i] * rt[i]; // ∂a⟨t−1⟩ but for the product below
    }
    gates.putDz(t, new float[][] {dzR, dzU});
    gates.recurrentGradient(t, daPrev, true); // ∂a⟨t−1⟩ += dz_ru·RWruᵀ  [B, H]
  }

  @Override
  public float[][] values(Quantity q) {
    return switch (q) {
      case RESET -> reset;
      case UPDATE -> update;
      case CANDIDATE -> cand;
      default -> null;
    };
  }
}
