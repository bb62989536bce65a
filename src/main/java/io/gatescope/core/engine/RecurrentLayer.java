package io.gatescope.core.engine;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One recurrent layer over {@link ModelConfig#STEPS} timesteps. Inputs and outputs are time-major:
 * row t·B + b holds sample b at timestep t, so a timestep is a contiguous block of B rows and the
 * input part of every gate for every step is one matrix product.
 *
 * <p>Subclasses keep every intermediate of the last forward pass (needed by BPTT anyway), which is
 * what the Inside view shows.
 */
abstract class RecurrentLayer {
  protected static final int T = ModelConfig.STEPS;

  protected final String prefix;
  protected final int in;
  protected final int h;
  protected DataType dtype;
  protected int batch = -1;

  /** a⟨0..T⟩: [(T+1)·B, H]; a⟨0⟩ = 0. */
  protected INDArray a;

  /** aAt[t] = a⟨t⟩, [B, H] views, t = 0..T. */
  protected INDArray[] aAt;

  /** dA accumulated from the next timestep, [B, H]. */
  protected INDArray daNext;

  /** Total gradient on a⟨t⟩ for the current step, [B, H]. */
  protected INDArray da;

  /** When set, ∂loss/∂a⟨t⟩ (total, per step) is copied here during backward: [T·B, H]. */
  private INDArray[] daRecordAt;

  RecurrentLayer(String prefix, int in, int h) {
    this.prefix = prefix;
    this.in = in;
    this.h = h;
  }

  abstract List<ParamSet.Spec> specs();

  abstract void bind(ParamSet params, ParamSet grads);

  abstract void initialize(SplittableRandom rnd, ModelConfig cfg);

  /** Allocates the per-batch buffers of the subclass (called when B changes). */
  protected abstract void allocateCell(int b);

  /**
   * Runs the layer over x [T·B, in] and returns a⟨1..T⟩ as a [T·B, H] view. Keeps x and all
   * intermediates for {@link #backward}.
   */
  abstract INDArray forward(INDArray x, List<Intervention> interventions);

  /**
   * BPTT. dOut [T·B, H] is ∂loss/∂a⟨t⟩ from above (rows of steps that feed nothing are zero).
   * Writes the parameter gradients and returns ∂loss/∂x [T·B, in] if wanted, else null.
   */
  abstract INDArray backward(INDArray dOut, boolean wantInputGradient);

  /** The recorded quantities of the last forward pass, each [T·B, H] (time-major). */
  abstract Map<Quantity, INDArray> recorded();

  final void ensureBatch(int b, DataType type) {
    if (b == batch && type == dtype) {
      return;
    }
    this.batch = b;
    this.dtype = type;
    a = Nd4j.zeros(type, (long) (T + 1) * b, h); // [(T+1)·B, H]
    aAt = stepViews(a, T + 1, b);
    daNext = Nd4j.zeros(type, b, h); // [B, H]
    da = Nd4j.zeros(type, b, h); // [B, H]
    allocateCell(b);
  }

  /** Records ∂loss/∂a⟨t⟩ of every step during the next backward pass into the returned array. */
  final INDArray hiddenGradientRecorder() {
    INDArray rec = Nd4j.zeros(dtype, (long) T * batch, h); // [T·B, H]
    daRecordAt = stepViews(rec, T, batch);
    return rec;
  }

  final void stopRecording() {
    daRecordAt = null;
  }

  /** Subclasses call this once the total ∂loss/∂a⟨t⟩ of step t is in {@link #da}. */
  protected final void recordDa(int t) {
    if (daRecordAt != null) {
      daRecordAt[t].assign(da);
    }
  }

  /** a⟨1..T⟩ as one [T·B, H] view. */
  final INDArray outputs() {
    return Nd.rows(a, batch, (long) (T + 1) * batch);
  }

  /** a⟨0..T−1⟩ as one [T·B, H] view: the "previous hidden state" of every step. */
  final INDArray previousOutputs() {
    return Nd.rows(a, 0, (long) T * batch);
  }

  /** Views of the n consecutive [B, cols] blocks of m. */
  static INDArray[] stepViews(INDArray m, int n, int b) {
    INDArray[] v = new INDArray[n];
    for (int t = 0; t < n; t++) {
      v[t] = Nd.rows(m, (long) t * b, (long) (t + 1) * b);
    }
    return v;
  }

  /** Column block [c0, c1) of each step view. */
  static INDArray[] colViews(INDArray[] steps, long c0, long c1) {
    INDArray[] v = new INDArray[steps.length];
    for (int t = 0; t < steps.length; t++) {
      v[t] = Nd.cols(steps[t], c0, c1);
    }
    return v;
  }

  /**
   * Row vectors that apply the clamps of this layer to a gate block laid out as [block0 | block1 |
   * ...] of width h each: gates = gates ⊙ keep + value. Returns null when nothing is clamped.
   */
  final INDArray[] clampVectors(List<Intervention> all, int layerIndex, List<Quantity> blocks) {
    boolean any = false;
    float[] keep = new float[blocks.size() * h];
    float[] val = new float[blocks.size() * h];
    java.util.Arrays.fill(keep, 1f);
    for (Intervention iv : all) {
      int block = blocks.indexOf(iv.quantity());
      if (iv.layer() != layerIndex || block < 0) {
        continue;
      }
      for (int u = 0; u < h; u++) {
        if (iv.covers(u)) {
          keep[block * h + u] = 0f;
          val[block * h + u] = iv.value();
          any = true;
        }
      }
    }
    if (!any) {
      return null;
    }
    return new INDArray[] {
      Nd4j.create(keep, new long[] {1, keep.length}).castTo(dtype), // [1, blocks·H]
      Nd4j.create(val, new long[] {1, val.length}).castTo(dtype) // [1, blocks·H]
    };
  }

  /** Factors for a (1 = untouched), or null when no unit of this layer is scaled. */
  final INDArray hiddenScale(List<Intervention> all, int layerIndex) {
    float[] f = new float[h];
    java.util.Arrays.fill(f, 1f);
    boolean any = false;
    for (Intervention iv : all) {
      if (iv.layer() != layerIndex || iv.quantity() != Quantity.HIDDEN) {
        continue;
      }
      for (int u = 0; u < h; u++) {
        if (iv.covers(u)) {
          f[u] = iv.value();
          any = true;
        }
      }
    }
    return any ? Nd4j.create(f, new long[] {1, h}).castTo(dtype) : null; // [1, H]
  }

  /** Layer index from the prefix "l0.", "l1.", ... */
  final int index() {
    return Integer.parseInt(prefix.substring(1, prefix.length() - 1));
  }
}
