package io.gatescope.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatescope.core.engine.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ND4J's PCA on a set of known rank 2 in 6 dimensions: rows m + a·e1 + b·e2 with e1, e2 orthonormal
 * (not along the axes), a and b uncorrelated with variances 9 and 1. The plane recovers e1 and e2
 * (up to sign), the variances, the shares 0.9 and 0.1, and each row's (a, b).
 */
class PrincipalPlaneTest {
  static final int N = 400;
  static final double[] MEAN = {0.5, -1, 2, 0, 0.25, 3};
  static final double[] E1 = normalise(new double[] {1, 2, 0, -1, 0, 1});
  static final double[] E2 = orthonormalTo(E1, new double[] {0, 1, 1, 1, -2, 0});

  @BeforeAll
  static void natives() {
    NativeSetup.init(1);
  }

  static double[] normalise(double[] v) {
    double n = Math.sqrt(dot(v, v));
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] / n;
    }
    return out;
  }

  static double[] orthonormalTo(double[] e, double[] v) {
    double d = dot(e, v);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] - d * e[i];
    }
    return normalise(out);
  }

  static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  // a_i = 3√2 cos(2πi/N), b_i = √2 sin(2πi/N): means 0, variances 9 and 1, uncorrelated.
  static double a(int i) {
    return 3 * Math.sqrt(2) * Math.cos(2 * Math.PI * i / N);
  }

  static double b(int i) {
    return Math.sqrt(2) * Math.sin(2 * Math.PI * i / N);
  }

  @Test
  void recoversTheComponentsOfALowRankSet() {
    float[][] rows = new float[N][6];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < 6; j++) {
        rows[i][j] = (float) (MEAN[j] + a(i) * E1[j] + b(i) * E2[j]);
      }
    }
    PrincipalPlane p = PrincipalPlane.fit(rows);
    assertEquals(9, p.variances()[0], 1e-4);
    assertEquals(1, p.variances()[1], 1e-4);
    assertEquals(0.9, p.explainedVarianceRatio()[0], 1e-5);
    assertEquals(0.1, p.explainedVarianceRatio()[1], 1e-5);
    double s1 = Math.signum(dot(p.axis(0), E1));
    double s2 = Math.signum(dot(p.axis(1), E2));
    for (int j = 0; j < 6; j++) {
      assertEquals(s1 * E1[j], p.axis(0)[j], 1e-5, "axis 1, entry " + j);
      assertEquals(s2 * E2[j], p.axis(1)[j], 1e-5, "axis 2, entry " + j);
      assertEquals(MEAN[j], p.mean()[j], 1e-5);
    }
    for (int i = 0; i < N; i += 7) {
      double[] xy = p.project(rows[i]);
      assertEquals(s1 * a(i), xy[0], 1e-4, "row " + i);
      assertEquals(s2 * b(i), xy[1], 1e-4, "row " + i);
    }
  }

  @Test
  void eachAxisPointsItsLargestEntryUp() {
    float[][] rows = new float[N][6];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < 6; j++) {
        rows[i][j] = (float) (-a(i) * E1[j] - b(i) * E2[j]);
      }
    }
    PrincipalPlane p = PrincipalPlane.fit(rows);
    for (int k = 0; k < 2; k++) {
      double[] v = p.axis(k);
      int big = 0;
      for (int j = 1; j < v.length; j++) {
        big = Math.abs(v[j]) > Math.abs(v[big]) ? j : big;
      }
      assertEquals(1.0, Math.signum(v[big]));
    }
  }
}
