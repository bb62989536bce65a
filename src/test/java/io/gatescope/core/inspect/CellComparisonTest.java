package io.gatescope.core.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.Trainer;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingListener;
import io.gatescope.core.train.TrainingResult;
import io.gatescope.core.train.TrainingResult.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compare cells on a tiny budget: 128 images in batches of 32 (4 minibatches), evaluated every 2,
 * for LSTM, GRU and RNN in turn; each outcome is what training that cell alone with the same
 * settings gives.
 */
class CellComparisonTest {
  static Mnist data;

  @BeforeAll
  static void load() throws Exception {
    data = Mnist.load(DataLocator.mnistFolder(Optional.empty()));
  }

  private static final TrainingConfig BASE =
      TrainingConfig.builder()
          .model(new ModelConfig(CellType.LSTM, 1, 8, 4, 1.0, 21))
          .batch(32)
          .epochs(1)
          .learningRate(5e-3)
          .trainSize(128)
          .testSize(50)
          .evalEvery(2)
          .lrDecay(1.0)
          .build();

  @Test
  void eachCellIsTrainedAloneWithTheSameSettingsAndMeasured() {
    List<String> progress = new ArrayList<>();
    List<CellComparison.Outcome> out =
        CellComparison.run(BASE, data, (c, f) -> progress.add(c + " " + f), () -> false);

    assertEquals(List.of(CellType.LSTM, CellType.GRU, CellType.RNN), cells(out));
    List<String> wantProgress = new ArrayList<>();
    for (CellType c : CellType.values()) {
      for (String f : new String[] {"0.25", "0.5", "0.75", "1.0"}) {
        wantProgress.add(c + " " + f);
      }
    }
    assertEquals(wantProgress, progress, "each cell's share done after each minibatch");

    for (CellComparison.Outcome o : out) {
      TrainingConfig cfg = BASE.toBuilder().model(BASE.model().withCell(o.cell())).build();
      List<double[]> curve = new ArrayList<>();
      Trainer alone =
          new Trainer(
              cfg,
              data,
              null,
              new TrainingListener() {
                @Override
                public void onEvaluation(EvaluationStats s) {
                  curve.add(new double[] {s.iteration(), s.testAccuracy()});
                }
              });
      TrainingResult r = alone.run();
      String cell = o.cell().name();
      assertEquals(StopReason.COMPLETED, o.result().reason(), cell);
      assertEquals(4, o.result().iterations(), cell + ": the same budget");
      assertEquals(r.finalAccuracy(), o.result().finalAccuracy(), 0.0, cell);
      assertEquals(2, o.curve().size(), cell + ": evaluated after minibatches 2 and 4");
      for (int i = 0; i < 2; i++) {
        assertEquals(2.0 * (i + 1), o.curve().get(i)[0], 0.0, cell);
        assertArrayEquals(curve.get(i), o.curve().get(i), 0.0, cell + " evaluation " + (i + 1));
      }
      assertEquals(o.curve().get(1)[1], o.result().finalAccuracy(), 0.0);

      // Gradient flow: the trained model's, on the first 256 test images.
      GradientFlow flow = GradientFlow.measure(cell, alone.model(), data.test().head(256), 256);
      assertEquals(cell, o.flow().label());
      assertEquals(28, o.flow().hidden().length);
      assertArrayEquals(flow.hidden(), o.flow().hidden(), 0.0, cell);
      assertArrayEquals(flow.input(), o.flow().input(), 0.0, cell);
    }
    assertNotEquals(
        out.get(0).flow().hidden()[0], out.get(2).flow().hidden()[0], "different cells differ");
  }

  @Test
  void cancellingStopsTheCurrentCellAndRunsNoFurtherOne() {
    List<String> progress = new ArrayList<>();
    List<CellComparison.Outcome> out =
        CellComparison.run(
            BASE,
            data,
            (c, f) -> progress.add(c + " " + f),
            () -> progress.contains(CellType.GRU + " 0.5"));
    assertEquals(List.of(CellType.LSTM, CellType.GRU), cells(out));
    assertEquals(StopReason.COMPLETED, out.get(0).result().reason());
    assertEquals(StopReason.CANCELLED, out.get(1).result().reason());
    assertEquals(2, out.get(1).result().iterations(), "stopped after GRU's second minibatch");
    // The cancel takes effect before the next minibatch: the evaluation due after minibatch 2 ran.
    assertEquals(1, out.get(1).curve().size());
    assertEquals(2.0, out.get(1).curve().get(0)[0], 0.0);
  }

  private static List<CellType> cells(List<CellComparison.Outcome> out) {
    return out.stream().map(CellComparison.Outcome::cell).toList();
  }
}
