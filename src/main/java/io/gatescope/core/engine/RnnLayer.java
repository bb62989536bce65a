package io.gatescope.core.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The vanilla RNN: a⟨t⟩ = tanh(W[a⟨t−1⟩, x⟨t⟩] + b), with W split as W [in, H] and RW [H, H]. */
final class RnnLayer extends RecurrentLayer {
  private INDArray rw; // [H, H]
  private INDArray drw;
  private Mirror zStep; // [B, H]
  private Mirror daStep; // [B, H]
  private double[] dzStep; // [B·H]

  RnnLayer(String prefix, int in, int h) {
    super(prefix, in, h, 1);
  }

  @Override
  List<ParamSet.Spec> recurrentSpecs() {
    return List.of(new ParamSet.Spec(prefix + "RW", h, h));
  }

  @Override
  void bindRecurrent(ParamSet p, ParamSet g) {
    rw = p.get(prefix + "RW");
    drw = g.get(prefix + "RW");
  }

  @Override
  List<Quantity> blocks() {
    return List.of(Quantity.HIDDEN);
  }

  @Override
  void initialize(SplittableRandom rnd, ModelConfig cfg) {
    Init.xavier(w, rnd);
    Init.orthogonal(rw, 0, h, rnd);
    b.assign(0);
  }

  @Override
  protected void allocateCell(int bs) {
    zStep = new Mirror(dtype, bs, h, bs * h);
    daStep = new Mirror(dtype, bs, h, bs * h);
    dzStep = new double[bs * h];
  }

  @Override
  protected void step(int t, double[][] clamp) {
    int bs = batch;
    double[] aNow = a[t + 1];
    Nd.gemm(aNAt[t], rw, zStep.array, false, false, 0); // a⟨t−1⟩·RW  [B, H]
    zStep.read(0, aNow, 0, bs * h);
    inPre.readAdd((long) t * bs * h, aNow, 0, bs * h); // + x⟨t⟩·W
    addBias(aNow);
    if (keeping()) {
      keepPre(t, 0, aNow);
    }
    act.tanh(aNow, 0, bs * h); // a⟨t⟩
  }

  @Override
  protected void resetBackward() {}

  @Override
  protected void backStep(int t, double[] dOut) {
    int bs = batch;
    double[] aNow = a[t + 1];
    int off = t * bs * h;
    for (int i = 0; i < bs * h; i++) {
      double da = dOut[off + i] + daNext[i];
      daNext[i] = da;
      dzStep[i] = da * (1 - aNow[i] * aNow[i]); // tanh' from its output
    }
    recordDa(t, daNext);
    storeDzBlocks(t, new double[][] {dzStep});
    if (t > 0) {
      Nd.gemm(dzAt[t], rw, daStep.array, false, true, 0); // ∂a⟨t−1⟩ = dz·RWᵀ
      daStep.read(0, daNext, 0, bs * h);
    }
  }

  @Override
  protected void recurrentWeightGradients() {
    Nd.gemm(previousOutputs(), dz.array, drw, true, false, 0); // [H, H]
  }

  @Override
  float[][] trace(Quantity q, int s) {
    if (q != Quantity.HIDDEN) {
      throw new IllegalArgumentException("a vanilla RNN has no " + q.symbol());
    }
    return extract(a, h, 0, 1, s);
  }
}
