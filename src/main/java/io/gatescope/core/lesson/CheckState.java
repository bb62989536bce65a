package io.gatescope.core.lesson;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Softmax;

/**
 * What a lesson check looks at: the current input's trace as trained, the trace as shown (with the
 * interventions in force; the same trace when there are none) and the shared timestep.
 *
 * @param plain the trace without interventions
 * @param shown the trace with the interventions in force
 * @param timestep the shared timestep, 1..28: checks read P(digit | rows 1..t) there
 */
public record CheckState(GateTrace plain, GateTrace shown, int timestep) {
  public CheckState {
    if (plain == null || shown == null) {
      throw new IllegalArgumentException("a check needs both traces");
    }
    timestep = Math.max(1, Math.min(shown.steps(), timestep));
  }

  /** P(· | rows 1..t) of the shown trace, as computed. */
  float[] probabilities() {
    return shown.stepProbabilities()[timestep - 1];
  }

  /** The digit the shown trace predicts after rows 1..t. */
  int prediction() {
    return Softmax.argmax(probabilities());
  }

  /** The digit the trace without interventions predicts after rows 1..t. */
  int plainPrediction() {
    return Softmax.argmax(plain.stepProbabilities()[timestep - 1]);
  }
}
