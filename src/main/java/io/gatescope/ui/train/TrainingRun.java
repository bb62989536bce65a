package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.IterationStats;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingListener;
import io.gatescope.core.train.TrainingResult;
import io.gatescope.ui.common.CoalescingBridge;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;

/**
 * One training run at a time, on its own thread: start, pause and resume, stop; its progress and
 * time to go; the statistics it reports, carried to the FX thread in batches (one coalescing
 * bridge) into the {@link RunSeries} and the run's history. Idle, running or paused: {@code paused}
 * is only ever true while {@code running} is.
 */
public final class TrainingRun {
  /** What a run executes: the {@link io.gatescope.core.train.Trainer}, or a stand-in in tests. */
  interface Job {
    TrainingResult run();

    void pause();

    void resume();

    void cancel();
  }

  private final RunSeries series;
  private final Consumer<String> say;
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyIntegerWrapper pausedAt = new ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyIntegerWrapper totalIterations = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper progressText =
      new ReadOnlyStringWrapper(Messages.get("train.progress.ready"));
  private final List<IterationStats> iterations = new ArrayList<>();
  private final List<EvaluationStats> evaluations = new ArrayList<>();
  private final AtomicReference<Job> job = new AtomicReference<>();
  private volatile boolean stopRequested;
  private String name = "";

  /**
   * @param series where the run's points go
   * @param say where a message goes (the status line)
   */
  TrainingRun(RunSeries series, Consumer<String> say) {
    this.series = series;
    this.say = say;
  }

  /**
   * Starts a run (unless one is running) on a new thread; {@code make} builds its job there (a
   * large model takes a moment to build). When it ends, {@code finished} gets the run for the list
   * and its result, on the FX thread.
   */
  void start(
      String name,
      TrainingConfig cfg,
      Function<TrainingListener, Job> make,
      BiConsumer<Run, TrainingResult> finished) {
    if (running.get()) {
      return;
    }
    this.name = name;
    iterations.clear();
    evaluations.clear();
    series.clear();
    progress.set(0);
    CoalescingBridge<Object> bridge = new CoalescingBridge<>(this::accept);
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onIteration(IterationStats s) {
            bridge.post(s);
          }

          @Override
          public void onEvaluation(EvaluationStats s) {
            bridge.post(s);
          }
        };
    stopRequested = false;
    job.set(null);
    Task<TrainingResult> task =
        new Task<>() {
          @Override
          protected TrainingResult call() {
            Job j = make.apply(listener);
            job.set(j);
            if (stopRequested) {
              j.cancel();
            }
            return j.run();
          }
        };
    task.setOnSucceeded(e -> end(cfg, task.getValue(), finished));
    task.setOnFailed(
        e -> {
          running.set(false);
          setPaused(false);
          say.accept(Messages.get("train.failed", task.getException().getMessage()));
        });
    totalIterations.set(cfg.epochs() * cfg.iterationsPerEpoch());
    running.set(true);
    setPaused(false);
    say.accept(Messages.get("train.training", name));
    Thread th = new Thread(task, "gatescope-training");
    th.setDaemon(true);
    th.start();
  }

  private void end(TrainingConfig cfg, TrainingResult r, BiConsumer<Run, TrainingResult> finished) {
    running.set(false);
    setPaused(false);
    stillProgress();
    Run run =
        new Run(
            name,
            cfg,
            r,
            List.copyOf(iterations),
            List.copyOf(evaluations),
            new SimpleBooleanProperty(false));
    finished.accept(run, r);
  }

  /** Pauses a running run, or resumes a paused one; nothing while idle. */
  public void togglePause() {
    Job j = job.get();
    if (j == null || !running.get()) {
      return;
    }
    if (paused.get()) {
      j.resume();
      setPaused(false);
    } else {
      j.pause();
      setPaused(true);
      stillProgress();
    }
  }

  /** Stops the run (also one whose job is still being built); it ends as cancelled. */
  public void stop() {
    stopRequested = true;
    Job j = job.get();
    if (j != null) {
      j.cancel();
    }
  }

  /** Paused: the iteration it stopped at, in {@link #pausedAtProperty()} and the status. */
  private void setPaused(boolean p) {
    boolean was = paused.get();
    paused.set(p);
    if (p) {
      int at = iterations.isEmpty() ? 0 : iterations.get(iterations.size() - 1).iteration();
      pausedAt.set(at);
      say.accept(Messages.get("train.paused.status", at, totalIterations.get()));
    } else {
      if (was && running.get()) {
        say.accept(Messages.get("train.training", name));
      }
      pausedAt.set(-1);
    }
  }

  /** While paused or after the end: where the run is, without a speed or a time to go. */
  private void stillProgress() {
    if (!iterations.isEmpty()) {
      IterationStats s = iterations.get(iterations.size() - 1);
      progressText.set(
          Messages.get("train.progress.still", s.epoch(), s.iteration(), s.totalIterations()));
    }
  }

  /** A batch of statistics, on the FX thread. */
  void accept(List<Object> batch) {
    for (Object o : batch) {
      if (o instanceof IterationStats s) {
        iterations.add(s);
        series.add(s);
        if (paused.get()) {
          setPaused(true); // a minibatch in flight when Pause was pressed
        }
        progress.set(s.iteration() / (double) s.totalIterations());
        progressText.set(
            Messages.get(
                "train.progress",
                s.epoch(),
                s.iteration(),
                s.totalIterations(),
                s.samplesPerSecond(),
                eta(s.etaSeconds())));
      } else if (o instanceof EvaluationStats s) {
        evaluations.add(s);
        series.add(s);
      }
    }
  }

  /** The minibatch loss the run reported at {@code iteration} (1-based), if it has. FX thread. */
  public OptionalDouble lossAt(int iteration) {
    int i = iteration - 1; // one report per iteration, from 1, in order
    if (i >= 0 && i < iterations.size() && iterations.get(i).iteration() == iteration) {
      return OptionalDouble.of(iterations.get(i).loss());
    }
    return iterations.stream()
        .filter(s -> s.iteration() == iteration)
        .mapToDouble(IterationStats::loss)
        .findFirst();
  }

  /** Time to go, rounded to whole seconds: "2m05s", or "1h03m" from an hour on. */
  static String eta(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? Messages.get("train.eta.hours", s / 3600, s % 3600 / 60)
        : Messages.get("train.eta.minutes", s / 60, s % 60);
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty pausedProperty() {
    return paused.getReadOnlyProperty();
  }

  /** The iteration a paused run stopped at; −1 while not paused. */
  public ReadOnlyIntegerProperty pausedAtProperty() {
    return pausedAt.getReadOnlyProperty();
  }

  /** Iterations of the current (or last) run: the charts' x range, fixed for the whole run. */
  public ReadOnlyIntegerProperty totalIterationsProperty() {
    return totalIterations.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }
}
