package io.gatescope.core.preprocess;

import io.gatescope.core.Messages;

/**
 * Turns any greyscale picture of a digit into what the model was trained on, the way MNIST itself
 * was made: ink is light on dark (inverted if the background is light), the digit is cropped to its
 * bounding box, scaled to fit 20×20 keeping its aspect ratio, and placed in a 28×28 field so that
 * its centre of mass is at the centre.
 *
 * <p>The Draw canvas and the CLI's predict use this same code.
 */
public final class Preprocessor {
  public static final int SIZE = 28;
  static final int BOX = 20;

  /** Pixels this faint (out of 1) count as background when finding the bounding box. */
  static final double INK = 0.1;

  private Preprocessor() {}

  /** Thrown when there is nothing to read (an empty or uniform picture). */
  public static final class EmptyImageException extends IllegalArgumentException {
    public EmptyImageException() {
      super(Messages.get("preprocess.empty"));
    }
  }

  /**
   * @param grey row-major intensities in [0, 1] (0 = black), width × height
   * @return 784 floats in [0, 1], ink = 1
   */
  public static float[] toMnist(double[] grey, int width, int height) {
    if (grey.length != width * height || width < 1 || height < 1) {
      throw new IllegalArgumentException("image size does not match its pixels");
    }
    double[] ink = inkOnDark(grey);
    int x0 = width;
    int y0 = height;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (ink[y * width + x] > INK) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    if (x1 < 0) {
      throw new EmptyImageException();
    }
    int bw = x1 - x0 + 1;
    int bh = y1 - y0 + 1;
    double scale = BOX / (double) Math.max(bw, bh);
    int sw = Math.max(1, (int) Math.round(bw * scale));
    int sh = Math.max(1, (int) Math.round(bh * scale));
    double[] small = resample(ink, width, x0, y0, bw, bh, sw, sh);

    // Centre of mass of the scaled digit, then shift it to the middle of the 28×28 field.
    double mass = 0;
    double mx = 0;
    double my = 0;
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        double v = small[y * sw + x];
        mass += v;
        mx += v * x;
        my += v * y;
      }
    }
    mx /= mass;
    my /= mass;
    int ox = (int) Math.round(SIZE / 2.0 - 0.5 - mx);
    int oy = (int) Math.round(SIZE / 2.0 - 0.5 - my);
    float[] out = new float[SIZE * SIZE];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        int tx = x + ox;
        int ty = y + oy;
        if (tx >= 0 && tx < SIZE && ty >= 0 && ty < SIZE) {
          out[ty * SIZE + tx] = (float) Math.min(1.0, small[y * sw + x]);
        }
      }
    }
    return out;
  }

  /** Ink as 1 on a 0 background: inverts pictures whose border (the background) is light. */
  static double[] inkOnDark(double[] grey) {
    double mean = 0;
    for (double v : grey) {
      mean += v;
    }
    mean /= grey.length;
    double[] out = new double[grey.length];
    boolean light = mean > 0.5;
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < grey.length; i++) {
      out[i] = light ? 1 - grey[i] : grey[i];
      min = Math.min(min, out[i]);
      max = Math.max(max, out[i]);
    }
    if (max - min < 1e-6) {
      throw new EmptyImageException();
    }
    // Stretch so the background is 0 and the strongest ink 1.
    for (int i = 0; i < out.length; i++) {
      out[i] = (out[i] - min) / (max - min);
    }
    return out;
  }

  /** Area-averaging resample of the box (x0, y0, bw, bh) to sw × sh. */
  static double[] resample(
      double[] src, int width, int x0, int y0, int bw, int bh, int sw, int sh) {
    double[] out = new double[sw * sh];
    double fx = bw / (double) sw;
    double fy = bh / (double) sh;
    for (int y = 0; y < sh; y++) {
      double sy0 = y * fy;
      double sy1 = (y + 1) * fy;
      for (int x = 0; x < sw; x++) {
        double sx0 = x * fx;
        double sx1 = (x + 1) * fx;
        double sum = 0;
        double area = 0;
        // (y + 1) · fy can round to a hair above bh: never read past the box.
        int yEnd = Math.min(bh, (int) Math.ceil(sy1));
        for (int yy = (int) Math.floor(sy0); yy < yEnd; yy++) {
          double wy = Math.min(sy1, yy + 1) - Math.max(sy0, yy);
          int xEnd = Math.min(bw, (int) Math.ceil(sx1));
          for (int xx = (int) Math.floor(sx0); xx < xEnd; xx++) {
            double wx = Math.min(sx1, xx + 1) - Math.max(sx0, xx);
            double wgt = wx * wy;
            sum += wgt * src[(y0 + yy) * width + x0 + xx];
            area += wgt;
          }
        }
        out[y * sw + x] = area > 0 ? sum / area : 0;
      }
    }
    return out;
  }
}
