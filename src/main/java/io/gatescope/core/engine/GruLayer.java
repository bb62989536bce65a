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

  // One array per gate and step, [T][B·H]: loops over one index vectorise.
  private double[][] reset; // Γr
  private double[][] upd; // Γu
  private double[][] cand; // c̃⟨t⟩
  private double[][] ra; // [T][B·H]: Γr ⊙ a⟨t−1⟩
  private Mirror raN; // [T·B, H] mirror of ra for the products
  private INDArray[] raNAt;
  private Mirror zru; // [B, 2H]
  private Mirror zc; // [B, H]
  private double[] zr; // [B·H] scratch
  private double[] zu; // [B·H] scratch
  private double[] zcBuf; // [B·H]
  private double[] zeroBias2; // [2H] zeros: the recurrent products carry no bias
  private double[] dzr; // [B·H]
  private double[] dzu; // [B·H]
  private double[] dzc; // [B·H]
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
    int m = bs * h;
    reset = new double[T][m];
    upd = new double[T][m];
    cand = new double[T][m];
    ra = new double[T][m];
    raN = new Mirror(dtype, (long) T * bs, h, m);
    raNAt = stepViews(raN.array, T, bs);
    zru = new Mirror(dtype, bs, 2L * h, 2 * m);
    zc = new Mirror(dtype, bs, h, m);
    zr = new double[m];
    zu = new double[m];
    zcBuf = new double[m];
    zeroBias2 = new double[2 * h];
    dzr = new double[m];
    dzu = new double[m];
    dzc = new double[m];
    dzcN = new Mirror(dtype, bs, h, m);
    dzruN = new Mirror(dtype, bs, 2L * h, 2 * m);
    draN = new Mirror(dtype, bs, h, m);
    dra = new double[m];
    dzruAll = new Mirror(dtype, (long) T * bs, 2L * h, 2 * m);
    dzcAll = new Mirror(dtype, (long) T * bs, h, m);
  }

  @Override
  protected void step(int t, double[][] clamp) {
    int bs = batch;
    int m = bs * h;
    double[] rt = reset[t];
    double[] ut = upd[t];
    double[] ct = cand[t];
    double[] aPrev = a[t];
    double[] aNow = a[t + 1];
    double[] rat = ra[t];
    double[][] gates = {rt, ut, ct};
    inPre.readBlocks((long) t * bs * n, bs, h, gates, bias); // x⟨t⟩·W + b
    Nd.gemm(aNAt[t], rwru, zru.array, false, false, 0); // a⟨t−1⟩·RWru  [B, 2H]
    zru.readBlocks(0, bs, h, new double[][] {zr, zu}, zeroBias2);
    for (int i = 0; i < m; i++) {
      rt[i] += zr[i];
      ut[i] += zu[i];
    }
    if (keeping()) {
      keepPre(t, 0, rt);
      keepPre(t, 1, ut);
    }
    act.sigmoid(rt, 0, m); // Γr
    act.sigmoid(ut, 0, m); // Γu
    if (keeping()) {
      keepActivated(t, 0, rt);
      keepActivated(t, 1, ut);
    }
    if (clamp != null) {
      clampBlock(rt, clamp, 0);
      clampBlock(ut, clamp, h);
    }
    for (int i = 0; i < m; i++) {
      rat[i] = rt[i] * aPrev[i]; // Γr ⊙ a⟨t−1⟩
    }
    raN.write(rat, 0, (long) t * m, m);
    Nd.gemm(raNAt[t], rwc, zc.array, false, false, 0); // (Γr ⊙ a⟨t−1⟩)·RWc  [B, H]
    zc.read(0, zcBuf, 0, m);
    for (int i = 0; i < m; i++) {
      ct[i] += zcBuf[i];
    }
    if (keeping()) {
      keepPre(t, 2, ct);
    }
    act.tanh(ct, 0, m); // c̃⟨t⟩
    if (keeping()) {
      keepActivated(t, 2, ct);
    }
    for (int i = 0; i < m; i++) {
      aNow[i] = aPrev[i] + ut[i] * (ct[i] - aPrev[i]); // Γu⊙c̃ + (1−Γu)⊙a⟨t−1⟩
    }
  }

  @Override
  protected void resetBackward() {}

  @Override
  protected void backStep(int t, double[] dOut) {
    int bs = batch;
    int m = bs * h;
    int off = t * m;
    double[] rt = reset[t];
    double[] ut = upd[t];
    double[] ct = cand[t];
    double[] aPrev = a[t];
    double[] dan = daNext;
    for (int i = 0; i < m; i++) {
      double da = dOut[off + i] + dan[i];
      dan[i] = da;
      double u = ut[i];
      double cd = ct[i];
      dzu[i] = da * (cd - aPrev[i]) * u * (1 - u); // Γu
      dzc[i] = da * u * (1 - cd * cd); // c̃
    }
    recordDa(t, daNext);
    dzcN.write(dzc, 0, 0, m);
    Nd.gemm(dzcN.array, rwc, draN.array, false, true, 0); // ∂(Γr ⊙ a⟨t−1⟩) = dzc·RWcᵀ
    draN.read(0, dra, 0, m);
    for (int i = 0; i < m; i++) {
      double r = rt[i];
      dzr[i] = dra[i] * aPrev[i] * r * (1 - r); // Γr
      // ∂a⟨t−1⟩ except the product with RWru, added below
      dan[i] = dan[i] * (1 - ut[i]) + dra[i] * r;
    }
    double[][] dzs = {dzr, dzu, dzc};
    storeDzBlocks(t, dzs);
    double[][] dzru = {dzr, dzu};
    dzruAll.writeBlocks(dzru, bs, h, (long) t * bs * 2 * h);
    dzcAll.write(dzc, 0, (long) t * m, m);
    if (t > 0) {
      dzruN.writeBlocks(dzru, bs, h, 0);
      Nd.gemm(dzruN.array, rwru, draN.array, false, true, 0); // dz_ru·RWruᵀ
      draN.readAdd(0, daNext, 0, m);
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
      case RESET -> extract(reset, h, 0, 0, s);
      case UPDATE -> extract(upd, h, 0, 0, s);
      case CANDIDATE -> extract(cand, h, 0, 0, s);
      case HIDDEN -> extract(a, h, 0, 1, s);
      default -> throw new IllegalArgumentException("a GRU has no " + q.symbol());
    };
  }
}
