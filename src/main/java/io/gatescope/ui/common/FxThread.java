package io.gatescope.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Runs a piece of work on the FX thread from another thread and waits for its result. */
public final class FxThread {
  private FxThread() {}

  public static <T> T call(Callable<T> c) throws Exception {
    if (Platform.isFxApplicationThread()) {
      return c.call();
    }
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(c.call());
          } catch (Throwable t) {
            f.completeExceptionally(t);
          }
        });
    return f.get(60, TimeUnit.SECONDS);
  }
}
