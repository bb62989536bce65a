package io.gatescope.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreprocessorTest {
  /** A "7" drawn as thick strokes on a w×h canvas at (x, y) with size s; white background. */
  static double[] seven(int w, int h, double x, double y, double s, boolean darkBackground) {
    double[] px = new double[w * h];
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < w; i++) {
        double u = (i - x) / s;
        double v = (j - y) / s;
        boolean top = v >= 0 && v <= 0.15 && u >= 0 && u <= 0.8;
        // diagonal from (0.8, 0.1) to (0.3, 1.0)
        double t = (v - 0.1) / 0.9;
        double du = u - (0.8 - 0.5 * t);
        boolean diag = t >= 0 && t <= 1 && Math.abs(du) <= 0.08;
        boolean ink = top || diag;
        px[j * w + i] = darkBackground ? (ink ? 1 : 0) : (ink ? 0 : 1);
      }
    }
    return px;
  }

  static double distance(float[] a, float[] b) {
    double d = 0;
    double n = 0;
    for (int i = 0; i < a.length; i++) {
      d += (a[i] - b[i]) * (a[i] - b[i]);
      n += a[i] * a[i];
    }
    return Math.sqrt(d / n);
  }

  @Test
  void theSameDigitAtOtherPlacesAndSizesGivesNearlyTheSameInput() {
    float[] a = Preprocessor.toMnist(seven(280, 280, 20, 30, 120, false), 280, 280);
    float[] b = Preprocessor.toMnist(seven(280, 280, 130, 120, 140, false), 280, 280);
    float[] c = Preprocessor.toMnist(seven(400, 300, 50, 40, 240, false), 400, 300);
    float[] d = Preprocessor.toMnist(seven(280, 280, 60, 60, 150, true), 280, 280);
    assertTrue(distance(a, b) < 0.15, "moved: " + distance(a, b));
    assertTrue(distance(a, c) < 0.15, "scaled: " + distance(a, c));
    assertTrue(distance(a, d) < 0.15, "inverted background: " + distance(a, d));
  }

  @Test
  void theDigitFitsTwentyPixelsAndItsMassIsCentred() {
    float[] out = Preprocessor.toMnist(seven(280, 280, 10, 10, 200, false), 280, 280);
    int x0 = 28;
    int x1 = -1;
    int y0 = 28;
    int y1 = -1;
    double mass = 0;
    double mx = 0;
    double my = 0;
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        float v = out[y * 28 + x];
        if (v > 0.1f) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
        mass += v;
        mx += v * x;
        my += v * y;
      }
    }
    assertEquals(20, Math.max(x1 - x0 + 1, y1 - y0 + 1), 1);
    assertEquals(13.5, mx / mass, 1.0);
    assertEquals(13.5, my / mass, 1.0);
  }

  @Test
  void anEmptyPictureIsRefusedWithAMessage() {
    double[] blank = new double[100 * 100];
    java.util.Arrays.fill(blank, 1.0);
    var e =
        assertThrows(
            Preprocessor.EmptyImageException.class, () -> Preprocessor.toMnist(blank, 100, 100));
    assertEquals("the picture is empty: draw or load a digit first", e.getMessage());
  }
}
