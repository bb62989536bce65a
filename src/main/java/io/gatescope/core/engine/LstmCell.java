package io.gatescope.core.engine;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The LSTM cell, in the lesson's notation:
 *
 * <pre>
 *   c̃⟨t⟩ = tanh(W_c[a⟨t−1⟩, x⟨t⟩] + b_c)     Γu = σ(W_u[a⟨t−1⟩, x⟨t⟩] + b_u)
 *   Γf   = σ(W_f[a⟨t−1⟩, x⟨t⟩] + b_f)      Γo = σ(W_o[a⟨t−1⟩, x⟨t⟩] + b_o)
 *   c⟨t⟩ = Γu ⊙ c̃⟨t⟩ + Γf ⊙ c⟨t−1⟩          a⟨t⟩ = Γo ⊙ tanh(c⟨t⟩)
 * </pre>
 *
 * The four products W_·[a⟨t−1⟩, x⟨t⟩] + b_· are one ({@link JointOperand}); its columns hold the
 * gates side by side as [ c̃ | Γf | Γo | Γu ], DL4J's order, so DL4J weights copy in unchanged.
 */
final class LstmCell implements Cell {
  private static final int T = ModelConfig.STEPS;
  private static final List<Quantity> BLOCKS =
      List.of(Quantity.CANDIDATE, Quantity.FORGET, Quantity.OUTPUT, Quantity.UPDATE);
  private static final int C = 0; // block of c̃
  private static final int F = 1; // Γf
  private static final int O = 2; // Γo
  private static final int U = 3; // Γu

  private final int h;
  private final JointOperand joint; // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RW; W; b]
  private int m; // B·H

  private float[] zC; // z_c̃, one step's pre-activations  [B·H]
  private float[] zF; // z_f
  private float[] zO; // z_o
  private float[] zU; // z_u
  private float[][] cand; // c̃⟨t⟩  [T][B·H]
  private float[][] forget; // Γf
  private float[][] output; // Γo
  private float[][] update; // Γu
  private float[][] c; // c⟨0..T⟩  [T+1][B·H]
  private float[][] tanhC; // tanh(c⟨t⟩)  [T][B·H]
  private float[] dzC; // ∂loss/∂z_c̃, one step  [B·H]
  private float[] dzF;
  private float[] dzO;
  private float[] dzU;
  private float[] dcNext; // ∂loss/∂c⟨t⟩ through c⟨t+1⟩  [B·H]

  LstmCell(int h) {
    this.h = h;
    this.joint = new JointOperand(h, 4 * h);
  }

  @Override
  public List<Quantity> blocks() {
    return BLOCKS;
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part(joint, 0, 4 * h, "RW"));
  }

  @Override
  public void initialize(
      INDArray w, INDArray b, List<INDArray> rw, SplittableRandom rnd, ModelConfig cfg) {
    for (int k = 0; k < 4; k++) {
      Init.xavier(w, k * h, h, rnd);
      Init.orthogonal(rw.get(0), k * h, h, rnd);
    }
    b.assign(0);
    Nd.cols(b, F * h, (F + 1) * h).assign(cfg.forgetBias());
  }

  @Override
  public void allocate(int bs) {
    m = bs * h;
    zC = new float[m];
    zF = new float[m];
    zO = new float[m];
    zU = new float[m];
    cand = new float[T][m];
    forget = new float[T][m];
    output = new float[T][m];
    update = new float[T][m];
    c = new float[T + 1][m];
    tanhC = new float[T][m];
    dzC = new float[m];
    dzF = new float[m];
    dzO = new float[m];
    dzU = new float[m];
    dcNext = new float[m];
  }

  @Override
  public void step(int t, float[] aPrev, float[] aNow, Overrides overrides, TraceKeeper keep) {
    int bs = m / h;
    joint.product(t, new float[][] {zC, zF, zO, zU}); // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RW; W; b]  [B, 4H]
    // z_c̃, z_f, z_o, z_u  [B, H] each: the four pre-activations, in the product's column order
    keepPre(t, keep);
    float[] ct = cand[t];
    float[] ut = update[t];
    float[] ft = forget[t];
    float[] ot = output[t];
    Activations.tanh(zC, ct, m); // c̃⟨t⟩ = tanh(W_c[a⟨t−1⟩, x⟨t⟩] + b_c)
    Activations.sigmoid(zU, ut, m); // Γu = σ(W_u[a⟨t−1⟩, x⟨t⟩] + b_u)
    Activations.sigmoid(zF, ft, m); // Γf = σ(W_f[a⟨t−1⟩, x⟨t⟩] + b_f)
    Activations.sigmoid(zO, ot, m); // Γo = σ(W_o[a⟨t−1⟩, x⟨t⟩] + b_o)
    keepActivatedAndClamp(t, keep, overrides, bs);
    float[] cPrev = c[t];
    float[] cNow = c[t + 1];
    for (int i = 0; i < m; i++) {
      cNow[i] = ut[i] * ct[i] + ft[i] * cPrev[i]; // c⟨t⟩ = Γu ⊙ c̃⟨t⟩ + Γf ⊙ c⟨t−1⟩
    }
    float[] tc = tanhC[t];
    Activations.tanh(cNow, tc, m);
    for (int i = 0; i < m; i++) {
      aNow[i] = ot[i] * tc[i]; // a⟨t⟩ = Γo ⊙ tanh(c⟨t⟩)
    }
  }

  private void keepPre(int t, TraceKeeper keep) {
    keep.pre(t, C, zC);
    keep.pre(t, F, zF);
    keep.pre(t, O, zO);
    keep.pre(t, U, zU);
  }

  private void keepActivatedAndClamp(int t, TraceKeeper keep, Overrides overrides, int bs) {
    float[][] gates = {cand[t], forget[t], output[t], update[t]};
    for (int k = 0; k < 4; k++) {
      keep.activated(t, k, gates[k]);
      overrides.clamp(gates[k], k, bs); // the candidate is no gate: it is never clamped
    }
  }

  @Override
  public void startBackward() {
    Arrays.fill(dcNext, 0f);
  }

  @Override
  public void backStep(int t, float[] aPrev, float[] aNow, float[] da, float[] daPrev) {
    float[] ct = cand[t];
    float[] ft = forget[t];
    float[] ot = output[t];
    float[] ut = update[t];
    float[] cPrev = c[t];
    float[] tc = tanhC[t];
    for (int i = 0; i < m; i++) {
      float dc = da[i] * ot[i] * (1 - tc[i] * tc[i]) + dcNext[i]; // ∂c⟨t⟩: via a⟨t⟩ and c⟨t+1⟩
      dzC[i] = dc * ut[i] * (1 - ct[i] * ct[i]); // ∂z_c̃ = ∂c⟨t⟩ ⊙ Γu ⊙ tanh′
      dzF[i] = dc * cPrev[i] * ft[i] * (1 - ft[i]); // ∂z_f = ∂c⟨t⟩ ⊙ c⟨t−1⟩ ⊙ σ′
      dzO[i] = da[i] * tc[i] * ot[i] * (1 - ot[i]); // ∂z_o = ∂a⟨t⟩ ⊙ tanh(c⟨t⟩) ⊙ σ′
      dzU[i] = dc * ct[i] * ut[i] * (1 - ut[i]); // ∂z_u = ∂c⟨t⟩ ⊙ c̃⟨t⟩ ⊙ σ′
      dcNext[i] = dc * ft[i]; // ∂c⟨t−1⟩ through c⟨t⟩
    }
    joint.putDz(t, new float[][] {dzC, dzF, dzO, dzU});
    if (t > 0) {
      joint.recurrentGradient(t, daPrev, false); // ∂a⟨t−1⟩ = dz·RWᵀ  [B, H]
    }
  }

  @Override
  public float[][] values(Quantity q) {
    return switch (q) {
      case CANDIDATE -> cand;
      case UPDATE -> update;
      case FORGET -> forget;
      case OUTPUT -> output;
      case CELL -> Arrays.copyOfRange(c, 1, T + 1);
      default -> null;
    };
  }
}
