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

  private double[][] g; // [T][B·4H]: c̃, Γf, Γo, Γu of every step (activated)
  private double[][] c; // [T+1][B·H]: c⟨0..T⟩
  private double[][] tanhC; // [T][B·H]
  private Mirror zStep; // [B, 4H]: a⟨t−1⟩·RW
  private Mirror daStep; // [B, H]: dz·RWᵀ
  private double[] dzStep; // [B·4H]
  private double[] dcNext; // [B·H]

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
  protected void allocateCell(int bs) {
    g = new double[T][bs * n];
    c = new double[T + 1][bs * h];
    tanhC = new double[T][bs * h];
    zStep = new Mirror(dtype, bs, n, bs * n);
    daStep = new Mirror(dtype, bs, h, bs * h);
    dzStep = new double[bs * n];
    dcNext = new double[bs * h];
  }

  @Override
  protected void step(int t, double[][] clamp) {
    int bs = batch;
    double[] gt = g[t];
    double[] cPrev = c[t];
    double[] cNow = c[t + 1];
    double[] tc = tanhC[t];
    double[] aNow = a[t + 1];
    Nd.gemm(aPrevN.array, rw, inPreAt[t], false, false, 1); // x⟨t⟩·W + a⟨t−1⟩·RW  [B, 4H]
    inPre.read((long) t * bs * n, gt, 0, bs * n);
    addBias(gt);
    for (int r = 0; r < bs; r++) {
      act.tanh(gt, r * n, h); // c̃⟨t⟩
      act.sigmoid(gt, r * n + h, 3 * h); // Γf, Γo, Γu
    }
    applyClamp(gt, 0, clamp);
    for (int r = 0; r < bs; r++) {
      int gr = r * n;
      int hr = r * h;
      for (int u = 0; u < h; u++) {
        // c⟨t⟩ = Γu ⊙ c̃⟨t⟩ + Γf ⊙ c⟨t−1⟩
        cNow[hr + u] = gt[gr + 3 * h + u] * gt[gr + u] + gt[gr + h + u] * cPrev[hr + u];
      }
    }
    System.arraycopy(cNow, 0, tc, 0, bs * h);
    act.tanh(tc, 0, bs * h);
    for (int r = 0; r < bs; r++) {
      int gr = r * n + 2 * h;
      int hr = r * h;
      for (int u = 0; u < h; u++) {
        aNow[hr + u] = gt[gr + u] * tc[hr + u]; // a⟨t⟩ = Γo ⊙ tanh(c⟨t⟩)
      }
    }
  }

  @Override
  protected void resetBackward() {
    Arrays.fill(dcNext, 0.0);
  }

  @Override
  protected void backStep(int t, double[] dOut) {
    int bs = batch;
    int off = t * bs * h;
    double[] gt = g[t];
    double[] cPrev = c[t];
    double[] tc = tanhC[t];
    double[] dzs = dzStep;
    double[] dcn = dcNext;
    double[] dan = daNext;
    for (int r = 0; r < bs; r++) {
      int gr = r * n;
      int hr = r * h;
      for (int u = 0; u < h; u++) {
        double da = dOut[off + hr + u] + dan[hr + u]; // ∂a⟨t⟩: from above and from t+1
        dan[hr + u] = da;
        double cand = gt[gr + u];
        double forget = gt[gr + h + u];
        double output = gt[gr + 2 * h + u];
        double update = gt[gr + 3 * h + u];
        double tch = tc[hr + u];
        double dc = da * output * (1 - tch * tch) + dcn[hr + u]; // ∂c⟨t⟩
        dzs[gr + u] = dc * update * (1 - cand * cand); // c̃
        dzs[gr + h + u] = dc * cPrev[hr + u] * forget * (1 - forget); // Γf
        dzs[gr + 2 * h + u] = da * tch * output * (1 - output); // Γo
        dzs[gr + 3 * h + u] = dc * cand * update * (1 - update); // Γu
        dcn[hr + u] = dc * forget; // ∂c⟨t−1⟩
      }
    }
    recordDa(t, daNext);
    storeDz(t, dzStep);
    if (t > 0) {
      Nd.gemm(dzAt[t], rw, daStep.array, false, true, 0); // ∂a⟨t−1⟩ = dz·RWᵀ  [B, H]
      daStep.read(0, daNext, 0, bs * h);
    }
  }

  @Override
  protected void recurrentWeightGradients() {
    Nd.gemm(previousOutputs(), dz.array, drw, true, false, 0); // [H, 4H]
  }

  @Override
  float[][] trace(Quantity q, int s) {
    return switch (q) {
      case CANDIDATE -> extract(g, n, CAND * h, 0, s);
      case FORGET -> extract(g, n, FORGET * h, 0, s);
      case OUTPUT -> extract(g, n, OUTPUT * h, 0, s);
      case UPDATE -> extract(g, n, UPDATE * h, 0, s);
      case CELL -> extract(c, h, 0, 1, s);
      case HIDDEN -> extract(a, h, 0, 1, s);
      default -> throw new IllegalArgumentException("an LSTM has no " + q.symbol());
    };
  }
}
