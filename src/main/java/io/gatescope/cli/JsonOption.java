package io.gatescope.cli;

import picocli.CommandLine.Option;

/** --json: one JSON object on stdout instead of text. Its help text is in help.properties. */
public final class JsonOption {
  @Option(names = "--json")
  boolean json;
}
