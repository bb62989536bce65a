package io.gatescope.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.train.TrainingResult.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainerTest {
  static Mnist data;

  @BeforeAll
  static void load() throws Exception {
    data = Mnist.load(DataLocator.mnistFolder(Optional.empty()));
  }

  static TrainingConfig tiny(int epochs) {
    return TrainingConfig.builder()
        .model(new ModelConfig(CellType.LSTM, 1, 16, 8, 1.0, 5))
        .batch(32)
        .epochs(epochs)
        .learningRate(5e-3)
        .trainSize(320)
        .testSize(200)
        .lrDecay(1.0)
        .build();
  }

  static final class Recorder implements TrainingListener {
    final List<Double> losses = new ArrayList<>();
    final List<EvaluationStats> evals = new ArrayList<>();

    @Override
    public void onIteration(IterationStats s) {
      losses.add(s.loss());
    }

    @Override
    public void onEvaluation(EvaluationStats s) {
      evals.add(s);
    }
  }

  @Test
  void runsEveryMinibatchEvaluatesAndLearns() {
    Recorder rec = new Recorder();
    TrainingResult r = new Trainer(tiny(3), data, null, rec).run();
    assertEquals(StopReason.COMPLETED, r.reason());
    assertEquals(30, r.iterations());
    assertEquals(30, rec.losses.size());
    assertEquals(3, rec.evals.size(), "one evaluation per epoch");
    EvaluationStats last = rec.evals.get(2);
    int sum = 0;
    int diag = 0;
    for (int a = 0; a < 10; a++) {
      for (int p = 0; p < 10; p++) {
        sum += last.confusion()[a][p];
      }
      diag += last.confusion()[a][a];
    }
    assertEquals(200, sum);
    assertEquals(last.testAccuracy(), diag / 200.0, 1e-12);
    assertTrue(
        rec.losses.get(29) < rec.losses.get(0),
        "loss fell: " + rec.losses.get(0) + " → " + rec.losses.get(29));
    assertEquals(3, last.saturation().size(), "Γu, Γf, Γo");
    for (GateSaturation s : last.saturation()) {
      assertTrue(s.low() >= 0 && s.high() >= 0 && s.low() + s.high() <= 1);
    }
  }

  @Test
  void sameSeedGivesTheSameLossSequenceBitForBit() {
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    new Trainer(tiny(1), data, null, a).run();
    new Trainer(tiny(1), data, null, b).run();
    assertArrayEquals(
        a.losses.stream().mapToDouble(Double::doubleValue).toArray(),
        b.losses.stream().mapToDouble(Double::doubleValue).toArray(),
        0.0);
  }

  @Test
  void pauseHoldsTheIterationCountAndResumeFinishes() throws Exception {
    AtomicInteger count = new AtomicInteger();
    CountDownLatch pausedAt3 = new CountDownLatch(1);
    Trainer[] holder = new Trainer[1];
    TrainingListener l =
        new TrainingListener() {
          @Override
          public void onIteration(IterationStats s) {
            count.set(s.iteration());
            if (s.iteration() == 3) {
              holder[0].pause();
              pausedAt3.countDown();
            }
          }
        };
    holder[0] = new Trainer(tiny(2), data, null, l);
    TrainingResult[] result = new TrainingResult[1];
    Thread t = new Thread(() -> result[0] = holder[0].run());
    t.start();
    assertTrue(pausedAt3.await(30, TimeUnit.SECONDS));
    Thread.sleep(300);
    assertEquals(3, count.get(), "no iteration while paused");
    holder[0].resume();
    t.join(60_000);
    assertEquals(20, count.get());
    assertEquals(StopReason.COMPLETED, result[0].reason());
  }

  @Test
  void cancelStopsAtAMinibatchAndLeavesAUsableModel() {
    Trainer[] holder = new Trainer[1];
    TrainingListener l =
        new TrainingListener() {
          @Override
          public void onIteration(IterationStats s) {
            if (s.iteration() == 4) {
              holder[0].cancel();
            }
          }
        };
    holder[0] = new Trainer(tiny(3), data, null, l);
    TrainingResult r = holder[0].run();
    assertEquals(StopReason.CANCELLED, r.reason());
    assertEquals(4, r.iterations());
    double sum = holder[0].model().params().flat().sumNumber().doubleValue();
    assertTrue(Double.isFinite(sum));
    float[][] p =
        holder[0]
            .model()
            .predict(
                io.gatescope.core.engine.Batches.timeMajor(
                    new float[][] {data.test().images().imageAsFloats(0)}));
    float total = 0;
    for (float v : p[0]) {
      total += v;
    }
    assertEquals(1f, total, 1e-5f);
  }

  /**
   * Cancelling from another thread at random moments leaves the model exactly (bit for bit) as
   * after its last whole step: never a half-applied update.
   */
  @Test
  void cancelAtRandomMomentsLeavesTheModelAsAfterItsLastWholeStep() throws Exception {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    for (int trial = 0; trial < 4; trial++) {
      Trainer t = new Trainer(tiny(400), data, null, new TrainingListener() {});
      TrainingResult[] r = new TrainingResult[1];
      Thread th = new Thread(() -> r[0] = t.run());
      th.start();
      Thread.sleep(rnd.nextInt(5, 250));
      t.cancel();
      th.join(60_000);
      assertEquals(StopReason.CANCELLED, r[0].reason(), "trial " + trial);
      int n = r[0].iterations();
      float[] want;
      if (n == 0) {
        want = new Trainer(tiny(400), data, null, null).model().params().flat().toFloatVector();
      } else {
        Trainer[] ref = new Trainer[1];
        ref[0] =
            new Trainer(
                tiny(400),
                data,
                null,
                new TrainingListener() {
                  @Override
                  public void onIteration(IterationStats s) {
                    if (s.iteration() == n) {
                      ref[0].cancel();
                    }
                  }
                });
        assertEquals(n, ref[0].run().iterations());
        want = ref[0].model().params().flat().toFloatVector();
      }
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          want, t.model().params().flat().toFloatVector(), "cancelled after " + n + " steps");
    }
  }

  @Test
  void aLossThatTurnsNanStopsTheRunAndKeepsFiniteWeights() {
    Trainer[] holder = new Trainer[1];
    TrainingListener l =
        new TrainingListener() {
          @Override
          public void onIteration(IterationStats s) {
            if (s.iteration() == 5) {
              // A fault mid-run: one weight becomes NaN, as after an overflow.
              holder[0].model().params().get("out.W").putScalar(0, 0, Float.NaN);
            }
          }
        };
    holder[0] = new Trainer(tiny(2), data, null, l);
    TrainingResult r = holder[0].run();
    assertEquals(StopReason.DIVERGED, r.reason());
    assertEquals(5, r.iterations());
    assertTrue(r.message().startsWith("the loss became NaN at iteration 6"), r.message());
    assertTrue(Double.isFinite(holder[0].model().params().flat().sumNumber().doubleValue()));
  }

  /**
   * The same run without a target gives the accuracy of every evaluation; the target is set between
   * the best accuracy before some evaluation k ≥ 2 and the accuracy at k, so the run must stop
   * exactly there.
   */
  @Test
  void targetAccuracyStopsAtTheFirstEvaluationThatReachesIt() {
    TrainingConfig full = tiny(5).toBuilder().evalEvery(5).build();
    Recorder all = new Recorder();
    TrainingResult fullRun = new Trainer(full, data, null, all).run();
    assertEquals(StopReason.COMPLETED, fullRun.reason());
    assertEquals(50, fullRun.iterations());
    assertEquals(10, all.evals.size());
    assertEquals(-1, fullRun.millisToTarget(), "no target, no time to it");
    int k = -1;
    double bestBefore = all.evals.get(0).testAccuracy();
    for (int i = 1; i < all.evals.size() - 1; i++) {
      if (all.evals.get(i).testAccuracy() > bestBefore) {
        k = i;
        break;
      }
      bestBefore = Math.max(bestBefore, all.evals.get(i).testAccuracy());
    }
    assertTrue(k >= 1, "the accuracy rose before the last evaluation");
    double target = (bestBefore + all.evals.get(k).testAccuracy()) / 2;

    Recorder rec = new Recorder();
    TrainingResult r =
        new Trainer(full.toBuilder().targetAccuracy(target).build(), data, null, rec).run();
    assertEquals(StopReason.TARGET_REACHED, r.reason(), r.message());
    assertEquals(k + 1, rec.evals.size(), "no evaluation after the one that reached the target");
    EvaluationStats reached = rec.evals.get(k);
    assertEquals(all.evals.get(k).iteration(), reached.iteration());
    assertEquals(5 * (k + 1), r.iterations(), "stopped right after evaluation " + (k + 1));
    assertTrue(r.iterations() < fullRun.iterations());
    assertEquals(all.evals.get(k).testAccuracy(), reached.testAccuracy(), 0.0);
    assertTrue(reached.testAccuracy() >= target);
    for (int i = 0; i < k; i++) {
      assertTrue(rec.evals.get(i).testAccuracy() < target, "evaluation " + (i + 1) + " < target");
    }
    assertEquals(reached.testAccuracy(), r.finalAccuracy(), 0.0);
    assertEquals(reached.elapsedMillis(), r.millisToTarget(), "time to target set at evaluation");
  }
}
