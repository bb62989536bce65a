package io.gatescope.core;

import java.nio.file.Path;

/**
 * Where GateScope keeps its files, following the XDG base-directory convention: settings under
 * $XDG_CONFIG_HOME (~/.config), runs and the log under $XDG_DATA_HOME (~/.local/share), unpacked
 * native libraries under $XDG_CACHE_HOME (~/.cache), each in a "gatescope" folder.
 */
public final class AppFolders {
  private AppFolders() {}

  public static Path config() {
    return folder("XDG_CONFIG_HOME", ".config");
  }

  public static Path data() {
    return folder("XDG_DATA_HOME", ".local", "share");
  }

  public static Path cache() {
    return folder("XDG_CACHE_HOME", ".cache");
  }

  private static Path folder(String variable, String... underHome) {
    String xdg = System.getenv(variable);
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), underHome);
    return base.resolve("gatescope");
  }
}
