package io.gatescope.app;

import io.gatescope.core.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;

/**
 * What an unexpected error becomes: one short sentence for the dialog, the full details (for
 * copying into a bug report), and an entry appended to the log file in the user's data folder.
 */
public record CrashReport(String summary, String details) {

  public static CrashReport of(Thread thread, Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    StringWriter sw = new StringWriter();
    error.printStackTrace(new PrintWriter(sw));
    String details =
        "GateScope "
            + io.gatescope.core.AppInfo.version()
            + ", Java "
            + System.getProperty("java.version")
            + ", "
            + System.getProperty("os.name")
            + "\nthread: "
            + thread.getName()
            + "\n\n"
            + sw;
    return new CrashReport(Messages.get("crash.summary", what), details);
  }

  /** ~/.local/share/gatescope/gatescope.log (or under $XDG_DATA_HOME). */
  public static Path logFile() {
    return io.gatescope.core.AppFolders.data().resolve("gatescope.log");
  }

  /** Appends this report to the log; never throws (a failing log must not hide the error). */
  public boolean appendTo(Path log) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      String entry = "=== " + LocalDateTime.now() + "\n" + details + "\n";
      Files.writeString(
          log, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
