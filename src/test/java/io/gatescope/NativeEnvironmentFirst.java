package io.gatescope;

import io.gatescope.core.engine.NativeSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets the native libraries' environment and loads ND4J's native libraries once per test JVM,
 * before any test starts JavaFX or other threads: libc's setenv is not safe beside threads that
 * read the environment, and the native loader is a suspect of the start-up crash when it runs
 * beside JavaFX's own native start-up (docs/faults.md). Registered in META-INF/services.
 */
public final class NativeEnvironmentFirst implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    NativeSetup.init(1); // the environment first, then ND4J's natives load
  }
}
