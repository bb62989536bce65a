package io.gatescope.core.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The few ND4J calls the cells are written with, named like the maths. Every call writes into a
 * preallocated output, because each ND4J call costs microseconds and each allocation more.
 */
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

  /** out = x ⊙ y */
  static void mul(INDArray x, INDArray y, INDArray out) {
    Nd4j.exec(new MulOp(x, y, out));
  }

  /** out = x + y */
  static void add(INDArray x, INDArray y, INDArray out) {
    Nd4j.exec(new AddOp(x, y, out));
  }

  /** out = x − y */
  static void sub(INDArray x, INDArray y, INDArray out) {
    Nd4j.exec(new SubOp(x, y, out));
  }

  static void tanh(INDArray x, INDArray out) {
    Nd4j.exec(new Tanh(x, out));
  }

  static void sigmoid(INDArray x, INDArray out) {
    Nd4j.exec(new Sigmoid(x, out));
  }

  /** out = a·b (beta 0) or out += a·b (beta 1), with optional transposes. */
  static void gemm(INDArray a, INDArray b, INDArray out, boolean ta, boolean tb, double beta) {
    Nd4j.gemm(a, b, out, ta, tb, 1.0, beta);
  }

  /** out = g ⊙ (1 − g): the sigmoid's derivative from its output. Uses out as scratch. */
  static void sigmoidDerivative(INDArray g, INDArray out) {
    mul(g, g, out);
    out.rsubi(g);
  }

  /** out = 1 − y²: tanh's derivative from its output. */
  static void tanhDerivative(INDArray y, INDArray out) {
    mul(y, y, out);
    out.rsubi(1.0);
  }
}
