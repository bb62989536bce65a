package io.gatescope.core.runs;

import io.gatescope.core.Messages;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The folder of finished runs, one {@link RunFile} each. Loading reads every {@code *.json} file in
 * it and skips, with a message, any that is damaged or not a run: one bad file never hides the
 * others.
 */
public final class RunStore {
  /** Read at most this many files: a folder someone filled by mistake does not stall the start. */
  static final int MAX_FILES = 500;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final Path folder;

  public RunStore(Path folder) {
    this.folder = folder;
  }

  /** ~/.local/share/gatescope/runs (or under $XDG_DATA_HOME), next to the crash log. */
  public static Path defaultFolder() {
    return io.gatescope.core.AppFolders.data().resolve("runs");
  }

  public Path folder() {
    return folder;
  }

  /** The runs read, newest first, and one message per file skipped. */
  public record Loaded(List<RunRecord> runs, List<String> problems) {}

  public Loaded load() {
    List<RunRecord> runs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return new Loaded(runs, problems);
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*.json")) {
      for (Path p : dir) {
        // Temporary files of a write in progress (or cut short) start with a dot.
        if (!p.getFileName().toString().startsWith(".")) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      problems.add(Messages.get("runs.folderUnreadable", folder, e.getMessage()));
      return new Loaded(runs, problems);
    }
    files.sort(Comparator.comparing(Path::toString));
    if (files.size() > MAX_FILES) {
      problems.add(Messages.get("runs.tooMany", folder, files.size(), MAX_FILES));
      files = files.subList(files.size() - MAX_FILES, files.size()); // the newest names
    }
    for (Path p : files) {
      try {
        runs.add(RunFile.read(p));
      } catch (RunFileException e) {
        problems.add(e.getMessage());
      }
    }
    runs.sort(Comparator.comparing(RunRecord::finished).reversed());
    return new Loaded(runs, problems);
  }

  /** Writes the run to a new file named after its finishing time; returns that file. */
  public Path save(RunRecord run) throws IOException {
    String base = "run-" + STAMP.format(run.finished());
    Path file = folder.resolve(base + ".json");
    for (int k = 2; Files.exists(file); k++) {
      file = folder.resolve(base + "-" + k + ".json");
    }
    RunFile.write(run, file);
    return file;
  }
}
