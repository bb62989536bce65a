package io.gatescope.ui.common;

import io.gatescope.core.Messages;

/**
 * What went wrong in background work, in words a user can act on: running out of memory says so
 * (with the window's memory limit), any other error its own message, or its kind when it has none.
 */
public final class Failure {
  private Failure() {}

  /** {@code e} in words. */
  public static String describe(Throwable e) {
    if (e instanceof OutOfMemoryError) {
      return Messages.get("failure.memory", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
