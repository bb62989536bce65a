package io.gatescope.ui.common;

import java.io.IOException;

/** Image files from JavaFX images (written with {@link io.gatescope.core.AtomicFile}). */
public final class Files2 {
  private Files2() {}

  /** A JavaFX image as PNG bytes. */
  public static byte[] png(javafx.scene.image.Image img) throws IOException {
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    java.awt.image.BufferedImage bi =
        new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    var r = img.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        bi.setRGB(x, y, r.getArgb(x, y));
      }
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(bi, "png", out);
    return out.toByteArray();
  }
}
