package io.gatescope.core.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * y = softmax(W_y a⟨T⟩ + b_y) and the mean cross-entropy's gradient back to a⟨T⟩: the top of the
 * model, on the top layer's last state.
 */
final class OutputLayer {
  private static final int K = ModelConfig.CLASSES;

  private final INDArray wy; // [H, K]
  private final INDArray by; // [1, K]
  private final INDArray dwy;
  private final INDArray dby;
  private final int h;
  private int batch = -1;
  private Mirror logits; // [B, K]
  private Mirror dLogits; // ∂loss/∂logits [B, K]
  private Mirror dLogitsSum; // Σ rows of dLogits [1, K]
  private Mirror daLast; // ∂loss/∂a⟨T⟩ [B, H]
  private Mirror stepLogits; // W_y a⟨t⟩ + b_y for every step, [T·B or T, K] (made when asked)
  private float[] bias; // b_y  [K]
  private float[] biasRows; // b_y in every row  [B·K]

  OutputLayer(ParamSet params, ParamSet grads, int h) {
    this.wy = params.get("out.W");
    this.by = params.get("out.b");
    this.dwy = grads.get("out.W");
    this.dby = grads.get("out.b");
    this.h = h;
  }

  INDArray weights() {
    return wy;
  }

  private void ensureBatch(int b) {
    if (b != batch) {
      batch = b;
      logits = new Mirror(b, K, b * K);
      dLogits = new Mirror(b, K, b * K);
      dLogitsSum = new Mirror(1, K, K);
      daLast = new Mirror(b, h, b * h);
      stepLogits = null;
      bias = new float[K];
      biasRows = new float[b * K];
    }
  }

  /**
   * Logits [B, K] = a⟨T⟩·W_y + b_y: b_y is written into every row, then the product adds to it
   * (ND4J's row-vector add took 0.3 ms of a 16 ms training step for these 1,280 additions).
   */
  INDArray forward(INDArray last) {
    ensureBatch((int) last.rows());
    Nd.floatsInto(by, bias);
    for (int s = 0; s < batch; s++) {
      System.arraycopy(bias, 0, biasRows, s * K, K);
    }
    logits.write(biasRows, 0, 0, batch * K);
    Nd.gemm(last, wy, logits.array, false, false, 1); // + a⟨T⟩·W_y  [B, K]
    return logits.array;
  }

  /**
   * Samples [from, B) take sample 0's logits of the last {@link #forward} (they share its a⟨T⟩).
   */
  void firstRowFrom(int from) {
    if (from >= batch) {
      return;
    }
    float[] first = new float[K];
    logits.read(0, first, 0, K);
    for (int s = Math.max(from, 1); s < batch; s++) {
      logits.write(first, 0, (long) s * K, K);
    }
  }

  /**
   * The logits the output layer would give after every step, from a⟨1..T⟩ [T·B, H] (time-major):
   * one product, [T·B·K] row-major (P(digit | rows 1..t) is their softmax).
   */
  float[] logitsAfterEveryStep(INDArray states) {
    int rows = (int) states.rows();
    if (stepLogits == null || stepLogits.array.rows() != rows) {
      stepLogits = new Mirror(rows, K, rows * K);
    }
    Nd.gemm(states, wy, stepLogits.array, false, false, 0); // a⟨t⟩·W_y  [T·B, K]
    return stepLogits.readAddingToRows(Nd.floats(by), rows); // + b_y
  }

  /**
   * As above for a whole batch's a⟨1..T⟩ [T·B, H], where at step t samples from {@code computed[t]}
   * on shared sample 0's a⟨t⟩ (see {@link ActiveRows}): they take its logits, copied.
   */
  float[] logitsAfterEveryStep(INDArray states, int[] computed) {
    float[] z = logitsAfterEveryStep(states); // [T·B·K], row t·B + s
    int b = (int) states.rows() / computed.length;
    for (int t = 0; t < computed.length; t++) {
      for (int s = computed[t]; s < b; s++) {
        System.arraycopy(z, t * b * K, z, (t * b + s) * K, K);
      }
    }
    return z;
  }

  /** The last logits, [B][K] (read in one copy; element reads cost each). */
  double[][] logitRows() {
    float[] z = new float[batch * K];
    logits.read(0, z, 0, batch * K);
    double[][] rows = new double[batch][K];
    for (int i = 0; i < batch * K; i++) {
      rows[i / K][i % K] = z[i];
    }
    return rows;
  }

  /** The mean cross-entropy of the last logits; keeps its gradient for {@link #backward}. */
  double loss(int[] labels) {
    if (labels.length != batch) {
      throw new IllegalArgumentException(labels.length + " labels for a batch of " + batch);
    }
    float[] dz = new float[batch * K]; // ∂(mean CE)/∂logits  [B·K]
    double loss = Softmax.crossEntropy(logitRows(), labels, dz);
    float[] dzSum = new float[K];
    for (int i = 0; i < batch * K; i++) {
      dzSum[i % K] += dz[i];
    }
    dLogits.write(dz, 0, 0, batch * K);
    dLogitsSum.write(dzSum, 0, 0, K);
    return loss;
  }

  /** ∂W_y, ∂b_y; and ∂loss/∂a⟨T⟩ [B·H] into {@code da} from {@code offset}. */
  void backward(INDArray last, float[] da, int offset) {
    Nd.gemm(last, dLogits.array, dwy, true, false, 0); // ∂W_y = a⟨T⟩ᵀ·∂logits  [H, K]
    dby.assign(dLogitsSum.array); // [1, K]
    Nd.gemm(dLogits.array, wy, daLast.array, false, true, 0); // ∂a⟨T⟩  [B, H]
    daLast.read(0, da, offset, batch * h);
  }
}
