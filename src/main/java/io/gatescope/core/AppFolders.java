package io.gatescope.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where GateScope keeps its files, by each system's own convention:
 *
 * <ul>
 *   <li>Linux (and other Unix): the XDG base directories: settings under $XDG_CONFIG_HOME
 *       (~/.config), runs and the log under $XDG_DATA_HOME (~/.local/share), unpacked native
 *       libraries under $XDG_CACHE_HOME (~/.cache), each in a "gatescope" folder;
 *   <li>Windows: settings under %APPDATA%\GateScope, runs and the log under
 *       %LOCALAPPDATA%\GateScope, the cache under %LOCALAPPDATA%\GateScope\Cache;
 *   <li>macOS: settings, runs and the log under ~/Library/Application Support/GateScope, the cache
 *       under ~/Library/Caches/GateScope.
 * </ul>
 *
 * Versions before this one used the Linux places on every system: where such a folder exists and
 * the new one does not, GateScope goes on using it, so nobody loses settings or runs.
 */
public final class AppFolders {
  /** The three folders, each GateScope's own. */
  public record Places(Path config, Path data, Path cache) {}

  private AppFolders() {}

  public static Path config() {
    return system().config();
  }

  public static Path data() {
    return system().data();
  }

  public static Path cache() {
    return system().cache();
  }

  /** This machine's places (with the earlier versions' folders kept where they hold files). */
  public static Places system() {
    Path home = Path.of(System.getProperty("user.home"));
    String os = System.getProperty("os.name", "");
    return keepingEarlier(
        places(os, System.getenv(), home), places("Linux", Map.of(), home), Files::isDirectory);
  }

  /** The places on a system named {@code osName} (as Java's os.name), by its rules alone. */
  public static Places places(String osName, Map<String, String> env, Path home) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      Path roaming = absolute(env.get("APPDATA")).orElse(home.resolve("AppData/Roaming"));
      Path local = absolute(env.get("LOCALAPPDATA")).orElse(home.resolve("AppData/Local"));
      Path data = local.resolve("GateScope");
      return new Places(roaming.resolve("GateScope"), data, data.resolve("Cache"));
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      Path support = home.resolve("Library/Application Support/GateScope");
      return new Places(support, support, home.resolve("Library/Caches/GateScope"));
    }
    return new Places(
        xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")),
        xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")),
        xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")));
  }

  /**
   * Each of {@code current}'s folders, unless it does not exist yet and the earlier version's does:
   * then that one, so its files are still found (and new ones join them).
   */
  public static Places keepingEarlier(Places current, Places earlier, Predicate<Path> exists) {
    return new Places(
        pick(current.config(), earlier.config(), exists),
        pick(current.data(), earlier.data(), exists),
        pick(current.cache(), earlier.cache(), exists));
  }

  private static Path pick(Path current, Path earlier, Predicate<Path> exists) {
    return !current.equals(earlier) && !exists.test(current) && exists.test(earlier)
        ? earlier
        : current;
  }

  /** An XDG variable counts only when set to an absolute path (the specification's rule). */
  private static Path xdg(Map<String, String> env, String variable, Path fallback) {
    return absolute(env.get(variable)).orElse(fallback).resolve("gatescope");
  }

  private static java.util.Optional<Path> absolute(String value) {
    if (value == null || value.isBlank()) {
      return java.util.Optional.empty();
    }
    try {
      Path p = Path.of(value);
      // A Windows path is absolute only on Windows; accept a drive letter wherever the rule runs.
      return p.isAbsolute() || value.matches("^[A-Za-z]:[\\\\/].*")
          ? java.util.Optional.of(p)
          : java.util.Optional.empty();
    } catch (java.nio.file.InvalidPathException e) {
      return java.util.Optional.empty();
    }
  }
}
