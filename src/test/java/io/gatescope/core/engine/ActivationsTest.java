package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivationsTest {
  @Test
  void theApproximationStaysWithinFourTenMillionthsOfTheExactFunctions() {
    int n = 240_001;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = -12 + i * 1e-4;
    }
    float[] xf = new float[n];
    for (int i = 0; i < n; i++) {
      xf[i] = (float) x[i];
      x[i] = xf[i]; // the exact functions at the same (float) arguments
    }
    float[] t = new float[n];
    float[] s = new float[n];
    Activations.tanh(xf, t, n);
    Activations.sigmoid(xf, s, n);
    double worstT = 0;
    double worstS = 0;
    for (int i = 0; i < n; i++) {
      worstT = Math.max(worstT, Math.abs(t[i] - Math.tanh(x[i])));
      worstS = Math.max(worstS, Math.abs(s[i] - 1 / (1 + Math.exp(-x[i]))));
    }
    assertTrue(worstT < 4e-7, "tanh error " + worstT);
    assertTrue(worstS < 4e-7, "sigmoid error " + worstS);
    float[] ends = {-1e9f, 1e9f, 0};
    Activations.tanh(ends, ends, 3);
    assertEquals(-1, ends[0], 3e-7);
    assertEquals(1, ends[1], 3e-7);
    assertEquals(0, ends[2], 0);
  }

  @Test
  void onlyTheGivenLengthIsWritten() {
    float[] z = {5, 5, 5};
    float[] out = {7, 7, 7};
    Activations.sigmoid(z, out, 2);
    assertEquals(1 / (1 + Math.exp(-5)), out[1], 3e-7);
    assertEquals(7f, out[2]);
  }
}
