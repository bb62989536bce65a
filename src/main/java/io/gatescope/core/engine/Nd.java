package io.gatescope.core.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The few ND4J calls the layers use: row and column views, and matrix products. */
final class Nd {
  private Nd() {}

  /** Rows [from, to) of a 2-D array, as a view. */
  static INDArray rows(INDArray m, long from, long to) {
    return m.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
  }

  /** Columns [from, to) of a 2-D array, as a view. */
  static INDArray cols(INDArray m, long from, long to) {
    return m.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
  }

  /** out = a·b (beta 0) or out += a·b (beta 1), with optional transposes. */
  static void gemm(INDArray a, INDArray b, INDArray out, boolean ta, boolean tb, double beta) {
    Nd4j.gemm(a, b, out, ta, tb, 1.0, beta);
  }
}
