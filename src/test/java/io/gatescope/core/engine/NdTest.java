package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

  /** a·b (or a·bᵀ) + beta·c in double, from the arrays' own values. */
  private static double[] product(INDArray a, INDArray b, boolean tb, double beta, INDArray c) {
    int n = (int) c.columns();
    int k = (int) a.columns();
    double[] out = new double[(int) (c.rows() * n)];
    for (int r = 0; r < c.rows(); r++) {
      for (int j = 0; j < n; j++) {
        double sum = beta * c.getFloat(r, j);
        for (int i = 0; i < k; i++) {
          sum += (double) a.getFloat(r, i) * (tb ? b.getFloat(j, i) : b.getFloat(i, j));
        }
        out[r * n + j] = sum;
      }
    }
    return out;
  }

  private static void assertProduct(double[] expected, INDArray c) {
    float[] got = Nd.floats(c);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], got[i], 1e-5 * Math.max(1, Math.abs(expected[i])), "element " + i);
    }
  }

  @Test
  void aSingleRowTimesAMatrixIsTheProduct() {
    // one image's step: the matrix-vector path, with b plain, transposed, and a row block of a
    // wider array (its rows further apart than its width)
    INDArray a = Nd4j.rand(DataType.FLOAT, 1, 37).subi(0.5);
    INDArray b = Nd4j.rand(DataType.FLOAT, 37, 50).subi(0.5);
    INDArray bt = Nd4j.rand(DataType.FLOAT, 50, 37).subi(0.5);
    INDArray wide = Nd4j.rand(DataType.FLOAT, 40, 60).subi(0.5);
    INDArray bBlock = Nd.cols(wide, 5, 55); // [40, 50], rows 60 apart
    INDArray a40 = Nd4j.rand(DataType.FLOAT, 1, 40);
    for (double beta : new double[] {0, 1}) {
      INDArray c = Nd4j.rand(DataType.FLOAT, 1, 50);
      double[] expected = product(a, b, false, beta, c);
      Nd.gemmRows(a, b, c, false, beta, 1);
      assertProduct(expected, c);

      c = Nd4j.rand(DataType.FLOAT, 1, 50);
      expected = product(a, bt, true, beta, c);
      Nd.gemmRows(a, bt, c, true, beta, 1);
      assertProduct(expected, c);

      c = Nd4j.rand(DataType.FLOAT, 1, 50);
      expected = product(a40, bBlock.dup(), false, beta, c);
      Nd.gemmRows(a40, bBlock, c, false, beta, 1);
      assertProduct(expected, c);
    }
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
