package io.gatescope.core.train;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam, the lesson's optimizer, written out in one pass over the model's parameters:
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g                 running mean of the gradient
 *   v ← β2·v + (1 − β2)·g²                running mean of its square
 *   θ ← θ − α_t · m / (√v + ε)            α_t = lr · √(1 − β2^t) / (1 − β1^t)
 * </pre>
 *
 * with ND4J's Adam's constants (β1, β2, ε from its config, the learning rate from its schedule) and
 * ND4J's way of correcting the bias: in the step size α_t, at t = iteration + 1. It gives ND4J's
 * updater's numbers (AdamTest), in a Java loop the JIT vectorises: in the seed model's training
 * step ND4J's updater took 1.2–1.6 ms for 136,586 parameters, this loop well under half of that
 * (docs/benchmarks.md). The moments live in Java arrays; the parameters and the gradient stay in
 * their native arrays (the products read them there) and are copied in and out in bulk.
 */
final class Adam {
  private final org.nd4j.linalg.learning.config.Adam config;
  private final float[] m;
  private final float[] v;
  private final float[] theta;
  private final float[] g;
  private boolean loaded; // g holds the gradient of the step to come

  Adam(org.nd4j.linalg.learning.config.Adam config, int n) {
    this.config = config;
    this.m = new float[n];
    this.v = new float[n];
    this.theta = new float[n];
    this.g = new float[n];
  }

  /**
   * Reads the gradient (n floats in a row) for the next {@link #step} and returns its global norm
   * ‖g‖₂, summed in double in Java: ND4J's reduction over the same floats took about 0.3 ms of the
   * training step (profiled), this pass a tenth of that.
   */
  double load(INDArray gradient) {
    gradient.data().asNioFloat().get(contiguousStart(gradient), g);
    Reference.reachabilityFence(gradient);
    loaded = true;
    // Four partial sums: one chain of dependent additions would wait on each one.
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < g.length; i += 4) {
      s0 += (double) g[i] * g[i];
      s1 += (double) g[i + 1] * g[i + 1];
      s2 += (double) g[i + 2] * g[i + 2];
      s3 += (double) g[i + 3] * g[i + 3];
    }
    for (; i < g.length; i++) {
      s0 += (double) g[i] * g[i];
    }
    return Math.sqrt(s0 + s1 + s2 + s3);
  }

  /**
   * One step: {@code params} −= the step for the gradient {@link #load}ed (read now if it was not)
   * × {@code scale} (the clipping factor, 1 without clipping). Both are float arrays of n elements
   * in a row.
   */
  void step(INDArray params, INDArray gradient, float scale, int iteration, int epoch) {
    if (!loaded) {
      load(gradient);
    }
    loaded = false;
    FloatBuffer pb = params.data().asNioFloat();
    int po = contiguousStart(params);
    pb.get(po, theta);
    int t = iteration + 1;
    float beta1 = (float) config.getBeta1();
    float beta2 = (float) config.getBeta2();
    float eps = (float) config.getEpsilon();
    double lr = config.getLearningRate(iteration, epoch);
    float alpha =
        (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t))); // α_t
    if (Float.isNaN(alpha) || alpha == 0) {
      alpha = eps; // as ND4J's updater does when the correction underflows
    }
    for (int i = 0; i < theta.length; i++) {
      float gi = g[i] * scale;
      float mi = beta1 * m[i] + (1 - beta1) * gi;
      float vi = beta2 * v[i] + (1 - beta2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      theta[i] -= alpha * mi / ((float) Math.sqrt(vi) + eps);
    }
    pb.put(po, theta);
    Reference.reachabilityFence(params);
  }

  /** Where the n elements start in the array's buffer (they must lie in a row). */
  private int contiguousStart(INDArray a) {
    if (a.length() != theta.length || (a.length() > 1 && a.elementWiseStride() != 1)) {
      throw new IllegalArgumentException(
          "Adam needs " + theta.length + " floats in a row, got " + a.shapeInfoToString());
    }
    return Math.toIntExact(a.offset());
  }

  /** The first moment m (read-only use: tests). */
  float[] firstMoment() {
    return m;
  }

  /** The second moment v (read-only use: tests). */
  float[] secondMoment() {
    return v;
  }
}
