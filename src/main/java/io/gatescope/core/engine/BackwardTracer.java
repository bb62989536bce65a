package io.gatescope.core.engine;

import java.util.List;
import java.util.Map;

/**
 * Makes a {@link BackwardTrace} with a twin of the model (same weights) that runs batches of T + 1
 * samples, so that neither model's buffers are remade between calls:
 *
 * <ol>
 *   <li>The twin reads the image and its 28 copies with one picture row blanked each: row
 *       occlusion.
 *   <li>The model reads the image once; the twin's batch takes its states T + 1 times over (a batch
 *       of identical samples, not computed again). Sample t (t = 0..T−1) gets the loss −log P(k |
 *       rows 1..t+1) on the output after step t, and one backward pass gives every row of the
 *       connectivity triangle; sample T−1 (the whole image) gives the per-gate gradients and
 *       ∂L/∂pixel. Sample T feeds nothing back.
 * </ol>
 */
final class BackwardTracer {
  private static final int T = ModelConfig.STEPS;
  private static final int F = ModelConfig.FEATURES;
  private static final int K = ModelConfig.CLASSES;
  private static final int B = T + 1;

  private BackwardTracer() {}

  static BackwardTrace trace(
      RecurrentClassifier model, RecurrentClassifier twin, float[] image, int target) {
    if (image.length != T * F) {
      throw new IllegalArgumentException("image has " + image.length + " pixels, not " + T * F);
    }
    if (target < 0 || target >= K) {
      throw new IllegalArgumentException("target " + target + " is not a digit 0-9");
    }
    int h = model.config().hidden();
    float[] occlusion = rowOcclusion(twin, image, target); // also readies the twin's products
    model.forward(Batches.timeMajor(new float[][] {image}));
    float[] stepLogits = model.stepLogits(); // [T·K], the image after every step
    double[] lastLogits = model.lastLogits()[0]; // the prediction's own logits
    twin.replicate(model, B);
    float[] wy = model.outputWeights(); // [H·K]
    float[] dTop = new float[T * B * h];
    double loss = 0;
    double probability = 0;
    for (int t = 0; t < T; t++) {
      double[] z = new double[K];
      for (int k = 0; k < K; k++) {
        z[k] = t == T - 1 ? lastLogits[k] : stepLogits[t * K + k];
      }
      double[] p = Softmax.of(z);
      if (t == T - 1) {
        probability = p[target];
        loss = logSumExp(z) - z[target];
      }
      // ∂(−log P(k | rows 1..t+1))/∂a⟨t+1⟩ of sample t = (p − onehot(k))·W_yᵀ  [H]
      int off = (t * B + t) * h;
      for (int u = 0; u < h; u++) {
        double s = 0;
        for (int k = 0; k < K; k++) {
          s += (p[k] - (k == target ? 1 : 0)) * wy[u * K + k];
        }
        dTop[off + u] = (float) s;
      }
    }
    float[] dx = twin.backwardForTrace(dTop); // ∂L/∂x [T·B·F], reading order
    List<Map<Quantity, float[][]>> layers = twin.backTraces(T - 1);
    float[] input = model.config().reading().toPicture(sampleSteps(dx, T - 1));
    float[][] connectivity = new float[T][T];
    for (int t = 0; t < T; t++) {
      for (int s = 0; s <= t; s++) {
        connectivity[t][s] = norm(dx, (s * B + t) * F);
      }
    }
    return new BackwardTrace(
        model.config().cell(),
        h,
        target,
        loss,
        probability,
        layers,
        image.clone(),
        input,
        occlusion,
        connectivity);
  }

  /** P(k) with picture row s blanked minus P(k) of the image, from one pass (sample 0 = image). */
  private static float[] rowOcclusion(RecurrentClassifier model, float[] image, int target) {
    float[][] batch = new float[B][];
    batch[0] = image;
    for (int s = 0; s < T; s++) {
      float[] blanked = image.clone();
      java.util.Arrays.fill(blanked, s * F, (s + 1) * F, 0f);
      batch[s + 1] = blanked;
    }
    float[][] p = model.predict(Batches.timeMajor(batch));
    float[] out = new float[T];
    for (int s = 0; s < T; s++) {
      out[s] = p[s + 1][target] - p[0][target];
    }
    return out;
  }

  /** Sample b's [T·F] of a time-major [T·B·F] array. */
  private static float[] sampleSteps(float[] m, int b) {
    float[] out = new float[T * F];
    for (int t = 0; t < T; t++) {
      System.arraycopy(m, (t * B + b) * F, out, t * F, F);
    }
    return out;
  }

  private static float norm(float[] m, int from) {
    double s = 0;
    for (int i = from; i < from + F; i++) {
      s += (double) m[i] * m[i];
    }
    return (float) Math.sqrt(s);
  }

  private static double logSumExp(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : z) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }
}
