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
}
