package io.gatescope.core.preprocess;

import io.gatescope.core.Messages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads PNG/JPEG/BMP/GIF files as greyscale for {@link Preprocessor}. */
public final class ImageFiles {
  /** Larger pictures are refused before decoding (a digit needs no more). */
  static final long MAX_BYTES = 64L << 20;

  /** Larger pictures are refused before decoding: 4096×4096. */
  static final long MAX_PIXELS = 1L << 24;

  private ImageFiles() {}

  /** A decoded picture: row-major grey values in [0, 1]. */
  public record Grey(double[] pixels, int width, int height) {}

  public static Grey read(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new IOException(Messages.get("image.noFile", name));
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(Messages.get("image.huge", name));
    }
    BufferedImage img = decode(file, name);
    int w = img.getWidth();
    int h = img.getHeight();
    double[] px = new double[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int argb = img.getRGB(x, y);
        double alpha = ((argb >>> 24) & 0xFF) / 255.0;
        double r = (argb >> 16) & 0xFF;
        double g = (argb >> 8) & 0xFF;
        double b = argb & 0xFF;
        double lum = (0.299 * r + 0.587 * g + 0.114 * b) / 255.0;
        // Transparent pixels are background: composite onto white.
        px[y * w + x] = alpha * lum + (1 - alpha);
      }
    }
    return new Grey(px, w, h);
  }

  /**
   * The first picture in the file, decoded only after its size (from the file's header) was
   * checked: a small file can declare 100000×100000 pixels.
   */
  private static BufferedImage decode(Path file, String name) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException(Messages.get("image.format", name));
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long w;
        long h;
        try {
          w = reader.getWidth(0);
          h = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
          throw unreadable(name, e);
        }
        if (w <= 0 || h <= 0 || w * h > MAX_PIXELS) {
          throw new IOException(Messages.get("image.pixels", name, w, h));
        }
        try {
          return reader.read(0);
        } catch (IOException | RuntimeException e) {
          throw unreadable(name, e);
        }
      } finally {
        reader.dispose();
      }
    }
  }

  private static IOException unreadable(String name, Exception e) {
    return new IOException(Messages.get("image.unreadable", name, e.getMessage()), e);
  }
}
