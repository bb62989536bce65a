package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import java.nio.file.Path;

/**
 * The input every workspace shows: the 28×28 pixels the model reads, the true digit when it is
 * known, and where the pixels came from. One immutable value, replaced as a whole.
 *
 * @param pixels 784 floats in [0, 1] (ink = 1), row-major; a private copy that readers must not
 *     write into
 * @param label the true digit (an MNIST test image), or null
 * @param source a drawing, an MNIST test image or a picture file
 */
public record Input(float[] pixels, Integer label, Source source) {

  /** Where an input came from. */
  public sealed interface Source permits Drawing, TestImage, Picture {}

  /** Drawn on Draw's canvas (possibly over a test image or picture). */
  public record Drawing() implements Source {}

  /** MNIST test image number {@code index}. */
  public record TestImage(int index) implements Source {}

  /** A picture file, preprocessed the MNIST way. */
  public record Picture(Path file) implements Source {}

  public Input {
    if (pixels == null || pixels.length != 28 * 28 || source == null) {
      throw new IllegalArgumentException("an input is 784 pixels with a source");
    }
    pixels = pixels.clone();
  }

  public static Input drawing(float[] pixels) {
    return new Input(pixels, null, new Drawing());
  }

  public static Input testImage(int index, float[] pixels, int label) {
    return new Input(pixels, label, new TestImage(index));
  }

  public static Input picture(Path file, float[] pixels) {
    return new Input(pixels, null, new Picture(file));
  }

  /** The MNIST test index, or −1 when this is not a test image. */
  public int testIndex() {
    return source instanceof TestImage t ? t.index() : -1;
  }

  /** Where it came from, for people ("your drawing", "MNIST test #123", "picture 7.png"). */
  public String describe() {
    if (source instanceof TestImage t) {
      return Messages.get("input.test", t.index());
    }
    if (source instanceof Picture p) {
      return Messages.get("input.picture", p.file().getFileName().toString());
    }
    return Messages.get("input.drawing");
  }
}
