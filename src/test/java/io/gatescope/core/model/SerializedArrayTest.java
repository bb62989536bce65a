package io.gatescope.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Weights are read in Java from ND4J's format: a vector, value for value, and nothing else. */
class SerializedArrayTest {
  private static byte[] written(INDArray a) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(out)) {
      Nd4j.write(a, d);
    }
    return out.toByteArray();
  }

  @Test
  void aVectorWrittenByNd4jReadsBackValueForValue() throws IOException {
    float[] v = {0.5f, -1.25f, 3f, 1e-3f, -7f, 2f};
    INDArray read = SerializedArray.read(written(Nd4j.createFromArray(v).reshape(1, 6)), 6);
    assertArrayEquals(new long[] {1, 6}, read.shape());
    assertArrayEquals(v, read.toFloatVector(), 0f);
  }

  @Test
  void aMatrixOfTheRightSizeIsNotTakenForTheVector() throws IOException {
    INDArray m = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}}).dup('f');
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SerializedArray.read(written(m), 6));
    assertEquals("an array of 6 values, not a vector", e.getMessage());
  }
}
