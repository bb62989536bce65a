package io.gatescope;

import io.gatescope.core.engine.NativeSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets the native libraries' environment once per test JVM, before any test starts JavaFX or other
 * threads, as the launcher does before the window opens (libc's setenv is not safe beside threads
 * that read the environment). Registered in META-INF/services.
 */
public final class NativeEnvironmentFirst implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    NativeSetup.prepareEnvironment(1);
  }
}
