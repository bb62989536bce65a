package io.gatescope.cli;

import io.gatescope.core.data.DataFileException;
import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelFileException;
import io.gatescope.core.model.ModelLocator;
import io.gatescope.core.model.SavedModel;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by the commands that read data or a model. */
public final class DataOptions {
  @Option(names = "--data", description = "data folder (holds mnist/); default: next to the app")
  Path data;

  @Option(names = "--model", description = "model file; default: the shipped LSTM")
  Path model;

  @Option(names = "--threads", defaultValue = "1", description = "BLAS/OpenMP threads (default 1)")
  int threads;

  void initNative() {
    Cli.require(threads >= 1 && threads <= 256, "--threads must be 1..256");
    NativeSetup.init(threads);
  }

  Mnist mnist() throws DataFileException {
    return Mnist.load(DataLocator.mnistFolder(Optional.ofNullable(data)));
  }

  LabeledImages test() throws DataFileException {
    return Mnist.loadTest(DataLocator.mnistFolder(Optional.ofNullable(data)));
  }

  SavedModel loadModel() throws ModelFileException {
    return ModelFile.load(ModelLocator.resolve(Optional.ofNullable(model)));
  }
}
