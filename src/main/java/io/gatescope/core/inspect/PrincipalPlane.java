package io.gatescope.core.inspect;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plane of the first two principal components of a set of vectors (rows), by ND4J: the
 * covariance of the centred rows as one product, its eigenvectors by LAPACK's symmetric solver
 * ({@link Eigen#symmetricGeneralizedEigenvalues(INDArray, boolean)}). ND4J's {@code
 * PCA.principalComponents} solves the generalised problem against the covariance, which inverts it
 * and so fails for rank-deficient sets (a silent unit makes one); the plain symmetric problem does
 * not.
 *
 * <p>Each axis is a unit vector, its sign chosen so that its largest entry (by magnitude; the first
 * of equals) is positive.
 */
public final class PrincipalPlane {
  private final double[] mean;
  private final double[][] axes; // [2][D]
  private final double[] variances; // [2]
  private final double totalVariance;

  private PrincipalPlane(double[] mean, double[][] axes, double[] variances, double total) {
    this.mean = mean;
    this.axes = axes;
    this.variances = variances;
    this.totalVariance = total;
  }

  /** Fits the plane to {@code rows} ([N][D], N ≥ 2, D ≥ 2). */
  public static PrincipalPlane fit(float[][] rows) {
    int n = rows.length;
    if (n < 2 || rows[0].length < 2) {
      throw new IllegalArgumentException("a principal plane needs at least 2 rows of 2 values");
    }
    int d = rows[0].length;
    double[] mean = new double[d];
    for (float[] r : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += r[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[] centred = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        centred[i * d + j] = rows[i][j] - mean[j];
      }
    }
    INDArray x = Nd4j.create(centred, new long[] {n, d}, DataType.DOUBLE); // [N, D]
    INDArray cov = x.transpose().mmul(x).divi(n); // [D, D], population covariance
    cov = cov.dup('c');
    double total = 0;
    for (int j = 0; j < d; j++) {
      total += cov.getDouble(j, j);
    }
    // Eigenvalues ascending; cov is overwritten with the eigenvectors as columns.
    INDArray values = Eigen.symmetricGeneralizedEigenvalues(cov, true);
    double[][] axes = new double[2][d];
    double[] variances = new double[2];
    for (int k = 0; k < 2; k++) {
      int col = d - 1 - k;
      variances[k] = Math.max(0, values.getDouble(col));
      for (int j = 0; j < d; j++) {
        axes[k][j] = cov.getDouble(j, col);
      }
      orient(axes[k]);
    }
    return new PrincipalPlane(mean, axes, variances, total);
  }

  private static void orient(double[] v) {
    int big = 0;
    for (int j = 1; j < v.length; j++) {
      if (Math.abs(v[j]) > Math.abs(v[big])) {
        big = j;
      }
    }
    if (v[big] < 0) {
      for (int j = 0; j < v.length; j++) {
        v[j] = -v[j];
      }
    }
  }

  /** (first, second) coordinate of a vector in the plane: (v − mean)·axis. */
  public double[] project(float[] v) {
    if (v.length != mean.length) {
      throw new IllegalArgumentException("a vector of " + v.length + ", not " + mean.length);
    }
    double[] out = new double[2];
    for (int k = 0; k < 2; k++) {
      double s = 0;
      for (int j = 0; j < v.length; j++) {
        s += (v[j] - mean[j]) * axes[k][j];
      }
      out[k] = s;
    }
    return out;
  }

  /** The k-th axis (0 or 1): a unit vector. */
  public double[] axis(int k) {
    return axes[k].clone();
  }

  public double[] mean() {
    return mean.clone();
  }

  /** The variance of the rows along each axis (the covariance's two largest eigenvalues). */
  public double[] variances() {
    return variances.clone();
  }

  /** The share of the rows' total variance each axis explains, 0..1. */
  public double[] explainedVarianceRatio() {
    return new double[] {
      totalVariance == 0 ? 0 : variances[0] / totalVariance,
      totalVariance == 0 ? 0 : variances[1] / totalVariance
    };
  }
}
