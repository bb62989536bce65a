package io.gatescope.ui.common;

import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Runs the model off the FX thread on its own copy. Newest request wins: a request that was
 * overtaken before it started is skipped, and a result that was overtaken is dropped, so drawing
 * fast never builds a queue.
 */
public final class InferenceService {
  private final ExecutorService worker = singleDaemon("gatescope-inference");
  private volatile RecurrentClassifier source;
  private RecurrentClassifier copy; // worker thread only
  private RecurrentClassifier copiedFrom; // worker thread only
  private volatile Runnable modelChanged = () -> {};

  /** FX thread. The worker takes its own copy the next time it runs. */
  void setModel(RecurrentClassifier m) {
    source = m;
    modelChanged.run();
  }

  /** Called (on the FX thread) whenever the model changes, so views can recompute. */
  public void onModelChanged(Runnable r) {
    modelChanged = r;
  }

  /** A stream of requests of one caller: within a channel the newest request wins. */
  public final class Channel {
    private final AtomicLong generation = new AtomicLong();

    /** Traces the input with interventions; the result arrives on the FX thread unless stale. */
    public void trace(
        float[] input, List<Intervention> interventions, Consumer<GateTrace> onResult) {
      if (input == null) {
        cancel();
        return;
      }
      compute(
          m -> m.traceBatch(Batches.timeMajor(new float[][] {input}), interventions).get(0),
          onResult);
    }

    /**
     * Computes {@code job} with the worker's model copy; the result arrives on the FX thread unless
     * a newer request of this channel overtook it. Nothing runs while there is no model.
     */
    public <T> void compute(Function<RecurrentClassifier, T> job, Consumer<T> onResult) {
      long gen = generation.incrementAndGet();
      execute(
          () -> {
            if (generation.get() != gen) {
              return;
            }
            RecurrentClassifier m = current();
            if (m == null) {
              return;
            }
            T result = job.apply(m);
            Platform.runLater(
                () -> {
                  if (generation.get() == gen) {
                    onResult.accept(result);
                  }
                });
          });
    }

    /** Forgets pending requests (e.g. when the input was cleared). */
    public void cancel() {
      generation.incrementAndGet();
    }
  }

  public Channel channel() {
    return new Channel();
  }

  /** Runs arbitrary work with the worker's model copy (e.g. an evaluation), off the FX thread. */
  public void submit(Consumer<RecurrentClassifier> job) {
    execute(
        () -> {
          RecurrentClassifier m = current();
          if (m != null) {
            job.accept(m);
          }
        });
  }

  /**
   * Computes {@code job} with the worker's model copy, then hands its result to {@code onResult} on
   * the FX thread. Nothing runs while there is no model.
   */
  public <T> void compute(Function<RecurrentClassifier, T> job, Consumer<T> onResult) {
    submit(
        m -> {
          T result = job.apply(m);
          Platform.runLater(() -> onResult.accept(result));
        });
  }

  /**
   * Runs {@code work} on the worker, after the requests queued before it, then hands its result to
   * {@code onResult} on the FX thread: the app's background work (reading a picture, teaching a
   * model) shares this one thread with inference rather than starting threads of its own.
   */
  public <T> void run(Supplier<T> work, Consumer<T> onResult) {
    execute(
        () -> {
          T result = work.get();
          Platform.runLater(() -> onResult.accept(result));
        });
  }

  /** Queues work for the worker; once shut down there is no worker and the work is dropped. */
  private void execute(Runnable work) {
    try {
      worker.execute(work);
    } catch (RejectedExecutionException closed) {
      // A request after shutdown (an event on the way as the window closes): nothing to compute.
    }
  }

  private RecurrentClassifier current() {
    RecurrentClassifier s = source;
    if (s == null) {
      return null;
    }
    if (s != copiedFrom) {
      copy = s.copy();
      copiedFrom = s;
    }
    return copy;
  }

  void shutdown() {
    worker.shutdownNow();
  }

  /** One background thread named {@code name} that never keeps the app from exiting. */
  static ExecutorService singleDaemon(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }
}
