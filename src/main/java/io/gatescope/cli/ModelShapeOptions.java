package io.gatescope.cli;

import picocli.CommandLine.Option;

/**
 * The shape of a model (--cell, --layers, --hidden, --proj), shared by train and bench; the
 * defaults are the classic lesson's. Help texts are in help.properties.
 */
public final class ModelShapeOptions {
  @Option(names = "--cell", defaultValue = "lstm", paramLabel = "CELL")
  String cell;

  @Option(names = "--layers", defaultValue = "1", paramLabel = "N")
  int layers;

  @Option(names = "--hidden", defaultValue = "128", paramLabel = "N")
  int hidden;

  @Option(names = "--proj", defaultValue = "128", paramLabel = "N")
  int proj;
}
