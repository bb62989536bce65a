package io.gatescope.ui.units;

import io.gatescope.core.engine.RecurrentClassifier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;

/**
 * One of the Units workspace's own background threads (a lane), with its own copy of the model:
 * building the index takes seconds, and would hold up Inside's traces on the shared worker. Jobs
 * run in order; each result arrives on the FX thread.
 */
final class UnitsWorker {
  private final ExecutorService thread;
  private RecurrentClassifier copiedFrom; // worker thread only
  private RecurrentClassifier copy; // worker thread only

  /** A lane whose thread is named "gatescope-units-" + {@code name}. */
  UnitsWorker(String name) {
    thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "gatescope-units-" + name);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Runs {@code job} with this thread's copy of {@code model}; its result (or the error) is handed
   * over on the FX thread.
   */
  <T> void run(
      RecurrentClassifier model,
      Function<RecurrentClassifier, T> job,
      Consumer<T> onResult,
      Consumer<Throwable> onError) {
    try {
      thread.execute(
          () -> {
            T result;
            try {
              result = job.apply(copyOf(model));
            } catch (RuntimeException | Error e) {
              Platform.runLater(() -> onError.accept(e));
              return;
            }
            Platform.runLater(() -> onResult.accept(result));
          });
    } catch (RejectedExecutionException closed) {
      // shut down: nothing to compute
    }
  }

  private RecurrentClassifier copyOf(RecurrentClassifier model) {
    if (model != copiedFrom) {
      copy = model.copy();
      copiedFrom = model;
    }
    return copy;
  }

  void shutdown() {
    thread.shutdownNow();
  }
}
