package io.gatescope.core.engine;

import static java.util.Comparator.comparingInt;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Makes {@link BackwardTrace}s with a twin of the model (same weights) that runs batches of T + 1
 * samples, so that neither model's buffers are remade between calls (nor the batch's input):
 *
 * <ol>
 *   <li>The twin reads the image (sample 0) and its 28 copies with one picture row blanked each:
 *       row occlusion. A copy reads what the image reads until the step that reads its blanked row,
 *       so until then it takes the image's states instead of computing them ({@link
 *       ActiveRows#forward}); the copies go in the order of that step.
 *   <li>Then every sample takes the image's states, and one backward pass gives the connectivity
 *       triangle: sample r gets the loss −log P(k | rows 1..T−r) on the output after step T−1−r.
 *       Sample 0 (the whole image) also gives the per-gate gradients and ∂L/∂pixel. Going back, a
 *       step computes only the samples its gradient has reached ({@link ActiveRows#backward}).
 *       Sample T feeds nothing back.
 * </ol>
 */
final class BackwardTracer {
  private static final int T = ModelConfig.STEPS;
  private static final int F = ModelConfig.FEATURES;
  private static final int K = ModelConfig.CLASSES;
  private static final int B = T + 1;

  private final RecurrentClassifier twin;
  private final Mirror batch = new Mirror((long) T * B, F, F); // the occlusion batch  [T·B, F]
  private final WeightsSeen seen = new WeightsSeen(); // the model's weights the twin holds

  /** A tracer on {@code twin}, a copy of the model that this tracer alone uses. */
  BackwardTracer(RecurrentClassifier twin) {
    this.twin = twin;
  }

  /**
   * The backward trace of one image for target class {@code target}, with the model's weights as
   * they are now ({@code params}, its flat parameters).
   */
  BackwardTrace trace(INDArray params, float[] image, int target) {
    if (image.length != T * F) {
      throw new IllegalArgumentException("image has " + image.length + " pixels, not " + T * F);
    }
    if (target < 0 || target >= K) {
      throw new IllegalArgumentException("target " + target + " is not a digit 0-9");
    }
    int h = twin.config().hidden();
    float[] occlusion = rowOcclusion(image, target, follow(params));
    OutputLayer out = twin.output();
    float[] stepLogits = out.logitsAfterEveryStep(twin.top().firstOutputs()); // [T·K], every step
    double[] lastLogits = out.logitRows()[0]; // the prediction's own logits
    float[] wy = out.weights().dup('c').data().asFloat(); // [H·K]
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
      // ∂(−log P(k | rows 1..t+1))/∂a⟨t+1⟩ of sample T−1−t = (p − onehot(k))·W_yᵀ  [H]
      int off = (t * B + sampleOf(t)) * h;
      for (int u = 0; u < h; u++) {
        double s = 0;
        for (int k = 0; k < K; k++) {
          s += (p[k] - (k == target ? 1 : 0)) * wy[u * K + k];
        }
        dTop[off + u] = (float) s;
      }
    }
    float[] dx = backwardOfFirst(twin, dTop); // ∂L/∂x [T·B·F], reading order
    List<Map<Quantity, float[][]>> layers = backTraces(twin);
    float[] input = twin.config().reading().toPicture(sampleSteps(dx, 0));
    float[][] connectivity = new float[T][T];
    for (int t = 0; t < T; t++) {
      for (int s = 0; s <= t; s++) {
        connectivity[t][s] = norm(dx, (s * B + sampleOf(t)) * F);
      }
    }
    return new BackwardTrace(
        twin.config().cell(),
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

  /**
   * After a forward pass of {@code model} without interventions: BPTT of dTopAll [T·B·H] (∂L/∂a⟨t⟩
   * of the top layer at any steps) for a batch of copies of that pass's sample 0 — each sample
   * takes sample 0's states first, where its gradient reaches —, keeping what a backward trace
   * shows of sample 0, parameter gradients untouched. Step t going back computes only the samples
   * whose gradient has been reached by then (see {@link ActiveRows#backward}). Returns ∂L/∂x
   * [T·B·F] in reading order.
   */
  static float[] backwardOfFirst(RecurrentClassifier model, float[] dTopAll) {
    List<RecurrentLayer> layers = model.layers();
    int h = model.config().hidden();
    int[] rows = ActiveRows.backward(dTopAll, dTopAll.length / (T * h), h);
    layers.forEach(l -> l.copyFirst(rows));
    layers.forEach(l -> l.keepBackward(1));
    try {
      model.passBack(dTopAll, 0, false, null, rows);
    } finally {
      layers.forEach(l -> l.keepBackward(0));
    }
    return layers.get(0).inputGradient(rows);
  }

  /** ∂L/∂q [T][H] per layer, bottom first, of sample 0 of the last {@link #backwardOfFirst}. */
  static List<Map<Quantity, float[][]>> backTraces(RecurrentClassifier model) {
    return model.layers().stream().map(l -> l.backTrace(0)).toList();
  }

  /** The sample whose loss is on the output after step t: the latest first. */
  private static int sampleOf(int t) {
    return T - 1 - t;
  }

  /**
   * P(k) with picture row s blanked minus P(k) of the image, from one pass (sample 0 = image; the
   * copies ordered by the first step at which they read something else).
   */
  private float[] rowOcclusion(float[] image, int target, boolean sameWeights) {
    Reading reading = twin.config().reading();
    float[] asRead = reading.apply(image);
    float[][] blanked = new float[T][];
    int[] differsAt = new int[T];
    for (int s = 0; s < T; s++) {
      blanked[s] = image.clone();
      Arrays.fill(blanked[s], s * F, (s + 1) * F, 0f);
      differsAt[s] = firstDifference(asRead, reading.apply(blanked[s]));
    }
    int[] order =
        IntStream.range(0, T)
            .boxed()
            .sorted(comparingInt(s -> differsAt[s]))
            .mapToInt(s -> s)
            .toArray();
    put(0, image);
    for (int i = 0; i < T; i++) {
      put(i + 1, blanked[order[i]]);
    }
    twin.forwardSharingFirst(batch.array, sameWeights);
    float[][] p = twin.lastProbabilities();
    float[] out = new float[T];
    for (int i = 0; i < T; i++) {
      out[order[i]] = p[i + 1][target] - p[0][target];
    }
    return out;
  }

  /**
   * Gives the twin the model's weights unless it has them already, compared value by value ({@link
   * WeightsSeen}: a version count would miss a write through a kept reference to the array);
   * whether it had them. Then its layers keep their copies of the weights stacked for the products
   * and folded.
   */
  private boolean follow(INDArray params) {
    if (seen.unchanged(params)) {
      return true;
    }
    twin.params().flat().assign(params);
    seen.remember(params);
    return false;
  }

  /** A picture's rows into sample b of the time-major batch (as {@link Batches#timeMajor}). */
  private void put(int b, float[] picture) {
    for (int t = 0; t < T; t++) {
      batch.write(picture, t * F, (long) (t * B + b) * F, F);
    }
  }

  /** The first step (row of F) at which two pictures as read differ; T if none. */
  private static int firstDifference(float[] a, float[] b) {
    int i = Arrays.mismatch(a, b);
    return i < 0 ? T : i / F;
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
