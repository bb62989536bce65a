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
 * The four products W_·[a, x] are one: W (input part, [in, 4H]) and RW (recurrent part, [H, 4H])
 * hold the gates side by side as [ c̃ | Γf | Γo | Γu ], DL4J's column order, so DL4J LSTM weights
 * copy in unchanged.
 */
final class LstmLayer extends RecurrentLayer {
  static final int CAND = 0;
  static final int FORGET = 1;
  static final int OUTPUT = 2;
  static final int UPDATE = 3;
  static final List<Quantity> BLOCKS =
      List.of(Quantity.CANDIDATE, Quantity.FORGET, Quantity.OUTPUT, Quantity.UPDATE);

  private INDArray rw; // [H, 4H]
  private INDArray drw; // [H, 4H]

  // One array per gate and step, [T][B·H], so the cell loops run over a single index (the JIT
  // vectorises those; with the gates interleaved in one array it cannot prove independence).
  private double[][] cand; // c̃⟨t⟩
  private double[][] forget; // Γf
  private double[][] output; // Γo
  private double[][] update; // Γu
  private double[][] c; // [T+1][B·H]: c⟨0..T⟩
  private double[][] tanhC; // [T][B·H]
  private Mirror daStep; // [B, H]: dz·RWᵀ
  private double[][] dzGates; // ∂loss/∂ pre-activations of c̃, Γf, Γo, Γu for one step, [4][B·H]
  private double[] dcNext; // [B·H]

  // The same in single precision, for FLOAT models (see RecurrentLayer#f32).
  private float[][] candF;
  private float[][] forgetF;
  private float[][] outputF;
  private float[][] updateF;
  private float[][] cF; // [T+1][B·H]
  private float[][] tanhCF;
  private float[][] dzGatesF; // [4][B·H]
  private float[] dcNextF;
  private float[] stepIn; // one step of the input side, [B·4H]

  LstmLayer(String prefix, int in, int h) {
    super(prefix, in, h, 4);
  }

  @Override
  List<ParamSet.Spec> recurrentSpecs() {
    return List.of(new ParamSet.Spec(prefix + "RW", h, 4 * h));
  }

  @Override
  void bindRecurrent(ParamSet params, ParamSet grads) {
    rw = params.get(prefix + "RW");
    drw = grads.get(prefix + "RW");
  }

  @Override
  List<Quantity> blocks() {
    return BLOCKS;
  }

  @Override
  void initialize(SplittableRandom rnd, ModelConfig cfg) {
    for (int k = 0; k < 4; k++) {
      Init.xavier(w, k * h, h, rnd);
      Init.orthogonal(rw, k * h, h, rnd);
    }
    b.assign(0);
    Nd.cols(b, FORGET * h, (FORGET + 1) * h).assign(cfg.forgetBias());
  }

  @Override
  protected boolean singlePrecision() {
    return true;
  }

  @Override
  protected INDArray jointRecurrentWeights() {
    return rw;
  }

  @Override
  protected INDArray jointRecurrentGradient() {
    return drw;
  }

  @Override
  protected void allocateCell(int bs) {
    daStep = new Mirror(dtype, bs, h, bs * h);
    if (f32) {
      candF = new float[T][bs * h];
      forgetF = new float[T][bs * h];
      outputF = new float[T][bs * h];
      updateF = new float[T][bs * h];
      cF = new float[T + 1][bs * h];
      tanhCF = new float[T][bs * h];
      dzGatesF = new float[4][bs * h];
      dcNextF = new float[bs * h];
      stepIn = new float[bs * n];
      cand = forget = output = update = c = tanhC = dzGates = null;
      dcNext = null;
      return;
    }
    candF = forgetF = outputF = updateF = cF = tanhCF = dzGatesF = null;
    dcNextF = stepIn = null;
    cand = new double[T][bs * h];
    forget = new double[T][bs * h];
    output = new double[T][bs * h];
    update = new double[T][bs * h];
    c = new double[T + 1][bs * h];
    tanhC = new double[T][bs * h];
    dzGates = new double[4][bs * h];
    dcNext = new double[bs * h];
  }

  @Override
  protected void step(int t, double[][] clamp) {
    if (f32) {
      stepF(t, clamp);
      return;
    }
    int bs = batch;
    int m = bs * h;
    double[] ct = cand[t];
    double[] ft = forget[t];
    double[] ot = output[t];
    double[] ut = update[t];
    double[] cPrev = c[t];
    double[] cNow = c[t + 1];
    double[] tc = tanhC[t];
    double[] aNow = a[t + 1];
    Nd.gemm(aNAt[t], rw, inPreAt[t], false, false, 1); // x⟨t⟩·W + a⟨t−1⟩·RW  [B, 4H]
    double[][] gates = {ct, ft, ot, ut};
    inPre.readBlocks((long) t * bs * n, bs, h, gates, bias); // x⟨t⟩·W + a⟨t−1⟩·RW + b
    if (keeping()) {
      for (int k = 0; k < 4; k++) {
        keepPre(t, k, gates[k]);
      }
    }
    act.tanh(ct, 0, m); // c̃⟨t⟩
    act.sigmoid(ft, 0, m); // Γf
    act.sigmoid(ot, 0, m); // Γo
    act.sigmoid(ut, 0, m); // Γu
    if (keeping()) {
      for (int k = 0; k < 4; k++) {
        keepActivated(t, k, gates[k]);
      }
    }
    if (clamp != null) {
      for (int k = 0; k < 4; k++) {
        clampBlock(gates[k], clamp, k * h);
      }
    }
    for (int i = 0; i < m; i++) {
      cNow[i] = ut[i] * ct[i] + ft[i] * cPrev[i]; // c⟨t⟩ = Γu ⊙ c̃⟨t⟩ + Γf ⊙ c⟨t−1⟩
    }
    System.arraycopy(cNow, 0, tc, 0, m);
    act.tanh(tc, 0, m);
    for (int i = 0; i < m; i++) {
      aNow[i] = ot[i] * tc[i]; // a⟨t⟩ = Γo ⊙ tanh(c⟨t⟩)
    }
  }

  /**
   * The step in single precision. Each loop does one simple thing over whole arrays: that is what
   * the JIT vectorises (a loop that reads one array and activates into another, with offsets, ran
   * about seven times slower).
   */
  private void stepF(int t, double[][] clamp) {
    int bs = batch;
    int m = bs * h;
    float[] ct = candF[t];
    float[] ft = forgetF[t];
    float[] ot = outputF[t];
    float[] ut = updateF[t];
    float[] cPrev = cF[t];
    float[] cNow = cF[t + 1];
    float[] tc = tanhCF[t];
    float[] aNow = aF[t + 1];
    float[] z = stepIn;
    // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RW; W; b] = a⟨t−1⟩·RW + x⟨t⟩·W + b, one product  [B, 4H]
    Nd.gemm(xaAt[t], stacked, zStep.array, false, false, 0);
    zStep.read(0, z, 0, bs * n); // [B·4H]: rows of [c̃ | Γf | Γo | Γu]
    float[][] gates = {ct, ft, ot, ut};
    for (int r = 0; r < bs; r++) {
      for (int k = 0; k < 4; k++) {
        float[] g = gates[k];
        System.arraycopy(z, r * n + k * h, g, r * h, h);
      }
    }
    if (keeping()) {
      for (int k = 0; k < 4; k++) {
        keepPre(t, k, gates[k]);
      }
    }
    Activations.tanh(ct, m); // c̃⟨t⟩
    Activations.sigmoid(ft, m); // Γf
    Activations.sigmoid(ot, m); // Γo
    Activations.sigmoid(ut, m); // Γu
    if (keeping()) {
      for (int k = 0; k < 4; k++) {
        keepActivated(t, k, gates[k]);
      }
    }
    if (clamp != null) {
      for (int k = 0; k < 4; k++) {
        clampBlock(gates[k], clamp, k * h);
      }
    }
    for (int i = 0; i < m; i++) {
      cNow[i] = ut[i] * ct[i] + ft[i] * cPrev[i]; // c⟨t⟩ = Γu ⊙ c̃⟨t⟩ + Γf ⊙ c⟨t−1⟩
    }
    System.arraycopy(cNow, 0, tc, 0, m);
    Activations.tanh(tc, m);
    for (int i = 0; i < m; i++) {
      aNow[i] = ot[i] * tc[i]; // a⟨t⟩ = Γo ⊙ tanh(c⟨t⟩)
    }
  }

  @Override
  protected void resetBackward() {
    if (f32) {
      Arrays.fill(dcNextF, 0f);
    } else {
      Arrays.fill(dcNext, 0.0);
    }
  }

  @Override
  protected void backStep(int t, double[] dOut) {
    if (f32) {
      backStepF(t, dOut);
      return;
    }
    int bs = batch;
    int m = bs * h;
    int off = t * m;
    double[] ct = cand[t];
    double[] ft = forget[t];
    double[] ot = output[t];
    double[] ut = update[t];
    double[] cPrev = c[t];
    double[] tc = tanhC[t];
    double[] dzc = dzGates[0];
    double[] dzf = dzGates[1];
    double[] dzo = dzGates[2];
    double[] dzu = dzGates[3];
    double[] dcn = dcNext;
    double[] dan = daNext;
    for (int i = 0; i < m; i++) {
      double da = dOut[off + i] + dan[i]; // ∂a⟨t⟩: from above and from t+1
      dan[i] = da;
      double tch = tc[i];
      double o = ot[i];
      double dc = da * o * (1 - tch * tch) + dcn[i]; // ∂c⟨t⟩
      double cd = ct[i];
      double f = ft[i];
      double u = ut[i];
      dzc[i] = dc * u * (1 - cd * cd); // c̃
      dzf[i] = dc * cPrev[i] * f * (1 - f); // Γf
      dzo[i] = da * tch * o * (1 - o); // Γo
      dzu[i] = dc * cd * u * (1 - u); // Γu
      dcn[i] = dc * f; // ∂c⟨t−1⟩
    }
    recordDa(t, daNext);
    storeDzBlocks(t, dzGates);
    if (t > 0) {
      Nd.gemm(dzAt[t], rw, daStep.array, false, true, 0); // ∂a⟨t−1⟩ = dz·RWᵀ  [B, H]
      daStep.read(0, daNext, 0, m);
    }
  }

  private void backStepF(int t, double[] dOut) {
    int m = batch * h;
    int off = t * m;
    float[] ct = candF[t];
    float[] ft = forgetF[t];
    float[] ot = outputF[t];
    float[] ut = updateF[t];
    float[] cPrev = cF[t];
    float[] tc = tanhCF[t];
    float[] dzc = dzGatesF[0];
    float[] dzf = dzGatesF[1];
    float[] dzo = dzGatesF[2];
    float[] dzu = dzGatesF[3];
    float[] dcn = dcNextF;
    float[] dan = daNextF;
    for (int i = 0; i < m; i++) {
      float da = (float) dOut[off + i] + dan[i]; // ∂a⟨t⟩: from above and from t+1
      dan[i] = da;
      float tch = tc[i];
      float o = ot[i];
      float dc = da * o * (1 - tch * tch) + dcn[i]; // ∂c⟨t⟩
      float cd = ct[i];
      float f = ft[i];
      float u = ut[i];
      dzc[i] = dc * u * (1 - cd * cd); // c̃
      dzf[i] = dc * cPrev[i] * f * (1 - f); // Γf
      dzo[i] = da * tch * o * (1 - o); // Γo
      dzu[i] = dc * cd * u * (1 - u); // Γu
      dcn[i] = dc * f; // ∂c⟨t−1⟩
    }
    recordDa(t, daNextF);
    storeDzBlocks(t, dzGatesF);
    if (t > 0) {
      Nd.gemm(dzAt[t], rw, daStep.array, false, true, 0); // ∂a⟨t−1⟩ = dz·RWᵀ  [B, H]
      daStep.read(0, daNextF, 0, m);
    }
  }

  @Override
  protected void recurrentWeightGradients() {
    Nd.gemm(previousOutputs(), dz.array, drw, true, false, 0); // [H, 4H]
  }

  @Override
  float[][] trace(Quantity q, int s) {
    if (f32) {
      return switch (q) {
        case CANDIDATE -> extract(candF, h, 0, 0, s);
        case FORGET -> extract(forgetF, h, 0, 0, s);
        case OUTPUT -> extract(outputF, h, 0, 0, s);
        case UPDATE -> extract(updateF, h, 0, 0, s);
        case CELL -> extract(cF, h, 0, 1, s);
        case HIDDEN -> extract(aF, h, 0, 1, s);
        default -> throw new IllegalArgumentException("an LSTM has no " + q.symbol());
      };
    }
    return switch (q) {
      case CANDIDATE -> extract(cand, h, 0, 0, s);
      case FORGET -> extract(forget, h, 0, 0, s);
      case OUTPUT -> extract(output, h, 0, 0, s);
      case UPDATE -> extract(update, h, 0, 0, s);
      case CELL -> extract(c, h, 0, 1, s);
      case HIDDEN -> extract(a, h, 0, 1, s);
      default -> throw new IllegalArgumentException("an LSTM has no " + q.symbol());
    };
  }
}
