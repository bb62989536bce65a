package io.gatescope.core.engine;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer's input side: W [in, n] and b [1, n], handed to each part's operand with that part's
 * columns, and their gradients gathered back. With a projection before the layer (x·Wp + bp, no
 * activation) it folds: (x·Wp + bp)·W + b = x·(Wp·W) + (bp·W + b), so the operands read the narrow
 * raw x, and the [T·B, P] projection is never made. Exact, and fewer operations.
 */
final class InputSide {
  private static final int T = ModelConfig.STEPS;

  private final List<Cell.Part> parts;
  private final int n;
  private INDArray w; // [in, n]
  private INDArray b; // [1, n]
  private INDArray dw;
  private INDArray db;
  private int width; // columns of the operands' x
  private INDArray[][] plainColumns; // per part, its columns of W and of b (views made once)
  private INDArray[][] foldedColumns; // the same of Wp·W and bp·W + b
  private INDArray[][] gradientColumns; // of ∂W and ∂b
  private INDArray[][] foldedGradientColumns; // of xᵀ·dz and ∂b

  // While folded: the projection, and buffers kept between batches (allocating costs more).
  private INDArray wp; // [F, P], null without a projection
  private INDArray bp; // [1, P]
  private INDArray weff; // Wp·W  [F, n]
  private INDArray beff; // bp·W + b  [1, n]
  private INDArray foldedGrad; // xᵀ·dz  [F, n]
  private Mirror dx; // ∂loss/∂x of the operands' x  [T·B, width]
  private INDArray[] dxAt; // its step blocks, [B, width]

  InputSide(List<Cell.Part> parts) {
    this.parts = parts;
    this.n = parts.get(parts.size() - 1).to();
  }

  void bind(INDArray w, INDArray b) {
    this.w = w;
    this.b = b;
    this.plainColumns = columns(w, b);
  }

  /** Each part's columns of inW and inB, as views. */
  private INDArray[][] columns(INDArray inW, INDArray inB) {
    INDArray[][] c = new INDArray[parts.size()][];
    for (int p = 0; p < c.length; p++) {
      Cell.Part part = parts.get(p);
      c[p] =
          new INDArray[] {
            Nd.cols(inW, part.from(), part.to()), Nd.cols(inB, part.from(), part.to())
          };
    }
    return c;
  }

  void bindGradients(INDArray dw, INDArray db) {
    this.dw = dw;
    this.db = db;
    this.gradientColumns = columns(dw, db);
  }

  INDArray w() {
    return w;
  }

  INDArray b() {
    return b;
  }

  /** Columns of the x the operands read (the layer's input width, or F when folded). */
  int width() {
    return width;
  }

  /**
   * x [T·B, in] with W and b as they are; with {@code sameWeights} (the weights have not changed
   * since the last pass) the operands keep their stacked copies of them.
   */
  void plain(INDArray x, int batch, List<INDArray> rw, boolean sameWeights) {
    wp = null;
    bp = null;
    fill(x, batch, rw, plainColumns, sameWeights);
  }

  /** Raw x [T·B, F] with the projection folded into W and b (kept with {@code sameWeights}). */
  void folded(
      INDArray x, INDArray wp, INDArray bp, int batch, List<INDArray> rw, boolean sameWeights) {
    this.wp = wp;
    this.bp = bp;
    boolean fresh = weff == null || weff.rows() != wp.rows();
    if (fresh) {
      weff = Nd4j.zeros(DataType.FLOAT, wp.rows(), n);
      beff = Nd4j.zeros(DataType.FLOAT, 1, n);
      foldedGrad = Nd4j.zeros(DataType.FLOAT, wp.rows(), n);
      foldedColumns = columns(weff, beff);
      foldedGradientColumns = columns(foldedGrad, db);
    }
    if (fresh || !sameWeights) {
      Nd.gemm(wp, w, weff, false, false, 0); // Wp·W  [F, n]
      beff.assign(b);
      Nd.gemm(bp, w, beff, false, false, 1); // bp·W + b  [1, n]
    }
    fill(x, batch, rw, foldedColumns, sameWeights && !fresh);
  }

  /** Each part's operand: x, its recurrent weights, its columns of the input weights and bias. */
  private void fill(
      INDArray x, int batch, List<INDArray> rw, INDArray[][] columns, boolean sameWeights) {
    width = (int) x.columns();
    for (int p = 0; p < parts.size(); p++) {
      JointOperand op = parts.get(p).operand();
      boolean fresh = op.prepare(batch, width);
      op.fillInput(x);
      if (fresh || !sameWeights) {
        op.fillWeights(rw.get(p), columns[p][0], columns[p][1]);
      }
    }
  }

  /**
   * ∂W and ∂b from the parts' operandᵀ·dz. Folded, with G = xᵀ·dz and s = Σ dz: ∂W = Wpᵀ·G + bpᵀ·s.
   */
  void gradients() {
    INDArray[][] columns = wp == null ? gradientColumns : foldedGradientColumns;
    for (int p = 0; p < parts.size(); p++) {
      JointOperand op = parts.get(p).operand();
      columns[p][0].assign(op.inputWeightGradient());
      columns[p][1].assign(op.biasGradient());
    }
    if (wp != null) {
      Nd.gemm(wp, foldedGrad, dw, true, false, 0); // Wpᵀ·G  [P, n]
      Nd.gemm(bp, db, dw, true, false, 1); // + bpᵀ·s
    }
  }

  /** Folded: ∂Wp = G·Wᵀ and ∂bp = s·Wᵀ. */
  void projectionGradients(INDArray dwp, INDArray dbp) {
    Nd.gemm(foldedGrad, w, dwp, false, true, 0); // [F, P]
    Nd.gemm(db, w, dbp, false, true, 0); // [1, P]
  }

  /**
   * ∂loss/∂x = Σ over parts of dz·Wᵀ, [T·B·width], after a backward pass of {@code rows}: at step t
   * the first rows[t] samples', the others' 0.
   */
  float[] inputGradient(int[] rows, int batch) {
    if (dx == null || dx.array.rows() != (long) T * batch || dx.array.columns() != width) {
      dx = new Mirror((long) T * batch, width, T * batch * width);
      dxAt = Nd.blocks(dx.array, T, batch);
    }
    float[] out = new float[T * batch * width];
    if (ActiveRows.isAll(rows, batch)) {
      for (int p = 0; p < parts.size(); p++) {
        parts.get(p).operand().inputGradient(dx.array, p == 0 ? 0 : 1); // [T·B, width]
      }
      dx.read(0, out, 0, out.length);
      return out;
    }
    for (int t = 0; t < T; t++) {
      for (int p = 0; p < parts.size(); p++) {
        parts.get(p).operand().inputGradient(t, rows[t], dxAt[t], p == 0 ? 0 : 1); // [rows, width]
      }
      dx.read((long) t * batch * width, out, t * batch * width, rows[t] * width);
    }
    return out;
  }
}
