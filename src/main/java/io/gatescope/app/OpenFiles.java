package io.gatescope.app;

import java.awt.Desktop;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Files the system asks GateScope to open: a model or a lesson double-clicked in a file manager
 * arrives as the one argument of the launcher (Linux desktop files, Windows file associations) or,
 * on macOS, as an open-file event.
 */
final class OpenFiles {
  /** The file types GateScope opens from outside, by extension. */
  static final Set<String> EXTENSIONS = Set.of(".gatescope", ".gslesson");

  private OpenFiles() {}

  /**
   * The file to open in the window, when the arguments are exactly one path to a model file (by its
   * extension, or any existing file that is not a command's name); otherwise empty and the
   * arguments are a command line.
   */
  static Optional<Path> fromArguments(List<String> args, Set<String> commands) {
    if (args.size() != 1) {
      return Optional.empty();
    }
    String a = args.get(0);
    if (a.startsWith("-") || commands.contains(a)) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(a);
      boolean model = EXTENSIONS.stream().anyMatch(a.toLowerCase(Locale.ROOT)::endsWith);
      return model || Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /**
   * On macOS, files opened from the Finder (double-click, "Open With") arrive as events, at launch
   * and while GateScope runs; each is handed to {@code open} (on the AWT thread). Elsewhere there
   * are no such events and AWT is left alone.
   */
  static void listenOnMac(Consumer<Path> open) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")) {
      return;
    }
    if (Desktop.isDesktopSupported()
        && Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_FILE)) {
      Desktop.getDesktop()
          .setOpenFileHandler(e -> e.getFiles().forEach(f -> open.accept(f.toPath())));
    }
  }
}
