package io.gatescope.core.lesson;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A drawing as a lesson carries it: a 28×28 8-bit grey PNG, ink white on black as MNIST stores its
 * digits, whose pixels are the model's input as they are (grey / 255). A drawing is rounded to
 * these 256 levels when it is recorded, and the window then shows the rounded drawing, so the
 * numbers a student sees are those the teacher saw.
 */
public final class DrawingPicture {
  /** The side of a drawing, in pixels: the model's input. */
  public static final int SIDE = 28;

  private DrawingPicture() {}

  /** {@code pixels} (784 values in [0, 1]) rounded to the 256 grey levels a PNG holds. */
  public static float[] rounded(float[] pixels) {
    float[] out = new float[SIDE * SIDE];
    for (int i = 0; i < out.length; i++) {
      out[i] = level(pixels[i]) / 255f;
    }
    return out;
  }

  /** The PNG of {@code pixels} (784 values in [0, 1], ink = 1). */
  public static byte[] png(float[] pixels) {
    if (pixels.length != SIDE * SIDE) {
      throw new IllegalArgumentException("a drawing is 28×28 pixels");
    }
    BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster r = img.getRaster();
    for (int i = 0; i < pixels.length; i++) {
      r.setSample(i % SIDE, i / SIDE, 0, level(pixels[i]));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The model's input held in a drawing's PNG. Its size is read before its pixels, so a picture of
   * any other size is refused without being decoded.
   *
   * @throws IllegalArgumentException when the bytes are not a 28×28 picture
   */
  public static float[] pixels(byte[] png) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IllegalArgumentException("not a picture");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        if (reader.getWidth(0) != SIDE || reader.getHeight(0) != SIDE) {
          throw new IllegalArgumentException(
              "a " + reader.getWidth(0) + "×" + reader.getHeight(0) + " picture, not 28×28");
        }
        BufferedImage img = reader.read(0);
        // 8-bit grey as GateScope writes it, read exactly; any other picture through its colours
        boolean grey8 =
            img.getRaster().getNumBands() == 1 && img.getSampleModel().getSampleSize(0) == 8;
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
          for (int x = 0; x < SIDE; x++) {
            int rgb = img.getRGB(x, y);
            int grey =
                grey8
                    ? img.getRaster().getSample(x, y, 0)
                    : ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
            out[y * SIDE + x] = grey / 255f;
          }
        }
        return out;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("not a readable picture (" + e.getMessage() + ")", e);
    }
  }

  private static int level(float p) {
    return Math.round(Math.max(0f, Math.min(1f, p)) * 255f);
  }
}
