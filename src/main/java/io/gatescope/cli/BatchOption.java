package io.gatescope.cli;

import picocli.CommandLine.Option;

/** --batch: images per training step (train, bench). Its help text is in help.properties. */
public final class BatchOption {
  @Option(names = "--batch", defaultValue = "128", paramLabel = "N")
  int size;
}
