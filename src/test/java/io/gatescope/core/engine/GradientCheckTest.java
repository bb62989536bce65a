package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** BPTT against central finite differences, in double precision, for every parameter. */
class GradientCheckTest {
  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of(CellType.LSTM, 0, 1),
        Arguments.of(CellType.LSTM, 4, 1),
        // P ≥ T·B: the projection is computed as it is instead of folded into the layer
        Arguments.of(CellType.LSTM, 60, 1),
        Arguments.of(CellType.GRU, 60, 1),
        Arguments.of(CellType.LSTM, 3, 2),
        Arguments.of(CellType.GRU, 0, 1),
        Arguments.of(CellType.GRU, 4, 2),
        Arguments.of(CellType.RNN, 0, 1),
        Arguments.of(CellType.RNN, 4, 3));
  }

  @ParameterizedTest(name = "{0} proj={1} layers={2}")
  @MethodSource("models")
  void analyticGradientMatchesFiniteDifferences(CellType cell, int proj, int layers) {
    ModelConfig cfg = new ModelConfig(cell, layers, 3, proj, 1.0, 7);
    RecurrentClassifier m = RecurrentClassifier.create(cfg, DataType.DOUBLE);
    // Scale weights up a little so the gates are not all near 0.5 and every path matters.
    m.params().flat().muli(1.5);
    INDArray x = Batches.timeMajor(EngineFixtures.randomImages(2, 3)).castTo(DataType.DOUBLE);
    int[] y = {3, 8};

    m.lossAndGradient(x, y);
    double[] analytic = m.gradients().flat().toDoubleVector();
    INDArray p = m.params().flat();
    double eps = 1e-6;
    double worst = 0;
    String worstAt = "";
    for (long i = 0; i < p.length(); i++) {
      double orig = p.getDouble(i);
      p.putScalar(i, orig + eps);
      double lp = m.loss(x, y);
      p.putScalar(i, orig - eps);
      double lm = m.loss(x, y);
      p.putScalar(i, orig);
      double numeric = (lp - lm) / (2 * eps);
      double a = analytic[(int) i];
      double denom = Math.abs(a) + Math.abs(numeric);
      // Relative error; where the absolute error is below 1e-9 the finite difference itself is
      // that noisy (round-off of the loss / 2ε), so such entries pass as they are.
      double abs = Math.abs(a - numeric);
      double err = abs < 1e-9 ? 0 : abs / denom;
      if (err > worst) {
        worst = err;
        worstAt = "param " + i + " analytic " + a + " numeric " + numeric;
      }
    }
    assertTrue(worst < 1e-5, "max relative error " + worst + " at " + worstAt);
  }
}
