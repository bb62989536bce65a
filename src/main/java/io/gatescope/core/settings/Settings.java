package io.gatescope.core.settings;

import io.gatescope.core.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What GateScope remembers between runs (window size, the last hyperparameters, the last model), as
 * a small properties file in the user's config folder. A damaged file never stops the app: it
 * starts with defaults and says so.
 */
public final class Settings {
  /** Refuse to read anything larger: settings are a few hundred bytes. */
  static final long MAX_BYTES = 1 << 20;

  private final Map<String, String> values = new TreeMap<>();

  /** The result of loading: the settings and, if something was wrong, what to tell the user. */
  public record Loaded(Settings settings, Optional<String> problem) {}

  /** ~/.config/gatescope/settings.properties (or under $XDG_CONFIG_HOME). */
  public static Path defaultFile() {
    return io.gatescope.core.AppFolders.config().resolve("settings.properties");
  }

  public static Loaded load(Path file) {
    Settings s = new Settings();
    if (!Files.exists(file)) {
      return new Loaded(s, Optional.empty());
    }
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return damaged(file, Messages.get("settings.notSettingsFile"));
      }
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.indexOf('\0') >= 0 || !text.isEmpty() && !text.contains("=")) {
        return damaged(file, Messages.get("settings.notSettings"));
      }
      Properties p = new Properties();
      p.load(new StringReader(text));
      for (String k : p.stringPropertyNames()) {
        s.values.put(k, p.getProperty(k));
      }
      return new Loaded(s, Optional.empty());
    } catch (IOException | IllegalArgumentException e) {
      return damaged(file, e.getMessage());
    }
  }

  private static Loaded damaged(Path file, String why) {
    return new Loaded(new Settings(), Optional.of(Messages.get("settings.damaged", file, why)));
  }

  /** Writes atomically (temp file + move): a crash mid-write keeps the previous settings. */
  public void save(Path file) throws IOException {
    Properties p = new Properties();
    p.putAll(values);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.store(out, "GateScope settings");
    io.gatescope.core.AtomicFile.write(file, out.toByteArray());
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** A file's path, or empty when missing or not a path this system allows (a NUL in it, say). */
  public Optional<Path> path(String key) {
    try {
      return get(key).map(Path::of);
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The window's saved place and size, in screen coordinates (before fitting to a screen). */
  public record Window(double x, double y, double width, double height) {}

  /**
   * The saved window, each number clamped to what a screen could be (nonsense becomes the default);
   * empty when no size was saved.
   */
  public Optional<Window> window() {
    if (get("window.width").isEmpty() || get("window.height").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Window(
            number("window.x", 0, -100000, 100000),
            number("window.y", 0, -100000, 100000),
            number("window.width", 1280, 1, 100000),
            number("window.height", 800, 1, 100000)));
  }

  /** A number in [min, max], or the default when missing or not such a number. */
  public double number(String key, double dflt, double min, double max) {
    try {
      double v = Double.parseDouble(values.getOrDefault(key, ""));
      return Double.isFinite(v) && v >= min && v <= max ? v : dflt;
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  public void put(String key, String value) {
    if (value == null) {
      values.remove(key);
    } else {
      values.put(key, value);
    }
  }

  public Map<String, String> asMap() {
    return Map.copyOf(values);
  }
}
