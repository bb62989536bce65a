package io.gatescope.core.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
final class LstmCell extends Cell {
  private static final List<Quantity> BLOCKS =
      List.of(Quantity.CANDIDATE, Quantity.FORGET, Quantity.OUTPUT, Quantity.UPDATE);
  private static final int C = 0; // block of c̃
  private static final int F = 1; // Γf
  private static final int O = 2; // Γo
  private static final int U = 3; // Γu

  private final JointOperand joint; // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RW; W; b]

  private float[][] z; // one step's pre-activations by block: z_c̃, z_f, z_o, z_u  [4][B·H]
  private float[][] dz; // ∂loss/∂z, the same blocks  [4][B·H]
  private float[][] cand; // c̃⟨t⟩  [T][B·H]
  private float[][] forget; // Γf
  private float[][] output; // Γo
  private float[][] update; // Γu
  private float[][] c; // c⟨0..T⟩  [T+1][B·H]
  private float[][] tanhC; // tanh(c⟨t⟩)  [T][B·H]
  private float[] dcNext; // ∂loss/∂c⟨t⟩ through c⟨t+1⟩  [B·H]
  private float[] dc; // ∂loss/∂c⟨t⟩ of the step going back, everything that flows into it  [B·H]

  LstmCell(int h) {
    super(h, BLOCKS);
    this.joint = new JointOperand(h, 4 * h);
  }

  @Override
  List<Part> parts() {
    return List.of(new Part(joint, 0, 4 * h, "RW"));
  }

  @Override
  void initialize(
      INDArray w, INDArray b, List<INDArray> rw, SplittableRandom rnd, ModelConfig cfg) {
    for (int k = 0; k < 4; k++) {
      Init.xavier(w, k * h, h, rnd);
      Init.orthogonal(rw.get(0), k * h, h, rnd);
    }
    b.assign(0);
    Nd.cols(b, F * h, (F + 1) * h).assign(cfg.forgetBias());
  }

  @Override
  void allocate() {
    z = new float[4][m];
    dz = new float[4][m];
    float[][][] gates = new float[4][T][m];
    cand = gates[C];
    forget = gates[F];
    output = gates[O];
    update = gates[U];
    c = new float[T + 1][m];
    tanhC = new float[T][m];
    dcNext = new float[m];
    dc = new float[m];
    float[][] cFrom1 = Arrays.copyOfRange(c, 1, T + 1); // c⟨1..T⟩
    traced(
        Map.of(
            Quantity.CANDIDATE, cand,
            Quantity.UPDATE, update,
            Quantity.FORGET, forget,
            Quantity.OUTPUT, output,
            Quantity.CELL, cFrom1,
            Quantity.CELL_TANH, tanhC));
  }

  @Override
  void step(int t, int rows, float[] aPrev, float[] aNow, Overrides overrides, TraceKeeper keep) {
    int n = rows * h;
    joint.product(t, rows, z); // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RW; W; b]  [rows, 4H]
    float[] zC = z[C]; // z_c̃ = W_c[a⟨t−1⟩, x⟨t⟩] + b_c  [B, H]
    float[] zF = z[F]; // z_f
    float[] zO = z[O]; // z_o
    float[] zU = z[U]; // z_u
    float[] ct = cand[t];
    float[] ut = update[t];
    float[] ft = forget[t];
    float[] ot = output[t];
    // One loop per activation over whole arrays: fused into one loop the step measured slower.
    Activations.tanh(zC, ct, n); // c̃⟨t⟩ = tanh(z_c̃)
    Activations.sigmoid(zU, ut, n); // Γu = σ(z_u)
    Activations.sigmoid(zF, ft, n); // Γf = σ(z_f)
    Activations.sigmoid(zO, ot, n); // Γo = σ(z_o)
    keepAndClamp(t, rows, keep, overrides);
    float[] cPrev = c[t];
    float[] cNow = c[t + 1];
    for (int i = 0; i < n; i++) {
      cNow[i] = ut[i] * ct[i] + ft[i] * cPrev[i]; // c⟨t⟩ = Γu ⊙ c̃⟨t⟩ + Γf ⊙ c⟨t−1⟩
    }
    float[] tc = tanhC[t];
    Activations.tanh(cNow, tc, n);
    for (int i = 0; i < n; i++) {
      aNow[i] = ot[i] * tc[i]; // a⟨t⟩ = Γo ⊙ tanh(c⟨t⟩)
    }
  }

  /** Hands the trace what it keeps, then applies the clamps (the candidate is never clamped). */
  private void keepAndClamp(int t, int rows, TraceKeeper keep, Overrides overrides) {
    float[][] gates = {cand[t], forget[t], output[t], update[t]};
    for (int k = 0; k < 4; k++) {
      keep.pre(t, k, z[k]);
      keep.activated(t, k, gates[k]);
      overrides.clamp(gates[k], k, rows);
    }
  }

  @Override
  void startBackward() {
    Arrays.fill(dcNext, 0f);
  }

  @Override
  void backStep(int t, int rows, float[] aPrev, float[] aNow, float[] da, float[] daPrev) {
    int n = rows * h;
    float[] ct = cand[t];
    float[] ft = forget[t];
    float[] ot = output[t];
    float[] ut = update[t];
    float[] cPrev = c[t];
    float[] tc = tanhC[t];
    float[] dzC = dz[C];
    float[] dzF = dz[F];
    float[] dzO = dz[O];
    float[] dzU = dz[U];
    float[] dct = dc;
    // One loop per equation: fused into one loop (six outputs) the JIT did not vectorise it, and
    // it took 1.4 ms of a 16 ms step against 0.55 ms split (measured).
    for (int i = 0; i < n; i++) {
      dct[i] = da[i] * ot[i] * (1 - tc[i] * tc[i]) + dcNext[i]; // ∂c⟨t⟩: via a⟨t⟩ and c⟨t+1⟩
    }
    for (int i = 0; i < n; i++) {
      dzC[i] = dct[i] * ut[i] * (1 - ct[i] * ct[i]); // ∂z_c̃ = ∂c⟨t⟩ ⊙ Γu ⊙ tanh′
    }
    for (int i = 0; i < n; i++) {
      dzF[i] = dct[i] * cPrev[i] * ft[i] * (1 - ft[i]); // ∂z_f = ∂c⟨t⟩ ⊙ c⟨t−1⟩ ⊙ σ′
    }
    for (int i = 0; i < n; i++) {
      dzO[i] = da[i] * tc[i] * ot[i] * (1 - ot[i]); // ∂z_o = ∂a⟨t⟩ ⊙ tanh(c⟨t⟩) ⊙ σ′
    }
    for (int i = 0; i < n; i++) {
      dzU[i] = dct[i] * ct[i] * ut[i] * (1 - ut[i]); // ∂z_u = ∂c⟨t⟩ ⊙ c̃⟨t⟩ ⊙ σ′
    }
    for (int i = 0; i < n; i++) {
      dcNext[i] = dct[i] * ft[i]; // ∂c⟨t−1⟩ through c⟨t⟩
    }
    joint.putDz(t, rows, dz);
    if (t > 0) {
      joint.recurrentGradient(t, rows, daPrev, false); // ∂a⟨t−1⟩ = dz·RWᵀ  [rows, H]
    }
  }

  @Override
  void keepBackward(int t, int rows, float[] aPrev, float[] da, BackwardKeeper keep) {
    int n = rows * h;
    float[] ct = cand[t];
    float[] ut = update[t];
    float[] cPrev = c[t];
    float[] tc = tanhC[t];
    float[] dU = keep.at(Quantity.UPDATE, t);
    float[] dF = keep.at(Quantity.FORGET, t);
    float[] dO = keep.at(Quantity.OUTPUT, t);
    float[] dC = keep.at(Quantity.CANDIDATE, t);
    for (int i = 0; i < n; i++) {
      dU[i] = dc[i] * ct[i]; // ∂L/∂Γu = ∂L/∂c⟨t⟩ ⊙ c̃⟨t⟩
      dF[i] = dc[i] * cPrev[i]; // ∂L/∂Γf = ∂L/∂c⟨t⟩ ⊙ c⟨t−1⟩
      dO[i] = da[i] * tc[i]; // ∂L/∂Γo = ∂L/∂a⟨t⟩ ⊙ tanh(c⟨t⟩)
      dC[i] = dc[i] * ut[i]; // ∂L/∂c̃ = ∂L/∂c⟨t⟩ ⊙ Γu
    }
    keep.put(Quantity.CELL, t, dc); // ∂L/∂c⟨t⟩, from a⟨t⟩ and from c⟨t+1⟩
  }
}
