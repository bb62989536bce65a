package io.gatescope.core.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The vanilla RNN: a⟨t⟩ = tanh(W_a[a⟨t−1⟩, x⟨t⟩] + b_a), one product per step on a {@link
 * JointOperand}: [a⟨t−1⟩ | x⟨t⟩ | 1]·[RW; W; b]. Its only block is a itself: the trace keeps its
 * pre-activation under {@link Quantity#HIDDEN}.
 */
final class RnnCell extends Cell {
  private final JointOperand joint; // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RW; W; b]

  private float[][] z; // one step's z_a  [1][B·H]
  private float[][] dz; // ∂loss/∂z_a  [1][B·H]

  RnnCell(int h) {
    super(h, List.of(Quantity.HIDDEN));
    this.joint = new JointOperand(h, h);
  }

  @Override
  List<Part> parts() {
    return List.of(new Part(joint, 0, h, "RW"));
  }

  @Override
  void initialize(
      INDArray w, INDArray b, List<INDArray> rw, SplittableRandom rnd, ModelConfig cfg) {
    Init.xavier(w, rnd);
    Init.orthogonal(rw.get(0), 0, h, rnd);
    b.assign(0);
  }

  @Override
  void allocate() {
    z = new float[1][m];
    dz = new float[1][m];
  }

  @Override
  void step(int t, int rows, float[] aPrev, float[] aNow, Overrides overrides, TraceKeeper keep) {
    joint.product(t, rows, z); // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RW; W; b]  [rows, H]
    float[] zA = z[0]; // z_a = W_a[a⟨t−1⟩, x⟨t⟩] + b_a  [B, H]
    keep.pre(t, 0, zA);
    Activations.tanh(zA, aNow, rows * h); // a⟨t⟩ = tanh(z_a)
  }

  @Override
  void backStep(int t, int rows, float[] aPrev, float[] aNow, float[] da, float[] daPrev) {
    int n = rows * h;
    float[] dzA = dz[0];
    for (int i = 0; i < n; i++) {
      dzA[i] = da[i] * (1 - aNow[i] * aNow[i]); // ∂z_a = ∂a⟨t⟩ ⊙ tanh′, from tanh's output
    }
    joint.putDz(t, rows, dz);
    if (t > 0) {
      joint.recurrentGradient(t, rows, daPrev, false); // ∂a⟨t−1⟩ = dz·RWᵀ  [rows, H]
    }
  }
}
