package io.gatescope.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelFileException;
import io.gatescope.core.model.TrainingSummary;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #20's "time-lapse frames equal traces taken from saved checkpoints", literally: during a
 * run the model is saved to a model file after every iteration; after the run each file kept for a
 * frame's iteration is opened again and its trace of each probe is the frame, value for value.
 */
class TimeLapseSavedCheckpointTest {
  @TempDir Path dir;

  private Path checkpoint(int iteration) {
    return dir.resolve("checkpoint-" + iteration + ".gsmodel");
  }

  private static void save(RecurrentClassifier model, Path file) {
    try {
      ModelFile.save(model, TrainingSummary.none(), file);
    } catch (ModelFileException e) {
      throw new UncheckedIOException(new java.io.IOException(e));
    }
  }

  @Test
  void everyFrameEqualsTheTraceOfItsCheckpointReopenedFromDisk() throws Exception {
    TimeLapseTest.load();
    TrainingConfig cfg = TrainerTest.tiny(1); // 10 iterations
    RecurrentClassifier model = RecurrentClassifier.create(cfg.model());
    List<float[]> probes = TimeLapseTest.probes();
    save(model, checkpoint(0));
    // Room for 4 frames, one every 2 iterations: thinned on the way (0, 4, 8 are left).
    TimeLapse lapse = new TimeLapse(model, probes, 2, 4);
    TrainingListener both =
        new TrainingListener() {
          @Override
          public void onIteration(IterationStats s) {
            lapse.onIteration(s);
            save(model, checkpoint(s.iteration()));
          }
        };
    new Trainer(cfg, TimeLapseTest.data, model, both).run();

    List<TimeLapse.Frame> frames = lapse.frames();
    assertEquals(List.of(0, 4, 8), frames.stream().map(TimeLapse.Frame::iteration).toList());
    for (TimeLapse.Frame f : frames) {
      RecurrentClassifier reopened = ModelFile.load(checkpoint(f.iteration())).model();
      for (int p = 0; p < probes.size(); p++) {
        GateTrace want = reopened.trace(probes.get(p));
        TimeLapse.Probe got = f.probes().get(p);
        for (Quantity q : want.cell().quantities()) {
          for (int t = 0; t < want.steps(); t++) {
            assertArrayEquals(
                want.top(q)[t],
                got.maps().get(q)[t],
                "frame " + f.iteration() + ", probe " + p + ", " + q + ", t " + (t + 1));
          }
        }
        for (int t = 0; t < want.steps(); t++) {
          assertArrayEquals(want.stepProbabilities()[t], got.stepProbabilities()[t]);
        }
        assertEquals(want.prediction(), got.prediction());
      }
    }
  }
}
