package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ∂loss/∂a⟨t⟩ per timestep, the quantity behind the vanishing-gradient plot (its values are checked
 * against the double reference in {@code reference.EngineAgreesWithReferenceTest}).
 */
class GradientFlowTest {
  static double firstToLastRatio(CellType cell, double recurrentScale) {
    ModelConfig cfg = new ModelConfig(cell, 1, 32, 0, 1.0, 5);
    RecurrentClassifier m = RecurrentClassifier.create(cfg);
    m.params().get("l0.RW").muli(recurrentScale);
    INDArray x = Batches.timeMajor(EngineFixtures.randomImages(16, 4));
    StepGradients sg = new StepGradients();
    m.lossAndGradient(x, EngineFixtures.randomLabels(16, 4), sg);
    double[] n = sg.hiddenNorms();
    return n[0] / n[27];
  }

  @Test
  void anRnnsGradientFadesTowardTheFirstRowsMuchFasterThanAnLstms() {
    double rnn = firstToLastRatio(CellType.RNN, 0.5);
    double lstm = firstToLastRatio(CellType.LSTM, 1.0);
    assertTrue(rnn < 1e-6, "RNN: ‖∂L/∂a⟨1⟩‖ / ‖∂L/∂a⟨28⟩‖ = " + rnn);
    assertTrue(lstm > 1e3 * rnn, "LSTM ratio " + lstm + " vs RNN " + rnn);
  }
}
