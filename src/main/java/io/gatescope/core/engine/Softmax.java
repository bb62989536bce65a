package io.gatescope.core.engine;

/** y = softmax(z), in double (ten classes: exactness costs nothing here). */
final class Softmax {
  private Softmax() {}

  static double[] of(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int k = 0; k < z.length; k++) {
      p[k] = Math.exp(z[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < z.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /** Row-wise softmax of z [B][K], as floats. */
  static float[][] rows(double[][] z) {
    float[][] out = new float[z.length][];
    for (int i = 0; i < z.length; i++) {
      out[i] = toFloat(of(z[i]));
    }
    return out;
  }

  static float[] toFloat(double[] p) {
    float[] f = new float[p.length];
    for (int k = 0; k < p.length; k++) {
      f[k] = (float) p[k];
    }
    return f;
  }
}
