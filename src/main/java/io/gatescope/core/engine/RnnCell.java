package io.gatescope.core.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The vanilla RNN: a⟨t⟩ = tanh(W_a[a⟨t−1⟩, x⟨t⟩] + b_a), one product per step on a {@link
 * JointOperand}: [a⟨t−1⟩ | x⟨t⟩ | 1]·[RW; W; b]. Its only block is a itself: the trace keeps its
 * pre-activation under {@link Quantity#HIDDEN}.
 */
final class RnnCell implements Cell {
  private static final List<Quantity> BLOCKS = List.of(Quantity.HIDDEN);

  private final int h;
  private final JointOperand joint; // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RW; W; b]
  private int m; // B·H

  private float[] z; // z_a, one step's pre-activation  [B·H]
  private float[] dz; // ∂loss/∂z_a  [B·H]

  RnnCell(int h) {
    this.h = h;
    this.joint = new JointOperand(h, h);
  }

  @Override
  public List<Quantity> blocks() {
    return BLOCKS;
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part(joint, 0, h, "RW"));
  }

  @Override
  public void initialize(
      INDArray w, INDArray b, List<INDArray> rw, SplittableRandom rnd, ModelConfig cfg) {
    Init.xavier(w, rnd);
    Init.orthogonal(rw.get(0), 0, h, rnd);
    b.assign(0);
  }

  @Override
  public void allocate(int bs) {
    m = bs * h;
    z = new float[m];
    dz = new float[m];
  }

  @Override
  public void step(int t, float[] aPrev, float[] aNow, Overrides overrides, TraceKeeper keep) {
    joint.product(t, new float[][] {z}); // [a⟨t−1⟩ | x⟨t⟩ | 1]·[RW; W; b]  [B, H]
    keep.pre(t, 0, z);
    Activations.tanh(z, aNow, m); // a⟨t⟩ = tanh(W_a[a⟨t−1⟩, x⟨t⟩] + b_a)
  }

  @Override
  public void startBackward() {}

  @Override
  public void backStep(int t, float[] aPrev, float[] aNow, float[] da, float[] daPrev) {
    for (int i = 0; i < m; i++) {
      dz[i] = da[i] * (1 - aNow[i] * aNow[i]); // ∂z_a = ∂a⟨t⟩ ⊙ tanh′, from tanh's output
    }
    joint.putDz(t, new float[][] {dz});
    if (t > 0) {
      joint.recurrentGradient(t, daPrev, false); // ∂a⟨t−1⟩ = dz·RWᵀ  [B, H]
    }
  }

  @Override
  public float[][] values(Quantity q) {
    return null;
  }
}
