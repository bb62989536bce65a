package io.gatescope.core.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The GRU cell in the lesson's notation (the reset gate acts on a⟨t−1⟩ before the product):
 *
 * <pre>
 *   Γr = σ(W_r[a⟨t−1⟩, x⟨t⟩] + b_r)        Γu = σ(W_u[a⟨t−1⟩, x⟨t⟩] + b_u)
 *   c̃⟨t⟩ = tanh(W_c[Γr ⊙ a⟨t−1⟩, x⟨t⟩] + b_c)
 *   a⟨t⟩ = Γu ⊙ c̃⟨t⟩ + (1 − Γu) ⊙ a⟨t−1⟩
 * </pre>
 *
 * W [in, 3H] and b hold [ Γr | Γu | c̃ ]; the recurrent parts are RWru [H, 2H] for Γr, Γu and RWc
 * [H, H] for the candidate, whose product needs Γr first.
 */
final class GruLayer extends RecurrentLayer {
  static final List<Quantity> BLOCKS = List.of(Quantity.RESET, Quantity.UPDATE, Quantity.CANDIDATE);

  private INDArray rwru; // [H, 2H]
  private INDArray rwc; // [H, H]
  private INDArray drwru;
  private INDArray drwc;

  private double[][] g; // [T][B·3H]: Γr, Γu, c̃ of every step
  private double[][] ra; // [T][B·H]: Γr ⊙ a⟨t−1⟩
  private Mirror raN; // [T·B, H] mirror of ra for the products
  private INDArray[] raNAt;
  private Mirror zru; // [B, 2H]
  private Mirror zc; // [B, H]
  private double[] zcBuf; // [B·H]
  private double[] dzStep; // [B·3H]
  private double[] dzc; // [B·H]
  private double[] dzru; // [B·2H]
  private Mirror dzcN; // [B, H]
  private Mirror dzruN; // [B, 2H]
  private Mirror draN; // [B, H]
  private double[] dra; // [B·H]
  private Mirror dzruAll; // [T·B, 2H]
  private Mirror dzcAll; // [T·B, H]

  GruLayer(String prefix, int in, int h) {
    super(prefix, in, h, 3);
  }

  @Override
  List<ParamSet.Spec> recurrentSpecs() {
    return List.of(
        new ParamSet.Spec(prefix + "RWru", h, 2 * h), new ParamSet.Spec(prefix + "RWc", h, h));
  }

  @Override
  void bindRecurrent(ParamSet p, ParamSet gr) {
    rwru = p.get(prefix + "RWru");
    rwc = p.get(prefix + "RWc");
    drwru = gr.get(prefix + "RWru");
    drwc = gr.get(prefix + "RWc");
  }

  @Override
  List<Quantity> blocks() {
    return BLOCKS;
  }

  @Override
  void initialize(SplittableRandom rnd, ModelConfig cfg) {
    for (int k = 0; k < 3; k++) {
      Init.xavier(w, k * h, h, rnd);
    }
    Init.orthogonal(rwru, 0, h, rnd);
    Init.orthogonal(rwru, h, h, rnd);
    Init.orthogonal(rwc, 0, h, rnd);
    b.assign(0);
  }

  @Override
  protected void allocateCell(int bs) {
    g = new double[T][bs * n];
    ra = new double[T][bs * h];
    raN = new Mirror(dtype, (long) T * bs, h, bs * h);
    raNAt = stepViews(raN.array, T, bs);
    zru = new Mirror(dtype, bs, 2L * h, bs * 2 * h);
    zc = new Mirror(dtype, bs, h, bs * h);
    zcBuf = new double[bs * h];
    dzStep = new double[bs * n];
    dzc = new double[bs * h];
    dzru = new double[bs * 2 * h];
    dzcN = new Mirror(dtype, bs, h, bs * h);
    dzruN = new Mirror(dtype, bs, 2L * h, bs * 2 * h);
    draN = new Mirror(dtype, bs, h, bs * h);
    dra = new double[bs * h];
    dzruAll = new Mirror(dtype, (long) T * bs, 2L * h, bs * 2 * h);
    dzcAll = new Mirror(dtype, (long) T * bs, h, bs * h);
  }

  @Override
  protected void step(int t, double[][] clamp) {
    int bs = batch;
    double[] gt = g[t];
    double[] aPrev = a[t];
    double[] aNow = a[t + 1];
    double[] rat = ra[t];
    // Γr, Γu: input side + a⟨t−1⟩·RWru
    inPre.read((long) t * bs * n, gt, 0, bs * n);
    addBias(gt);
    Nd.gemm(aPrevN.array, rwru, zru.array, false, false, 0); // [B, 2H]
    double[] z = dzru; // scratch until backward
    zru.read(0, z, 0, bs * 2 * h);
    for (int r = 0; r < bs; r++) {
      int gr = r * n;
      int zr = r * 2 * h;
      for (int j = 0; j < 2 * h; j++) {
        gt[gr + j] += z[zr + j];
      }
      act.sigmoid(gt, gr, 2 * h);
    }
    applyClamp(gt, 0, clamp);
    for (int r = 0; r < bs; r++) {
      int gr = r * n;
      int hr = r * h;
      for (int u = 0; u < h; u++) {
        rat[hr + u] = gt[gr + u] * aPrev[hr + u]; // Γr ⊙ a⟨t−1⟩
      }
    }
    raN.write(rat, 0, (long) t * bs * h, bs * h);
    Nd.gemm(raNAt[t], rwc, zc.array, false, false, 0); // (Γr ⊙ a⟨t−1⟩)·RWc  [B, H]
    zc.read(0, zcBuf, 0, bs * h);
    for (int r = 0; r < bs; r++) {
      int gr = r * n + 2 * h;
      int hr = r * h;
      for (int u = 0; u < h; u++) {
        gt[gr + u] += zcBuf[hr + u];
      }
      act.tanh(gt, gr, h); // c̃⟨t⟩
    }
    for (int r = 0; r < bs; r++) {
      int gr = r * n;
      int hr = r * h;
      for (int u = 0; u < h; u++) {
        double ap = aPrev[hr + u];
        // a⟨t⟩ = Γu ⊙ c̃⟨t⟩ + (1 − Γu) ⊙ a⟨t−1⟩
        aNow[hr + u] = ap + gt[gr + h + u] * (gt[gr + 2 * h + u] - ap);
      }
    }
  }

  @Override
  protected void resetBackward() {}

  @Override
  protected void backStep(int t, double[] dOut) {
    int bs = batch;
    int off = t * bs * h;
    double[] gt = g[t];
    double[] aPrev = a[t];
    double[] dan = daNext;
    for (int r = 0; r < bs; r++) {
      int gr = r * n;
      int hr = r * h;
      int zr = r * 2 * h;
      for (int u = 0; u < h; u++) {
        double da = dOut[off + hr + u] + dan[hr + u];
        dan[hr + u] = da;
        double update = gt[gr + h + u];
        double cand = gt[gr + 2 * h + u];
        dzru[zr + h + u] = da * (cand - aPrev[hr + u]) * update * (1 - update); // Γu
        dzc[hr + u] = da * update * (1 - cand * cand); // c̃
      }
    }
    recordDa(t, daNext);
    dzcN.write(dzc, 0, 0, bs * h);
    Nd.gemm(dzcN.array, rwc, draN.array, false, true, 0); // ∂(Γr ⊙ a⟨t−1⟩) = dzc·RWcᵀ
    draN.read(0, dra, 0, bs * h);
    for (int r = 0; r < bs; r++) {
      int gr = r * n;
      int hr = r * h;
      int zr = r * 2 * h;
      for (int u = 0; u < h; u++) {
        double reset = gt[gr + u];
        dzru[zr + u] = dra[hr + u] * aPrev[hr + u] * reset * (1 - reset); // Γr
        // ∂a⟨t−1⟩ except the product with RWru, added below
        dan[hr + u] = dan[hr + u] * (1 - gt[gr + h + u]) + dra[hr + u] * reset;
      }
    }
    for (int r = 0; r < bs; r++) {
      System.arraycopy(dzru, r * 2 * h, dzStep, r * n, 2 * h);
      System.arraycopy(dzc, r * h, dzStep, r * n + 2 * h, h);
    }
    storeDz(t, dzStep);
    dzruAll.write(dzru, 0, (long) t * bs * 2 * h, bs * 2 * h);
    dzcAll.write(dzc, 0, (long) t * bs * h, bs * h);
    if (t > 0) {
      dzruN.write(dzru, 0, 0, bs * 2 * h);
      Nd.gemm(dzruN.array, rwru, draN.array, false, true, 0); // dz_ru·RWruᵀ
      draN.readAdd(0, daNext, 0, bs * h);
    }
  }

  @Override
  protected void recurrentWeightGradients() {
    Nd.gemm(previousOutputs(), dzruAll.array, drwru, true, false, 0); // [H, 2H]
    Nd.gemm(raN.array, dzcAll.array, drwc, true, false, 0); // [H, H]
  }

  @Override
  float[][] trace(Quantity q, int s) {
    return switch (q) {
      case RESET -> extract(g, n, 0, 0, s);
      case UPDATE -> extract(g, n, h, 0, s);
      case CANDIDATE -> extract(g, n, 2 * h, 0, s);
      case HIDDEN -> extract(a, h, 0, 1, s);
      default -> throw new IllegalArgumentException("a GRU has no " + q.symbol());
    };
  }
}
