package io.gatescope.cli;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.preprocess.ImageFiles;
import io.gatescope.core.preprocess.Preprocessor;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How a picture file becomes the model's 28×28 input: prepared as the Draw canvas prepares a
 * drawing (cropped, scaled, centred), or with --raw fed as it is (an MNIST-format picture: 28×28,
 * light ink on a dark ground, grey value 1 = ink). Its help text is in help.properties.
 */
public final class PictureOption {
  private static final int SIDE = ModelConfig.STEPS;

  @Option(names = "--raw")
  boolean raw;

  float[] read(Path file) throws IOException {
    ImageFiles.Grey g = ImageFiles.read(file);
    String name = file.getFileName().toString();
    if (raw) {
      if (g.width() != SIDE || g.height() != SIDE) {
        throw new Cli.UserError(Messages.get("cli.raw.size", name, g.width(), g.height()));
      }
      float[] input = new float[SIDE * SIDE];
      for (int i = 0; i < input.length; i++) {
        input[i] = (float) g.pixels()[i];
      }
      return input;
    }
    try {
      return Preprocessor.toMnist(g.pixels(), g.width(), g.height());
    } catch (Preprocessor.EmptyImageException e) {
      throw new Cli.UserError(name + ": " + e.getMessage());
    }
  }
}
