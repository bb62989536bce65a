package io.gatescope.ui;

import io.gatescope.ui.common.FxThread;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/** Waiting for the FX thread and for background work in UI tests. */
public final class FxTestSupport {
  private FxTestSupport() {}

  public static <T> T onFx(Callable<T> c) throws Exception {
    return FxThread.call(c);
  }

  public static void run(Runnable r) throws Exception {
    onFx(
        () -> {
          r.run();
          return null;
        });
  }

  /** Polls a condition on the FX thread until it holds or the time is up. */
  public static void waitFor(String what, int seconds, BooleanSupplier cond) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      if (onFx(cond::getAsBoolean)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
