package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Nd's bulk reads give an array's own values, whether it is a whole array or a view. */
class NdTest {
  private static INDArray counting(long rows, long cols) {
    return Nd4j.arange(rows * cols).castTo(DataType.FLOAT).reshape('c', rows, cols);
  }

  private static float[] elementByElement(INDArray m) {
    float[] v = new float[(int) m.length()];
    for (int r = 0; r < m.rows(); r++) {
      for (int c = 0; c < m.columns(); c++) {
        v[(int) (r * m.columns() + c)] = m.getFloat(r, c);
      }
    }
    return v;
  }

  @Test
  void readsAWholeArray() {
    INDArray m = counting(3, 5);
    assertArrayEquals(elementByElement(m), Nd.floats(m));
  }

  @Test
  void readsARowSliceFromItsOwnOffset() {
    // like a parameter's [1, K] slice of the flat parameter array, which lies in a row
    INDArray flat = counting(1, 40);
    INDArray slice =
        flat.get(
            org.nd4j.linalg.indexing.NDArrayIndex.all(),
            org.nd4j.linalg.indexing.NDArrayIndex.interval(30, 40));
    assertArrayEquals(elementByElement(slice), Nd.floats(slice));
    INDArray rows = Nd.rows(counting(6, 4), 2, 5); // rows 2..4, one block in a row
    assertArrayEquals(elementByElement(rows), Nd.floats(rows));
  }

  @Test
  void readsAViewWhoseValuesAreNotInARow() {
    INDArray cols = Nd.cols(counting(4, 6), 1, 4); // columns 1..3 of each row
    assertArrayEquals(elementByElement(cols), Nd.floats(cols));
  }
}
