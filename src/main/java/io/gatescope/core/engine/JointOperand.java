package io.gatescope.core.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The lesson's [a⟨t−1⟩, x⟨t⟩] as one operand, with a 1 for the bias: row block t (B rows) is [v⟨t⟩
 * | x⟨t⟩ | 1], where v is the recurrent input (a⟨t−1⟩; for the GRU's candidate, Γr ⊙ a⟨t−1⟩). The
 * weights are stacked to match, [RW; W; b] of [h + in + 1, n], so that each step's pre-activations
 * W[a⟨t−1⟩, x⟨t⟩] + b are one product, and after backpropagation through time one product
 * (operandᵀ·dz over all steps) gives ∂RW, ∂W and ∂b together.
 *
 * <p>Block T holds the last state (v⟨T+1⟩, i.e. a⟨T⟩): the layer above and the output layer read
 * a⟨1..T⟩ from here without a copy.
 */
final class JointOperand {
  private static final int T = ModelConfig.STEPS;

  private final int h;
  private final int n;
  private int batch = -1;
  private int in = -1;
  private int width;

  private Mirror operand; // [(T+1)·B, h+in+1]
  private INDArray[] blockAt; // [B, h+in+1], t = 0..T
  private INDArray steps; // blocks 0..T−1, [T·B, h+in+1]
  private INDArray xColumns; // x columns of those, [T·B, in]
  private INDArray stacked; // [RW; W; b]  [h+in+1, n]
  private INDArray stackedRecurrent; // RW rows of it, [h, n]
  private INDArray stackedInput; // W rows of it, [in, n]
  private INDArray stackedBias; // b row of it, [1, n]
  private INDArray dStacked; // [∂RW; ∂W; ∂b]  [h+in+1, n]
  private INDArray[] dParts; // its rows ∂RW, ∂W, ∂b as views
  private Mirror z; // one step's product, [B, n]
  private Mirror dz; // ∂loss/∂z for every step, [T·B, n]
  private INDArray[] dzAt; // [B, n]
  private Mirror dv; // one step's ∂loss/∂v, [B, h]
  private INDArray later; // v of blocks 1..T, [T·B, h]
  private INDArray firstLater; // sample 0's of those, [T, h] (rows B·width apart)
  private INDArray last; // v of block T, [B, h]
  private float[] xScratch; // x [T·B, in] on its way in, kept between passes

  /** An operand whose recurrent part has h columns, for a product of n columns. */
  JointOperand(int h, int n) {
    this.h = h;
    this.n = n;
  }

  /**
   * Buffers for a batch of {@code bs} and an input of {@code inputWidth} (kept while they fit);
   * whether they are new (then without weights).
   */
  boolean prepare(int bs, int inputWidth) {
    if (bs == batch && inputWidth == in) {
      return false;
    }
    batch = bs;
    in = inputWidth;
    width = h + in + 1;
    long tb = (long) T * bs;
    operand = new Mirror(tb + bs, width, bs * width);
    // Single-level views only: ND4J mis-slices a view of a view here.
    operand.array.get(NDArrayIndex.interval(0, tb), NDArrayIndex.point(width - 1)).assign(1.0);
    blockAt = Nd.blocks(operand.array, T + 1, bs);
    steps = Nd.rows(operand.array, 0, tb);
    xColumns = operand.array.get(NDArrayIndex.interval(0, tb), NDArrayIndex.interval(h, h + in));
    stacked = Nd4j.zeros(operand.array.dataType(), width, n);
    stackedRecurrent = Nd.rows(stacked, 0, h);
    stackedInput = Nd.rows(stacked, h, h + in);
    stackedBias = Nd.rows(stacked, h + in, width);
    dStacked = Nd4j.zeros(operand.array.dataType(), width, n);
    dParts =
        new INDArray[] {
          Nd.rows(dStacked, 0, h), Nd.rows(dStacked, h, h + in), Nd.rows(dStacked, h + in, width)
        };
    z = new Mirror(bs, n, bs * n);
    dz = new Mirror(tb, n, bs * n);
    dzAt = Nd.blocks(dz.array, T, bs);
    dv = new Mirror(bs, h, bs * h);
    later = operand.array.get(NDArrayIndex.interval(bs, tb + bs), NDArrayIndex.interval(0, h));
    last = operand.array.get(NDArrayIndex.interval(tb, tb + bs), NDArrayIndex.interval(0, h));
    firstLater =
        operand.array.get(NDArrayIndex.interval(bs, bs, tb + bs), NDArrayIndex.interval(0, h));
    return true;
  }

  /** x [T·B, in] into the x columns. */
  void fillInput(INDArray x) {
    if (x.isView() || x.ordering() != 'c') {
      xColumns.assign(x); // e.g. the layer below's outputs
      return;
    }
    if (xScratch == null || xScratch.length != T * batch * in) {
      xScratch = new float[T * batch * in];
    }
    // One bulk copy each way, through an array kept between passes: a fresh 400 KB array per
    // training step (allocated and zeroed) took 5 % of the step (profiled).
    Nd.floatsInto(x, xScratch);
    operand.writeRows(xScratch, T * batch, in, h, width);
  }

  /** RW, W, b into the stacked weights. */
  void fillWeights(INDArray rw, INDArray w, INDArray b) {
    stackedRecurrent.assign(rw);
    stackedInput.assign(w);
    stackedBias.assign(b);
  }

  /** v [rows·h] of the first {@code rows} samples into block t's recurrent columns. */
  void putRecurrent(int t, int rows, float[] v) {
    operand.writeRows(v, rows, h, (long) t * batch * width, width);
  }

  /**
   * z = block t · [RW; W; b] for the first {@code rows} samples ([rows, n]; all B in training),
   * split into its column blocks of h: dst[k] is [B·h], of which the first rows·h are written.
   */
  void product(int t, int rows, float[][] dst) {
    Nd.gemmRows(blockAt[t], stacked, z.array, false, 0, rows); // [rows, n]
    z.readBlocks(0, rows, h, dst);
  }

  /**
   * Step t's ∂loss/∂z of the first {@code rows} samples, one [B·h] array per column block of h; the
   * other samples' are 0 (nothing flowed into them), as the weight and input gradients read.
   */
  void putDz(int t, int rows, float[][] blocks) {
    long at = (long) t * batch * n;
    dz.writeBlocks(blocks, rows, h, at);
    if (rows < batch) {
      dz.zero(at + (long) rows * n, (batch - rows) * n);
    }
  }

  /**
   * dst [rows·h] ← step t's ∂loss/∂v = dz·RWᵀ of the first {@code rows} samples, or dst += it with
   * {@code add}.
   */
  void recurrentGradient(int t, int rows, float[] dst, boolean add) {
    Nd.gemmRows(dzAt[t], stackedRecurrent, dv.array, true, 0, rows); // [rows, h]
    if (add) {
      dv.readAdd(0, dst, 0, rows * h);
    } else {
      dv.read(0, dst, 0, rows * h);
    }
  }

  /** [∂RW; ∂W; ∂b] = operandᵀ·dz over all steps; then read them with the three views below. */
  void weightGradients() {
    Nd.gemm(steps, dz.array, dStacked, true, false, 0); // [h+in+1, n]
  }

  /** ∂RW [h, n] from the last {@link #weightGradients()}. */
  INDArray recurrentWeightGradient() {
    return dParts[0];
  }

  /** ∂W [in, n] = xᵀ·dz. */
  INDArray inputWeightGradient() {
    return dParts[1];
  }

  /** ∂b [1, n] = Σ dz. */
  INDArray biasGradient() {
    return dParts[2];
  }

  /** dx [T·B, in] = dz·Wᵀ (beta 0), or += (beta 1): ∂loss/∂x through this operand. */
  void inputGradient(INDArray dx, double beta) {
    Nd.gemm(dz.array, stackedInput, dx, false, true, beta); // [T·B, in]
  }

  /** As {@link #inputGradient(INDArray, double)} for step t's first {@code rows} samples. */
  void inputGradient(int t, int rows, INDArray dxStep, double beta) {
    Nd.gemmRows(dzAt[t], stackedInput, dxStep, true, beta, rows); // [rows, in]
  }

  /** v⟨1..T⟩ (the recurrent columns of blocks 1..T) as one [T·B, h] view. */
  INDArray laterRecurrent() {
    return later;
  }

  /** v⟨1..T⟩ of sample 0 as one [T, h] view. */
  INDArray firstLaterRecurrent() {
    return firstLater;
  }

  /** v of the last block (a⟨T⟩ for the first part), [B, h], as a view. */
  INDArray lastRecurrent() {
    return last;
  }
}
