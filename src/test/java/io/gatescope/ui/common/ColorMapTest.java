package io.gatescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorMapTest {
  @Test
  void sequentialMapRisesInLightnessFromEndToEnd() {
    double prev = -1;
    for (int i = 0; i <= 100; i++) {
      double l = ColorMap.lightness(ColorMap.SEQUENTIAL.argb(i / 100.0));
      assertTrue(l > prev, "lightness must rise at " + i + ": " + prev + " → " + l);
      prev = l;
    }
    assertTrue(ColorMap.lightness(ColorMap.SEQUENTIAL.argb(0)) < 20);
    assertTrue(ColorMap.lightness(ColorMap.SEQUENTIAL.argb(1)) > 85);
  }

  @Test
  void divergingMapIsLightestAtZeroAndDarkensTowardBothEnds() {
    double centre = ColorMap.lightness(ColorMap.DIVERGING.argb(0.5));
    double prev = centre;
    for (int i = 51; i <= 100; i++) {
      double l = ColorMap.lightness(ColorMap.DIVERGING.argb(i / 100.0));
      assertTrue(l < prev, "darker toward +: " + i);
      prev = l;
    }
    prev = centre;
    for (int i = 49; i >= 0; i--) {
      double l = ColorMap.lightness(ColorMap.DIVERGING.argb(i / 100.0));
      assertTrue(l < prev, "darker toward −: " + i);
      prev = l;
    }
  }

  @Test
  void rangeEndsMapToTheLegendEndsAndOutOfRangeClamps() {
    assertEquals(0xFF440154, ColorMap.SEQUENTIAL.argb(0));
    assertEquals(0xFFFDE725, ColorMap.SEQUENTIAL.argb(1));
    assertEquals(ColorMap.SEQUENTIAL.argb(1), ColorMap.SEQUENTIAL.argb(7));
    assertEquals(ColorMap.DIVERGING.argb(0), ColorMap.DIVERGING.argb(-3));
    assertEquals(0xFF808080, ColorMap.SEQUENTIAL.argb(Double.NaN));
  }

  // ---- the high-contrast variants (presenter mode) ----

  @Test
  void highContrastSequentialRisesInLightnessOverNearlyTheWholeRange() {
    double prev = -1;
    for (int i = 0; i <= 100; i++) {
      double l = ColorMap.lightness(ColorMap.SEQUENTIAL.contrastArgb(i / 100.0));
      assertTrue(l > prev, "lightness must rise at " + i + ": " + prev + " → " + l);
      prev = l;
    }
    double low = ColorMap.lightness(ColorMap.SEQUENTIAL.contrastArgb(0));
    double high = ColorMap.lightness(ColorMap.SEQUENTIAL.contrastArgb(1));
    double usual =
        ColorMap.lightness(ColorMap.SEQUENTIAL.usualArgb(1))
            - ColorMap.lightness(ColorMap.SEQUENTIAL.usualArgb(0));
    assertTrue(high - low > 90, "spread " + (high - low));
    assertTrue(high - low > usual + 10, "more contrast than the usual map: " + usual);
  }

  @Test
  void highContrastDivergingMapsAreWhiteAtZeroDarkenOutwardAndStayApartForColourBlindness() {
    for (ColorMap m : new ColorMap[] {ColorMap.DIVERGING, ColorMap.GRADIENT}) {
      assertTrue(ColorMap.lightness(m.contrastArgb(0.5)) > 99, "white at 0");
      for (int side : new int[] {-1, 1}) {
        double prev = 101;
        for (int i = 0; i <= 50; i++) {
          double l = ColorMap.lightness(m.contrastArgb(0.5 + side * i / 100.0));
          assertTrue(l < prev || i == 0, "darker outward at " + side * i);
          prev = l;
        }
        assertTrue(prev < 25, "the ends are dark: " + prev);
      }
      // Seen with protanopia or deuteranopia, the negative side stays blue and the positive side
      // stays yellow-orange: the two signs never look alike.
      for (double d = 0.1; d <= 0.5; d += 0.05) {
        for (double[][] cvd : new double[][][] {PROTAN, DEUTAN}) {
          double[] neg = simulate(m.contrastArgb(0.5 - d), cvd);
          double[] pos = simulate(m.contrastArgb(0.5 + d), cvd);
          assertTrue(neg[2] > neg[0], "negative side blue at −" + d);
          assertTrue(pos[0] > pos[2], "positive side yellow-orange at +" + d);
        }
      }
    }
  }

  @Test
  void theWindowsSchemeChoosesTheVariantEveryMapPaints() {
    try {
      ColorMap.useHighContrast(true);
      assertEquals(ColorMap.SEQUENTIAL.contrastArgb(0.3), ColorMap.SEQUENTIAL.argb(0.3));
      assertEquals(ColorMap.GRADIENT.contrastArgb(0.8), ColorMap.GRADIENT.argb(0.8));
      ColorMap.useHighContrast(false);
      assertEquals(ColorMap.SEQUENTIAL.usualArgb(0.3), ColorMap.SEQUENTIAL.argb(0.3));
      assertTrue(ColorMap.SEQUENTIAL.usualArgb(0.3) != ColorMap.SEQUENTIAL.contrastArgb(0.3));
    } finally {
      ColorMap.useHighContrast(false);
    }
  }

  /** Protanopia and deuteranopia in linear RGB (Viénot, Brettel and Mollon, 1999). */
  private static final double[][] PROTAN = {
    {0.11238, 0.88762, 0}, {0.11238, 0.88762, 0}, {0.00401, -0.00401, 1}
  };

  private static final double[][] DEUTAN = {
    {0.29275, 0.70725, 0}, {0.29275, 0.70725, 0}, {-0.02234, 0.02234, 1}
  };

  private static double[] simulate(int argb, double[][] m) {
    double[] lin = {lin(argb >> 16 & 0xFF), lin(argb >> 8 & 0xFF), lin(argb & 0xFF)};
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) {
      out[i] = m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2];
    }
    return out;
  }

  private static double lin(int c) {
    double v = c / 255.0;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }
}
