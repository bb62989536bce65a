package io.gatescope.ui.common;

/**
 * Colour maps for the heatmaps, both readable with the common colour-vision deficiencies: {@link
 * #SEQUENTIAL} (viridis-like, dark blue → green → yellow; lightness rises monotonically) for gates
 * in [0, 1], and {@link #DIVERGING} (blue ← light grey → red-orange; lightness peaks at the centre)
 * for c̃, c and a, centred on 0; {@link #GRADIENT} (purple ← near white → orange, the pair that
 * stays apart for every common colour-vision deficiency) for gradients, centred on 0.
 *
 * <p>Each map has a high-contrast variant for projectors (presenter mode), which wash out mid tones
 * and dark greys: the same hues, so the same colour-vision safety (blue–yellow; blue or purple
 * against orange), with lightness spread over the whole range (near black to near white) and pure
 * white at a diverging map's centre. The window uses one variant at a time ({@link
 * #useHighContrast}); every canvas widget paints again when it changes ({@link ColorScheme}).
 */
public final class ColorMap {
  private static volatile boolean highContrast;

  private final int[] lut;
  private final int[] contrastLut;

  public static final ColorMap SEQUENTIAL =
      new ColorMap(
          new double[] {0, 0.2, 0.4, 0.6, 0.8, 1},
          new int[][] {
            {0, 0, 40}, {40, 20, 160}, {0, 100, 200}, {0, 170, 160}, {180, 220, 40}, {255, 255, 200}
          },
          new double[] {0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1},
          new int[][] {
            {68, 1, 84},
            {71, 44, 122},
            {59, 81, 139},
            {44, 113, 142},
            {33, 144, 141},
            {39, 173, 129},
            {92, 200, 99},
            {170, 220, 50},
            {253, 231, 37}
          });

  public static final ColorMap DIVERGING =
      new ColorMap(
          new double[] {0, 0.25, 0.45, 0.5, 0.55, 0.75, 1},
          new int[][] {
            {0, 20, 80},
            {0, 90, 210},
            {150, 200, 255},
            {255, 255, 255},
            {255, 210, 150},
            {230, 110, 0},
            {90, 30, 0}
          },
          new double[] {0, 0.2, 0.4, 0.5, 0.6, 0.8, 1},
          new int[][] {
            {5, 48, 97},
            {67, 147, 195},
            {167, 207, 228},
            {240, 240, 240},
            {246, 183, 150},
            {214, 96, 77},
            {103, 0, 31}
          });

  /** Gradients ∂L/∂q: purple below 0 (raising q lowers the loss), orange above 0. */
  public static final ColorMap GRADIENT =
      new ColorMap(
          new double[] {0, 0.25, 0.45, 0.5, 0.55, 0.75, 1},
          new int[][] {
            {40, 0, 80},
            {110, 50, 190},
            {215, 200, 245},
            {255, 255, 255},
            {255, 225, 170},
            {240, 140, 20},
            {85, 35, 0}
          },
          new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1},
          new int[][] {
            {45, 0, 75},
            {84, 39, 136},
            {128, 115, 172},
            {178, 171, 210},
            {216, 218, 235},
            {247, 247, 247},
            {254, 224, 182},
            {253, 184, 99},
            {224, 130, 20},
            {179, 88, 6},
            {127, 59, 8}
          });

  private ColorMap(double[] contrastPos, int[][] contrastRgb, double[] pos, int[][] rgb) {
    this.lut = table(pos, rgb);
    this.contrastLut = table(contrastPos, contrastRgb);
  }

  /**
   * Which variant every map paints with: the high-contrast one (presenter mode) or the usual one.
   * Call through {@link ColorScheme}, which tells the widgets to paint again.
   */
  static void useHighContrast(boolean on) {
    highContrast = on;
  }

  /** True while the maps paint their high-contrast variant. */
  public static boolean highContrast() {
    return highContrast;
  }

  /** Opaque ARGB of the usual variant, whichever the window uses. */
  public int usualArgb(double t) {
    return argb(lut, t);
  }

  /** Opaque ARGB of the high-contrast variant, whichever the window uses. */
  public int contrastArgb(double t) {
    return argb(contrastLut, t);
  }

  /** Opaque ARGB for a position in [0, 1] (clamped; NaN maps to mid grey). */
  public int argb(double t) {
    return argb(highContrast ? contrastLut : lut, t);
  }

  private static int argb(int[] table, double t) {
    if (Double.isNaN(t)) {
      return 0xFF808080;
    }
    int i = (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
    return table[i];
  }

  /**
   * Where v falls on a map running from −hi to hi (lo = −hi) or lo to hi: linearly when {@code
   * logEps} is 0, else on a signed-log scale, sign(v)·log(1 + |v|/ε) / log(1 + hi/ε) around the
   * middle, so values a thousand times smaller than the largest still show a colour.
   */
  public static double position(double v, double lo, double hi, double logEps) {
    if (logEps <= 0) {
      double span = hi - lo == 0 ? 1 : hi - lo;
      return (v - lo) / span;
    }
    double top = Math.log1p(Math.max(Math.abs(lo), Math.abs(hi)) / logEps);
    return 0.5 + 0.5 * Math.signum(v) * Math.log1p(Math.abs(v) / logEps) / top;
  }

  private static int[] table(double[] pos, int[][] rgb) {
    int[] out = new int[256];
    for (int i = 0; i < 256; i++) {
      out[i] = compute(pos, rgb, i / 255.0);
    }
    return out;
  }

  private static int compute(double[] pos, int[][] rgb, double t) {
    int k = 0;
    while (k < pos.length - 2 && t > pos[k + 1]) {
      k++;
    }
    double f = (t - pos[k]) / (pos[k + 1] - pos[k]);
    int r = (int) Math.round(rgb[k][0] + f * (rgb[k + 1][0] - rgb[k][0]));
    int g = (int) Math.round(rgb[k][1] + f * (rgb[k + 1][1] - rgb[k][1]));
    int b = (int) Math.round(rgb[k][2] + f * (rgb[k + 1][2] - rgb[k][2]));
    return 0xFF000000 | r << 16 | g << 8 | b;
  }

  /** CIE L* (0..100) of an ARGB colour, for tests and legends. */
  public static double lightness(int argb) {
    double y =
        0.2126 * lin((argb >> 16) & 0xFF)
            + 0.7152 * lin((argb >> 8) & 0xFF)
            + 0.0722 * lin(argb & 0xFF);
    return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
  }

  private static double lin(int c) {
    double v = c / 255.0;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }
}
