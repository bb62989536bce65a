package io.gatescope.core.engine.reference;

import io.gatescope.core.engine.Quantity;
import java.util.List;
import java.util.Map;

/**
 * What one sample went through in the reference, in double precision, shaped like the engine's
 * GateTrace: per recurrent layer (bottom first) and quantity a [T][H] array.
 *
 * @param values every quantity as the cell went on (after a clamp or a scale)
 * @param pre the argument of each σ or tanh
 * @param computed gates and a before an intervention replaced them
 * @param stepProbabilities P(class | slices 1..t), [T][10]
 */
record ReferenceTrace(
    List<Map<Quantity, double[][]>> values,
    List<Map<Quantity, double[][]>> pre,
    List<Map<Quantity, double[][]>> computed,
    double[][] stepProbabilities) {

  /** The probabilities after the last step. */
  double[] probabilities() {
    return stepProbabilities[stepProbabilities.length - 1];
  }
}
