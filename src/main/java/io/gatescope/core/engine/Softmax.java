package io.gatescope.core.engine;

/**
 * y = softmax(z), in double (ten classes: exactness costs nothing here), and the class a vector of
 * probabilities picks.
 */
public final class Softmax {
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

  /**
   * The mean cross-entropy of logits z [B][K] for the labels; with {@code dz} [B·K] not null, also
   * its gradient ∂(mean CE)/∂z = (softmax(z) − one-hot) / B.
   */
  static double crossEntropy(double[][] z, int[] labels, float[] dz) {
    int b = labels.length;
    int k = z[0].length;
    double loss = 0;
    for (int i = 0; i < b; i++) {
      double[] p = of(z[i]);
      loss -= Math.log(Math.max(p[labels[i]], Double.MIN_NORMAL));
      for (int j = 0; dz != null && j < k; j++) {
        dz[i * k + j] = (float) ((p[j] - (j == labels[i] ? 1 : 0)) / b);
      }
    }
    return loss / b;
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

  /** The index of the largest probability (the first of equals). */
  public static int argmax(float[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }
}
