package io.gatescope.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * --data: the folder that holds mnist/ (train, evaluate, predict, inspect, snapshot). Its help text
 * is in help.properties.
 */
public final class DataFolderOption {
  @Option(names = "--data", paramLabel = "FOLDER")
  Path data;

  /** The folder given, or empty for the usual places. */
  public Optional<Path> folder() {
    return Optional.ofNullable(data);
  }
}
