package io.gatescope.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The time-lapse keeps what the model computed at each kept iteration, within its bound. */
class TimeLapseTest {
  static Mnist data;

  @BeforeAll
  static void load() throws Exception {
    data = Mnist.load(DataLocator.mnistFolder(Optional.empty()));
  }

  /** Keeps a copy of the weights after every iteration, as a saved checkpoint would hold them. */
  static final class Checkpoints implements TrainingListener {
    final RecurrentClassifier model;
    final Map<Integer, INDArray> weights = new HashMap<>();

    Checkpoints(RecurrentClassifier model) {
      this.model = model;
      weights.put(0, model.params().flat().dup());
    }

    @Override
    public void onIteration(IterationStats s) {
      weights.put(s.iteration(), model.params().flat().dup());
    }
  }

  static List<float[]> probes() {
    return List.of(
        data.test().images().imageAsFloats(0),
        data.test().images().imageAsFloats(1),
        data.test().images().imageAsFloats(2));
  }

  @Test
  void everyFrameEqualsTheTraceOfTheCheckpointTakenAtItsIteration() {
    TrainingConfig cfg = TrainerTest.tiny(1); // 10 iterations of 32
    RecurrentClassifier model = RecurrentClassifier.create(cfg.model());
    Checkpoints checkpoints = new Checkpoints(model);
    TimeLapse lapse = new TimeLapse(model, probes(), 3, 50);
    TrainingListener both =
        new TrainingListener() {
          @Override
          public void onIteration(IterationStats s) {
            checkpoints.onIteration(s);
            lapse.onIteration(s);
          }
        };
    new Trainer(cfg, data, model, both).run();

    List<TimeLapse.Frame> frames = lapse.frames();
    assertEquals(List.of(0, 3, 6, 9), frames.stream().map(TimeLapse.Frame::iteration).toList());
    for (TimeLapse.Frame f : frames) {
      RecurrentClassifier saved =
          RecurrentClassifier.withParams(cfg.model(), checkpoints.weights.get(f.iteration()));
      for (int p = 0; p < probes().size(); p++) {
        GateTrace want = saved.trace(probes().get(p));
        TimeLapse.Probe got = f.probes().get(p);
        for (Quantity q : want.cell().quantities()) {
          float[][] w = want.top(q);
          for (int t = 0; t < w.length; t++) {
            assertArrayEquals(w[t], got.maps().get(q)[t], "frame " + f.iteration() + " " + q);
          }
        }
        for (int t = 0; t < want.steps(); t++) {
          assertArrayEquals(want.stepProbabilities()[t], got.stepProbabilities()[t]);
        }
        assertEquals(want.prediction(), got.prediction());
      }
    }
    // The frames differ as the model learns: the first and last strips are not the same.
    assertTrue(
        !java.util.Arrays.equals(
            frames.get(0).probes().get(0).stepProbabilities()[27],
            frames.get(frames.size() - 1).probes().get(0).stepProbabilities()[27]));
  }

  @Test
  void aFullListIsThinnedToHalfAndFramesComeHalfAsOften() {
    TrainingConfig cfg = TrainerTest.tiny(1);
    RecurrentClassifier model = RecurrentClassifier.create(cfg.model());
    TimeLapse lapse = new TimeLapse(model, probes().subList(0, 1), 1, 4);
    new Trainer(cfg, data, model, lapse).run();
    // Iterations 0,1,2,3 fill it; 4 makes five: thinned to 0,2,4 and every 2; 6 adds a fourth;
    // 8 makes five again: thinned to 0,4,8 and every 4; 10 is not a multiple of 4.
    assertEquals(
        List.of(0, 4, 8), lapse.frames().stream().map(TimeLapse.Frame::iteration).toList());
    assertEquals(4, lapse.every());
    // One probe of a 16-unit LSTM: six [28][16] maps and a [28][10] strip, 4 bytes a value.
    assertEquals(4L * (6 * 28 * 16 + 28 * 10), lapse.bytesPerFrame());
    assertEquals(4 * lapse.bytesPerFrame(), lapse.maxBytes());
  }

  @Test
  void aRunsTimeLapseIsSpreadOverTheRunAndStaysWithinItsBudget() {
    // The first test image of each digit from #0: a 7, a 2, a 1, a 0 (test images #0 to #3).
    assertEquals(List.of(0, 1, 2, 3), TimeLapse.defaultProbes(data.test()));
    List<float[]> four =
        TimeLapse.defaultProbes(data.test()).stream()
            .map(i -> data.test().images().imageAsFloats(i))
            .toList();
    // A 64-unit LSTM (the quick demo), 188 iterations: 100 frames fit, but frames are at least 10
    // iterations apart (their cost).
    RecurrentClassifier small =
        RecurrentClassifier.create(
            new io.gatescope.core.engine.ModelConfig(
                io.gatescope.core.engine.CellType.LSTM, 1, 64, 64, 1, 1));
    TimeLapse quick = TimeLapse.forRun(small, four, 188);
    assertEquals(10, quick.every());
    assertEquals(4L * 4 * (6 * 28 * 64 + 28 * 10), quick.bytesPerFrame());
    assertEquals(100 * quick.bytesPerFrame(), quick.maxBytes());
    // A 512-unit LSTM: a frame holds 1,380,736 bytes; 30 of them fit in 40 MiB.
    RecurrentClassifier large =
        RecurrentClassifier.create(
            new io.gatescope.core.engine.ModelConfig(
                io.gatescope.core.engine.CellType.LSTM, 1, 512, 512, 1, 1));
    TimeLapse big = TimeLapse.forRun(large, four, 9370);
    assertEquals(1_380_736L, big.bytesPerFrame());
    assertEquals(30 * 1_380_736L, big.maxBytes());
    assertTrue(big.maxBytes() <= TimeLapse.BUDGET_BYTES);
    assertEquals(324, big.every()); // 9370 / 324 + 1 = 29 frames ≤ 30
  }
}
