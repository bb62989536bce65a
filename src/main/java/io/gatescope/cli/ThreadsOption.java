package io.gatescope.cli;

import io.gatescope.core.engine.NativeSetup;
import picocli.CommandLine.Option;

/** --threads: how many threads the native math may use. Its help text is in help.properties. */
public final class ThreadsOption {
  @Option(names = "--threads", defaultValue = "1", paramLabel = "N")
  int threads;

  /** Checks the count and starts the native math with it. */
  void init() {
    Cli.requireRange("--threads", threads, 1, 256);
    NativeSetup.init(threads);
  }
}
