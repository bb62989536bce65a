package io.gatescope.cli;

import io.gatescope.core.data.DataFileException;
import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelFileException;
import io.gatescope.core.model.ModelLocator;
import io.gatescope.core.model.SavedModel;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that read data or a model. Help texts are in help.properties. */
public final class DataOptions {
  @Mixin DataFolderOption data;

  @Option(names = "--model", paramLabel = "FILE")
  Path model;

  @Mixin ThreadsOption threads;

  void initNative() {
    threads.init();
  }

  Mnist mnist() throws DataFileException {
    return Mnist.load(DataLocator.mnistFolder(data.folder()));
  }

  LabeledImages test() throws DataFileException {
    return Mnist.loadTest(DataLocator.mnistFolder(data.folder()));
  }

  SavedModel loadModel() throws ModelFileException {
    return ModelFile.load(ModelLocator.resolve(Optional.ofNullable(model)));
  }
}
