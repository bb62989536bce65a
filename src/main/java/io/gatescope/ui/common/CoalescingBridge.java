package io.gatescope.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Carries items from a worker thread to the FX thread with at most one {@code Platform.runLater}
 * pending: items queue up while the FX thread is busy and are handed over in one batch, so a fast
 * producer (a training loop) can never flood the event queue.
 */
public final class CoalescingBridge<T> {
  private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Consumer<List<T>> onFx;
  private final Consumer<Runnable> runLater;

  public CoalescingBridge(Consumer<List<T>> onFx) {
    this(onFx, Platform::runLater);
  }

  /** For tests: a custom scheduler instead of Platform.runLater. */
  public CoalescingBridge(Consumer<List<T>> onFx, Consumer<Runnable> runLater) {
    this.onFx = onFx;
    this.runLater = runLater;
  }

  /** Any thread. */
  public void post(T item) {
    queue.add(item);
    if (scheduled.compareAndSet(false, true)) {
      runLater.accept(this::drain);
    }
  }

  private void drain() {
    scheduled.set(false);
    List<T> batch = new ArrayList<>();
    for (T t; (t = queue.poll()) != null; ) {
      batch.add(t);
    }
    if (!batch.isEmpty()) {
      onFx.accept(batch);
    }
  }
}
