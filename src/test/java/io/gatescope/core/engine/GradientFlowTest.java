package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** ∂loss/∂x⟨t⟩ per timestep, the quantity behind the vanishing-gradient plot. */
class GradientFlowTest {
  @Test
  void perStepInputGradientNormsMatchFiniteDifferences() {
    for (int proj : new int[] {0, 4}) {
      ModelConfig cfg = new ModelConfig(CellType.LSTM, 1, 4, proj, 1.0, 11);
      RecurrentClassifier m = RecurrentClassifier.create(cfg, DataType.DOUBLE);
      INDArray x = Batches.timeMajor(EngineFixtures.randomImages(2, 8)).castTo(DataType.DOUBLE);
      int[] y = {4, 9};
      StepGradients sg = new StepGradients();
      m.lossAndGradient(x, y, sg);
      double[] analytic = sg.inputNorms();
      double eps = 1e-6;
      for (int t : new int[] {0, 13, 27}) {
        double sq = 0;
        for (int row = t * 2; row < t * 2 + 2; row++) {
          for (int f = 0; f < 28; f++) {
            double orig = x.getDouble(row, f);
            x.putScalar(row, f, orig + eps);
            double lp = m.loss(x, y);
            x.putScalar(row, f, orig - eps);
            double lm = m.loss(x, y);
            x.putScalar(row, f, orig);
            double g = (lp - lm) / (2 * eps);
            sq += g * g;
          }
        }
        assertEquals(
            Math.sqrt(sq),
            analytic[t],
            1e-6 * Math.max(1, Math.sqrt(sq)),
            "proj " + proj + " step " + (t + 1));
      }
    }
  }

  static double firstToLastRatio(CellType cell, double recurrentScale) {
    ModelConfig cfg = new ModelConfig(cell, 1, 32, 0, 1.0, 5);
    RecurrentClassifier m = RecurrentClassifier.create(cfg, DataType.DOUBLE);
    m.params().get("l0.RW").muli(recurrentScale);
    INDArray x = Batches.timeMajor(EngineFixtures.randomImages(16, 4)).castTo(DataType.DOUBLE);
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
