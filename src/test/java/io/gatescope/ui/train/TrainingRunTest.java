package io.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.train.IterationStats;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingListener;
import io.gatescope.core.train.TrainingResult;
import io.gatescope.ui.FxTestSupport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The run controller's states with a stand-in job (no model is trained): idle → running ⇄ paused →
 * idle, what each step tells the job, and what the status line says.
 */
class TrainingRunTest {
  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  /** Reports {@code n} minibatches, then waits until cancelled (or released) and says how. */
  static final class FakeJob implements TrainingRun.Job {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final CountDownLatch end = new CountDownLatch(1);
    final TrainingListener listener;
    final int n;

    FakeJob(TrainingListener listener, int n) {
      this.listener = listener;
      this.n = n;
    }

    @Override
    public TrainingResult run() {
      for (int i = 1; i <= n; i++) {
        listener.onIteration(new IterationStats(1, i, 40, 1.0 / i, 0.5, 100, 10L * i, 125, 1e-3));
      }
      try {
        end.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      boolean cancelled = calls.contains("cancel");
      return new TrainingResult(
          cancelled ? TrainingResult.StopReason.CANCELLED : TrainingResult.StopReason.COMPLETED,
          "ended",
          1,
          n,
          0,
          0,
          10,
          -1);
    }

    @Override
    public void pause() {
      calls.add("pause");
    }

    @Override
    public void resume() {
      calls.add("resume");
    }

    @Override
    public void cancel() {
      calls.add("cancel");
      end.countDown();
    }
  }

  private final List<String> said = new CopyOnWriteArrayList<>();
  private final RunSeries series = new RunSeries();
  private final TrainingRun run = new TrainingRun(series, said::add);
  private final AtomicReference<FakeJob> job = new AtomicReference<>();
  private final AtomicReference<Run> ended = new AtomicReference<>();

  private void start(int n) throws Exception {
    TrainingConfig cfg = TrainingConfig.builder().batch(100).epochs(1).trainSize(4000).build();
    FxTestSupport.run(
        () ->
            run.start(
                "#1 LSTM H8",
                cfg,
                l -> {
                  FakeJob j = new FakeJob(l, n);
                  job.set(j);
                  return j;
                },
                (r, result) -> ended.set(r)));
  }

  @Test
  void pauseResumeAndStopReachTheJobAndTheStateFollows() throws Exception {
    assertFalse(run.runningProperty().get());
    start(3);
    assertTrue(FxTestSupport.onFx(() -> run.runningProperty().get()));
    assertEquals(40, FxTestSupport.onFx(() -> run.totalIterationsProperty().get()));
    FxTestSupport.waitFor("three minibatches", 10, () -> series.loss().size() == 3);
    assertEquals(0.075, FxTestSupport.onFx(() -> run.progressProperty().get()), 1e-12);
    assertEquals(
        "epoch 1 · iteration 3/40 · 100 images/s · ETA 2m05s",
        FxTestSupport.onFx(() -> run.progressTextProperty().get()));

    FxTestSupport.run(run::togglePause);
    assertTrue(FxTestSupport.onFx(() -> run.pausedProperty().get()));
    assertEquals(3, FxTestSupport.onFx(() -> run.pausedAtProperty().get()));
    assertEquals(
        "Paused at iteration 3 of 40: press Resume (Ctrl+P) to continue",
        said.get(said.size() - 1));
    assertEquals("epoch 1 · iteration 3/40", run.progressTextProperty().get(), "no speed, no ETA");

    FxTestSupport.run(run::togglePause);
    assertFalse(FxTestSupport.onFx(() -> run.pausedProperty().get()));
    assertEquals(-1, FxTestSupport.onFx(() -> run.pausedAtProperty().get()));
    assertEquals("Training #1 LSTM H8", said.get(said.size() - 1));

    FxTestSupport.run(run::togglePause); // paused again, then stopped
    FxTestSupport.run(run::stop);
    FxTestSupport.waitFor("the run ended", 10, () -> ended.get() != null);
    assertEquals(List.of("pause", "resume", "pause", "cancel"), job.get().calls);
    assertFalse(FxTestSupport.onFx(() -> run.runningProperty().get()));
    assertFalse(FxTestSupport.onFx(() -> run.pausedProperty().get()), "never paused while idle");
    assertEquals(-1, FxTestSupport.onFx(() -> run.pausedAtProperty().get()));
    Run r = ended.get();
    assertEquals("#1 LSTM H8", r.name());
    assertEquals(TrainingResult.StopReason.CANCELLED, r.result().reason());
    assertEquals(3, r.iterations().size());
    assertEquals(List.of(1, 2, 3), r.iterations().stream().map(IterationStats::iteration).toList());
  }

  @Test
  void idleThereIsNothingToPauseAndAStopBeforeTheJobExistsCancelsIt() throws Exception {
    FxTestSupport.run(run::togglePause);
    assertFalse(run.pausedProperty().get(), "idle: nothing to pause");
    FxTestSupport.run(
        () -> {
          run.stop(); // before any run: harmless
          run.start(
              "#2 GRU H8",
              TrainingConfig.quickDemo(),
              l -> {
                run.stop(); // pressed while the job is being built
                FakeJob j = new FakeJob(l, 0);
                job.set(j);
                return j;
              },
              (r, result) -> ended.set(r));
        });
    FxTestSupport.waitFor("the run ended", 10, () -> ended.get() != null);
    assertEquals(List.of("cancel"), job.get().calls, "cancelled as soon as it exists");
    assertEquals(TrainingResult.StopReason.CANCELLED, ended.get().result().reason());
  }
}
