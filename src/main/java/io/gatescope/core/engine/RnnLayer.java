package io.gatescope.core.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The vanilla RNN: a⟨t⟩ = tanh(W[a⟨t−1⟩, x⟨t⟩] + b), with W split as W [in, H] and U [H, H]. */
final class RnnLayer extends RecurrentLayer {
  private INDArray w; // [in, H]
  private INDArray u; // [H, H]
  private INDArray b; // [1, H]
  private INDArray dw;
  private INDArray du;
  private INDArray db;

  private INDArray x; // [T·B, in]
  private INDArray z; // [T·B, H]: pre-activations
  private INDArray[] zAt;
  private boolean intervened;

  private INDArray dz; // [T·B, H]
  private INDArray local; // [T·B, H]: 1 − a⟨t⟩²
  private INDArray[] dzAt;
  private INDArray[] localAt;

  RnnLayer(String prefix, int in, int h) {
    super(prefix, in, h);
  }

  @Override
  List<ParamSet.Spec> specs() {
    return List.of(
        new ParamSet.Spec(prefix + "W", in, h),
        new ParamSet.Spec(prefix + "U", h, h),
        new ParamSet.Spec(prefix + "b", 1, h));
  }

  @Override
  void bind(ParamSet p, ParamSet g) {
    w = p.get(prefix + "W");
    u = p.get(prefix + "U");
    b = p.get(prefix + "b");
    dw = g.get(prefix + "W");
    du = g.get(prefix + "U");
    db = g.get(prefix + "b");
  }

  @Override
  void initialize(SplittableRandom rnd, ModelConfig cfg) {
    Init.xavier(w, rnd);
    Init.orthogonal(u, 0, h, rnd);
    b.assign(0);
  }

  @Override
  protected void allocateCell(int bs) {
    long tb = (long) T * bs;
    z = Nd4j.zeros(dtype, tb, h); // [T·B, H]
    zAt = stepViews(z, T, bs);
    dz = Nd4j.zeros(dtype, tb, h); // [T·B, H]
    local = Nd4j.zeros(dtype, tb, h);
    dzAt = stepViews(dz, T, bs);
    localAt = stepViews(local, T, bs);
  }

  @Override
  INDArray forward(INDArray input, List<Intervention> interventions) {
    this.x = input;
    INDArray scaleA = hiddenScale(interventions, index());
    intervened = scaleA != null;
    Nd.gemm(input, w, z, false, false, 0); // [T·B, H]
    z.addiRowVector(b);
    aAt[0].assign(0);
    for (int t = 0; t < T; t++) {
      Nd.gemm(aAt[t], u, zAt[t], false, false, 1); // += a⟨t−1⟩·U
      Nd.tanh(zAt[t], aAt[t + 1]); // a⟨t⟩
      if (scaleA != null) {
        aAt[t + 1].muliRowVector(scaleA);
      }
    }
    return outputs();
  }

  @Override
  INDArray backward(INDArray dOut, boolean wantInputGradient) {
    if (intervened) {
      throw new IllegalStateException("gradients are not defined with interventions active");
    }
    Nd.tanhDerivative(outputs(), local);
    INDArray[] dOutAt = stepViews(dOut, T, batch);
    daNext.assign(0);
    for (int t = T - 1; t >= 0; t--) {
      Nd.add(dOutAt[t], daNext, da);
      recordDa(t);
      Nd.mul(da, localAt[t], dzAt[t]);
      if (t > 0) {
        Nd.gemm(dzAt[t], u, daNext, false, true, 0); // ∂a⟨t−1⟩ = dz·Uᵀ
      }
    }
    Nd.gemm(x, dz, dw, true, false, 0);
    Nd.gemm(previousOutputs(), dz, du, true, false, 0);
    db.assign(dz.sum(0));
    if (!wantInputGradient) {
      return null;
    }
    INDArray dx = Nd4j.zeros(dtype, (long) T * batch, in); // [T·B, in]
    Nd.gemm(dz, w, dx, false, true, 0);
    return dx;
  }

  @Override
  Map<Quantity, INDArray> recorded() {
    Map<Quantity, INDArray> m = new EnumMap<>(Quantity.class);
    m.put(Quantity.HIDDEN, outputs());
    return m;
  }
}
