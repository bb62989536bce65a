package io.gatescope.core.preprocess;

import io.gatescope.core.Messages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads PNG/JPEG/BMP/GIF files as greyscale for {@link Preprocessor}. */
public final class ImageFiles {
  /** Larger pictures are refused before decoding (a digit needs no more). */
  static final long MAX_BYTES = 64L << 20;

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
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new IOException(Messages.get("image.unreadable", name, e.getMessage()), e);
    }
    if (img == null) {
      throw new IOException(Messages.get("image.format", name));
    }
    int w = img.getWidth();
    int h = img.getHeight();
    if ((long) w * h > 40_000_000L) {
      throw new IOException(Messages.get("image.pixels", name, w, h));
    }
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
}
