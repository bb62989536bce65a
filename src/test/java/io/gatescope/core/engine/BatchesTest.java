package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class BatchesTest {
  private static final int T = ModelConfig.STEPS;
  private static final int F = ModelConfig.FEATURES;

  @Test
  void rowTOfImageIIsRowTTimesBPlusI() {
    float[][] images = new float[3][T * F];
    for (int i = 0; i < 3; i++) {
      for (int p = 0; p < T * F; p++) {
        images[i][p] = i * 1000 + p; // image i, pixel p (row p / F, column p % F)
      }
    }
    INDArray x = Batches.timeMajor(images);
    assertArrayEquals(new long[] {T * 3L, F}, x.shape());
    for (int t = 0; t < T; t++) {
      for (int i = 0; i < 3; i++) {
        for (int f = 0; f < F; f++) {
          assertEquals(i * 1000 + t * F + f, x.getFloat(t * 3L + i, f), 0f, "t " + t + " i " + i);
        }
      }
    }
  }

  @Test
  void aLongerBufferGivesOnlyItsFirstValues() {
    float[] buffer = {1, 2, 3, 4, 5, 6, 7, 8};
    INDArray m = Nd.fromFloats(buffer, 2, 3);
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, m.data().asFloat());
    assertArrayEquals(new long[] {2, 3}, m.shape());
  }
}
