package io.gatescope.core.engine;

import java.lang.ref.Reference;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The few ND4J calls the layers use: row and column views, and matrix products. */
final class Nd {
  private Nd() {}

  /** Told the shape of every product when set (tests count the engine's products with it). */
  interface Probe {
    void product(long m, long n, long k);

    /** With the transposes as BLAS gets them. */
    default void product(long m, long n, long k, boolean ta, boolean tb) {
      product(m, n, k);
    }
  }

  static Probe probe;

  /** Serialises the products (see {@link #gemm}). */
  private static final Object BLAS = new Object();

  /** Rows [from, to) of a 2-D array, as a view. */
  static INDArray rows(INDArray m, long from, long to) {
    return m.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
  }

  /** Columns [from, to) of a 2-D array, as a view. */
  static INDArray cols(INDArray m, long from, long to) {
    return m.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
  }

  /** Views of the k consecutive [rows, cols] row blocks of m, rows = {@code rows} each. */
  static INDArray[] blocks(INDArray m, int k, int rows) {
    INDArray[] v = new INDArray[k];
    for (int t = 0; t < k; t++) {
      v[t] = rows(m, (long) t * rows, (long) (t + 1) * rows);
    }
    return v;
  }

  /**
   * out = a·b (beta 0) or out += a·b (beta 1), with optional transposes. Row-major operands go
   * straight to BLAS (the library ND4J itself uses): ND4J's own call builds an op, a context and
   * checks per product, about 15 µs each, and a training step makes some seventy products.
   */
  static void gemm(INDArray a, INDArray b, INDArray out, boolean ta, boolean tb, double beta) {
    multiply(a, b, out, ta, tb, beta, out.rows(), false);
  }

  /**
   * As {@link #gemm} on the first {@code rows} rows of a (not transposed) and of out: out's other
   * rows are left as they are. The leading rows of a row-major array are read in place by BLAS,
   * without a view (making one costs more than a small product). One row (a single image's step) is
   * a matrix-vector product (see {@link #vectorTimesMatrix}); {@link #gemm}'s single rows (the
   * training step's bias terms) stay sgemm's, so a seed's training curve keeps its every bit.
   */
  static void gemmRows(INDArray a, INDArray b, INDArray out, boolean tb, double beta, int rows) {
    if (rows < 1 || rows > out.rows() || rows > a.rows()) {
      throw new IllegalArgumentException(
          rows + " rows of [" + a.rows() + ", ·] and [" + out.rows() + ", ·] do not fit");
    }
    if (direct(a) && direct(b) && direct(out)) {
      multiply(a, b, out, false, tb, beta, rows, rows == 1);
    } else {
      gemm(rows(a, 0, rows), b, rows(out, 0, rows), false, tb, beta);
    }
  }

  /**
   * out = a·b or out += a·b on the first m rows of out (all of them, or see {@link #gemmRows});
   * with {@code vector}, m = 1 and a not transposed, as a matrix-vector product.
   */
  private static void multiply(
      INDArray a,
      INDArray b,
      INDArray out,
      boolean ta,
      boolean tb,
      double beta,
      long m,
      boolean vector) {
    if (probe != null) {
      probe.product(m, out.columns(), ta ? a.rows() : a.columns(), ta, tb);
    }
    if (!direct(a) || !direct(b) || !direct(out)) {
      synchronized (BLAS) {
        Nd4j.gemm(a, b, out, ta, tb, 1.0, beta);
      }
      return;
    }
    long n = out.columns();
    long k = ta ? a.rows() : a.columns();
    boolean allRows = m == out.rows(); // else gemmRows has checked a's rows
    if (allRows && (ta ? a.columns() : a.rows()) != m
        || (tb ? b.rows() : b.columns()) != n
        || (tb ? b.columns() : b.rows()) != k) {
      throw new IllegalArgumentException(
          "gemm shapes do not fit: "
              + java.util.Arrays.toString(a.shape())
              + (ta ? "ᵀ" : "")
              + " · "
              + java.util.Arrays.toString(b.shape())
              + (tb ? "ᵀ" : "")
              + " → "
              + java.util.Arrays.toString(out.shape()));
    }
    int opA = ta ? openblas.CblasTrans : openblas.CblasNoTrans;
    int opB = tb ? openblas.CblasTrans : openblas.CblasNoTrans;
    // One product at a time in the process: the inference worker, an accuracy measurement and
    // training may all multiply at once, and concurrent calls into OpenBLAS's buffer pool are a
    // suspect for the rare heap corruption seen at start-up (see docs/faults.md). The arrays are
    // kept reachable until BLAS is done: the pointers handed to it do not keep their buffers alive.
    synchronized (BLAS) {
      if (vector) {
        vectorTimesMatrix(a, b, out, tb, beta, (int) n, (int) k);
      } else {
        openblas.cblas_sgemm(
            openblas.CblasRowMajor,
            opA,
            opB,
            (int) m,
            (int) n,
            (int) k,
            1f,
            new FloatPointer(a.data().addressPointer()),
            ld(a),
            new FloatPointer(b.data().addressPointer()),
            ld(b),
            (float) beta,
            new FloatPointer(out.data().addressPointer()),
            ld(out));
      }
    }
    Reference.reachabilityFence(a);
    Reference.reachabilityFence(b);
    Reference.reachabilityFence(out);
  }

  /**
   * out's first row = a's first row · b (or · bᵀ), as a matrix-vector product: a single image's
   * step. OpenBLAS's sgemm packs all of b for every call, and without its small-matrix kernels (the
   * AVX2 "Haswell" ones, most laptops') the 28 steps of one image took 1.05 ms that way against
   * 0.18 ms as gemv (0.19 against 0.14 ms with the AVX-512 kernels).
   */
  private static void vectorTimesMatrix(
      INDArray a, INDArray b, INDArray out, boolean tb, double beta, int n, int k) {
    FloatPointer x = new FloatPointer(a.data().addressPointer());
    FloatPointer y = new FloatPointer(out.data().addressPointer());
    FloatPointer mb = new FloatPointer(b.data().addressPointer());
    int trans = tb ? openblas.CblasNoTrans : openblas.CblasTrans; // b [n, k]: b·x; b [k, n]: bᵀ·x
    int rows = tb ? n : k;
    int cols = tb ? k : n;
    openblas.cblas_sgemv(
        openblas.CblasRowMajor, trans, rows, cols, 1f, mb, ld(b), x, 1, (float) beta, y, 1);
  }

  /**
   * A 2-D row-major float array whose rows are evenly spaced: a whole matrix or a block of its
   * rows. (A view's buffer already starts at the view's first element.)
   */
  private static boolean direct(INDArray x) {
    return x.dataType() == DataType.FLOAT
        && x.rank() == 2
        && x.ordering() == 'c'
        && (x.columns() == 1 || x.stride(1) == 1)
        && x.length() > 0
        && x.length() < Integer.MAX_VALUE;
  }

  /** Leading dimension: the distance between rows. */
  private static int ld(INDArray x) {
    return (int) Math.max(x.columns(), x.rows() > 1 ? x.stride(0) : 1);
  }

  /** A 2-D array's values, row-major, in one bulk copy (element reads cost a call each). */
  static float[] floats(INDArray m) {
    float[] out = new float[(int) m.length()];
    floatsInto(m, out);
    return out;
  }

  /** As {@link #floats}, into {@code out} (of m's length). */
  static void floatsInto(INDArray m, float[] out) {
    if (out.length != m.length()) {
      throw new IllegalArgumentException(m.length() + " values do not fit " + out.length);
    }
    // A view whose values lie in a row (a parameter's slice of the flat array) is read in place,
    // from its offset in the buffer it shares (the buffer's NIO view starts at the buffer's
    // start, not the view's): a copy of it cost an ND4J array, 0.15 ms a training step.
    boolean inARow = m.ordering() == 'c' && (m.length() == 1 || m.elementWiseStride() == 1);
    INDArray whole = inARow ? m : m.dup('c');
    whole.data().asNioFloat().get(inARow ? (int) m.offset() : 0, out, 0, out.length);
    Reference.reachabilityFence(whole); // the NIO view does not keep the native memory alive
  }

  /**
   * A new [rows, cols] array holding the first rows·cols values of {@code data}, row-major, in one
   * bulk copy (ND4J's own {@code create(float[], ...)} puts them one element at a time: a quarter
   * of the training thread's Java time went there, measured).
   */
  static INDArray fromFloats(float[] data, long rows, long cols) {
    INDArray m = Nd4j.create(DataType.FLOAT, rows, cols); // [rows, cols]
    m.data().asNioFloat().put(data, 0, (int) (rows * cols));
    Reference.reachabilityFence(m); // the NIO view does not keep the native memory alive
    return m;
  }
}
