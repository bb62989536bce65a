package io.gatescope.core.data;

import java.io.IOException;
import java.nio.file.Path;

/** A data file that cannot be used. The message names the file, the problem and what to do. */
public final class DataFileException extends IOException {
  private final Path file;

  public DataFileException(Path file, String problem) {
    super(file.getFileName() + ": " + problem);
    this.file = file;
  }

  public DataFileException(Path file, String problem, Throwable cause) {
    super(file.getFileName() + ": " + problem, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
