package io.gatescope.ui.common;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decodes an animated GIF with ImageIO into the pictures a viewer shows, frame by frame. */
public final class GifFrames {
  private GifFrames() {}

  /**
   * Each frame drawn over the picture before it (a pixel a frame leaves transparent keeps what was
   * there), as a viewer shows them.
   */
  public static List<BufferedImage> shown(Path gif) throws Exception {
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    List<BufferedImage> out = new ArrayList<>();
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      reader.setInput(in);
      int n = reader.getNumImages(true);
      BufferedImage screen = null;
      for (int k = 0; k < n; k++) {
        BufferedImage frame = reader.read(k);
        if (screen == null) {
          screen =
              new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_ARGB);
        }
        var g = screen.createGraphics();
        g.drawImage(frame, 0, 0, null);
        g.dispose();
        BufferedImage copy =
            new BufferedImage(screen.getWidth(), screen.getHeight(), BufferedImage.TYPE_INT_ARGB);
        copy.setData(screen.getData());
        out.add(copy);
      }
    } finally {
      reader.dispose();
    }
    return out;
  }

  /** How many pixels differ between two pictures of the same size. */
  public static int differing(BufferedImage a, BufferedImage b) {
    int n = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          n++;
        }
      }
    }
    return n;
  }
}
