package io.gatescope.core.preprocess;

import java.util.List;

/**
 * Renders pen strokes into a square grey raster (ink 1 on 0) with soft round ends, the way a thick
 * felt pen would: the Draw canvas's strokes become pixels for {@link Preprocessor}.
 */
public final class StrokeRaster {
  /** One stroke: points (x, y pairs in raster pixels) and the pen's diameter. */
  public record Stroke(double[] xy, double width) {
    public int points() {
      return xy.length / 2;
    }
  }

  private final int size;
  private final double[] ink;

  public StrokeRaster(int size) {
    this.size = size;
    this.ink = new double[size * size];
  }

  public int size() {
    return size;
  }

  /** Ink values (0 = paper, 1 = full ink), row-major; live, not a copy. */
  public double[] ink() {
    return ink;
  }

  public void clear() {
    java.util.Arrays.fill(ink, 0);
  }

  /** Draws an image of another size (e.g. 28×28 MNIST) scaled up to fill the raster. */
  public void drawImage(float[] px, int side) {
    for (int y = 0; y < size; y++) {
      int sy = Math.min(side - 1, y * side / size);
      for (int x = 0; x < size; x++) {
        int sx = Math.min(side - 1, x * side / size);
        ink[y * size + x] = Math.max(ink[y * size + x], px[sy * side + sx]);
      }
    }
  }

  public void draw(List<Stroke> strokes) {
    for (Stroke s : strokes) {
      draw(s);
    }
  }

  public void draw(Stroke s) {
    double[] p = s.xy();
    if (p.length < 2) {
      return;
    }
    dab(p[0], p[1], s.width() / 2);
    for (int i = 2; i + 1 < p.length; i += 2) {
      segment(p[i - 2], p[i - 1], p[i], p[i + 1], s.width() / 2);
    }
  }

  private void segment(double x0, double y0, double x1, double y1, double r) {
    double len = Math.hypot(x1 - x0, y1 - y0);
    int n = Math.max(1, (int) Math.ceil(len / Math.max(0.5, r / 3)));
    for (int i = 1; i <= n; i++) {
      double t = i / (double) n;
      dab(x0 + t * (x1 - x0), y0 + t * (y1 - y0), r);
    }
  }

  /** A round dab with a one-pixel soft edge. */
  private void dab(double cx, double cy, double r) {
    int x0 = Math.max(0, (int) Math.floor(cx - r - 1));
    int x1 = Math.min(size - 1, (int) Math.ceil(cx + r + 1));
    int y0 = Math.max(0, (int) Math.floor(cy - r - 1));
    int y1 = Math.min(size - 1, (int) Math.ceil(cy + r + 1));
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        double v = Math.max(0, Math.min(1, r + 0.5 - d));
        int i = y * size + x;
        if (v > ink[i]) {
          ink[i] = v;
        }
      }
    }
  }

  /** Any ink at all? */
  public boolean isEmpty() {
    for (double v : ink) {
      if (v > 0.05) {
        return false;
      }
    }
    return true;
  }
}
