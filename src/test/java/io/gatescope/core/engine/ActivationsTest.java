package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivationsTest {
  @Test
  void theFastApproximationStaysWithinThreeTenMillionthsOfTheExactFunctions() {
    int n = 240_001;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = -12 + i * 1e-4;
    }
    double[] t = x.clone();
    double[] s = x.clone();
    Activations.FAST.tanh(t, 0, n);
    Activations.FAST.sigmoid(s, 0, n);
    double worstT = 0;
    double worstS = 0;
    for (int i = 0; i < n; i++) {
      worstT = Math.max(worstT, Math.abs(t[i] - Math.tanh(x[i])));
      worstS = Math.max(worstS, Math.abs(s[i] - 1 / (1 + Math.exp(-x[i]))));
    }
    assertTrue(worstT < 3e-7, "tanh error " + worstT);
    assertTrue(worstS < 3e-7, "sigmoid error " + worstS);
    double[] ends = {-1e9, 1e9, 0};
    Activations.FAST.tanh(ends, 0, 3);
    assertEquals(-1, ends[0], 3e-7);
    assertEquals(1, ends[1], 3e-7);
    assertEquals(0, ends[2], 0);
  }

  @Test
  void onlyTheGivenRangeIsTouched() {
    double[] x = {5, 5, 5, 5};
    Activations.EXACT.sigmoid(x, 1, 2);
    assertEquals(5, x[0]);
    assertEquals(1 / (1 + Math.exp(-5)), x[1], 1e-15);
    assertEquals(5, x[3]);
  }
}
