package io.gatescope.core.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes a list of products again on operands of their shapes, through the engine's own call ({@code
 * Nd.gemm}, i.e. {@code cblas_sgemm} of the OpenBLAS ND4J loads), so that {@code bench} can time
 * the sgemm rate on exactly the shapes a training step (or a backward trace) multiplies. Operands
 * of the same shape are one array, as the engine's products of one shape share their weights: a
 * backward trace multiplies the same [H + F + 1, 4H] weights with 28 row counts, and 28 separate
 * copies of them would not stay in the cache as the one does.
 */
public final class GemmReplay {
  private record Call(INDArray a, INDArray b, INDArray out, boolean ta, boolean tb, int times) {}

  private final List<Call> calls = new ArrayList<>();
  private final Map<List<Integer>, INDArray> operands = new HashMap<>();
  private final long flops;

  /** Allocates single-precision operands for every product, filled with values in [−0.5, 0.5). */
  public GemmReplay(List<StepFlops.Product> products, long seed) {
    Nd4j.getRandom().setSeed(seed);
    long f = 0;
    for (StepFlops.Product p : products) {
      INDArray a = operand(p.ta() ? p.k() : p.m(), p.ta() ? p.m() : p.k());
      INDArray b = operand(p.tb() ? p.n() : p.k(), p.tb() ? p.k() : p.n());
      INDArray out = operands.computeIfAbsent(List.of(p.m(), p.n(), -1), s -> output(p.m(), p.n()));
      calls.add(new Call(a, b, out, p.ta(), p.tb(), p.times()));
      f += p.flops();
    }
    this.flops = f;
  }

  private INDArray operand(int rows, int cols) {
    return operands.computeIfAbsent(
        List.of(rows, cols), s -> Nd4j.rand(DataType.FLOAT, rows, cols).subi(0.5));
  }

  private static INDArray output(int rows, int cols) {
    return Nd4j.zeros(DataType.FLOAT, rows, cols);
  }

  /** Every product, each as many times as a step makes it. */
  public void run() {
    for (Call c : calls) {
      for (int i = 0; i < c.times(); i++) {
        Nd.gemm(c.a(), c.b(), c.out(), c.ta(), c.tb(), 0);
      }
    }
  }

  /** Floating-point operations of one {@link #run()}. */
  public long flops() {
    return flops;
  }
}
