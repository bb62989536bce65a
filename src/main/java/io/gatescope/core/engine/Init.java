package io.gatescope.core.engine;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Weight initialisation, in plain Java so that a seed gives the same weights everywhere. Input
 * weights: Xavier/Glorot uniform per gate block. Recurrent weights: orthogonal per gate block,
 * which keeps a⟨t−1⟩'s norm through the recurrent product at the start of training.
 */
final class Init {
  private Init() {}

  /** Xavier uniform into columns [c0, c0+cols) of m: limit sqrt(6 / (fanIn + fanOut)). */
  static void xavier(INDArray m, int c0, int cols, SplittableRandom rnd) {
    int rows = (int) m.rows();
    double limit = Math.sqrt(6.0 / (rows + cols));
    double[][] v = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        v[r][c] = (rnd.nextDouble() * 2 - 1) * limit;
      }
    }
    put(m, c0, v);
  }

  /** Writes a block into columns [c0, c0 + cols) in one call (one putScalar each is slow). */
  private static void put(INDArray m, int c0, double[][] v) {
    Nd.cols(m, c0, c0 + v[0].length).assign(Nd4j.create(v).castTo(m.dataType()));
  }

  static void xavier(INDArray m, SplittableRandom rnd) {
    xavier(m, 0, (int) m.columns(), rnd);
  }

  /** An orthogonal h×h block into columns [c0, c0+h) of m (rows must equal h). */
  static void orthogonal(INDArray m, int c0, int h, SplittableRandom rnd) {
    double[][] q = new double[h][h];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < h; j++) {
        q[i][j] = gaussian(rnd);
      }
    }
    // Modified Gram-Schmidt on the rows.
    for (int i = 0; i < h; i++) {
      for (int k = 0; k < i; k++) {
        double dot = 0;
        for (int j = 0; j < h; j++) {
          dot += q[i][j] * q[k][j];
        }
        for (int j = 0; j < h; j++) {
          q[i][j] -= dot * q[k][j];
        }
      }
      double norm = 0;
      for (int j = 0; j < h; j++) {
        norm += q[i][j] * q[i][j];
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < h; j++) {
        q[i][j] /= norm;
      }
    }
    put(m, c0, q);
  }

  private static double gaussian(SplittableRandom rnd) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u1 = 1.0 - rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
