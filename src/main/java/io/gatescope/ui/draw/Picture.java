package io.gatescope.ui.draw;

import io.gatescope.core.Messages;
import io.gatescope.core.preprocess.ImageFiles;
import io.gatescope.core.preprocess.Preprocessor;
import io.gatescope.ui.common.Input;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A PNG/JPEG picture read and preprocessed the MNIST way (as the CLI's predict does), or the
 * sentence that says why it could not be.
 *
 * @param input the picture as an input, or null when it could not be read
 * @param error why not, naming the file; null when it was read
 */
record Picture(Input input, String error) {
  /** Reads {@code file}; blocks, so never on the FX thread. */
  static Picture read(Path file) {
    try {
      ImageFiles.Grey g = ImageFiles.read(file);
      return new Picture(
          Input.picture(file, Preprocessor.toMnist(g.pixels(), g.width(), g.height())), null);
    } catch (IOException | RuntimeException e) {
      String name = file.getFileName().toString();
      return new Picture(null, Messages.get("draw.picture.error", name, e.getMessage()));
    }
  }
}
