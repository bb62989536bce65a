package io.gatescope.core.inspect;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.Softmax;
import java.util.function.IntPredicate;

/**
 * The images of a labelled set that a model gets wrong (its answer after the last row is not the
 * label), found by predicting them in minibatches.
 */
public final class Mistakes {
  /** Images predicted per minibatch. */
  static final int BATCH = 200;

  private Mistakes() {}

  /**
   * The first image the model gets wrong at or after index {@code from}, going on from the start of
   * the set after its end.
   *
   * @return its index, or −1 when the model gets every image right
   */
  public static int next(RecurrentClassifier model, LabeledImages set, int from) {
    int n = set.size();
    if (n == 0) {
      return -1;
    }
    int[] found = {-1};
    scan(
        model,
        set,
        Math.floorMod(from, n),
        n,
        i -> {
          found[0] = i;
          return false; // the first is enough
        });
    return found[0];
  }

  /** Every image the model gets wrong, in index order. */
  public static int[] all(RecurrentClassifier model, LabeledImages set) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    scan(model, set, 0, set.size(), i -> out.add(i));
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Predicts {@code count} images from {@code start} on (wrapping at the set's end) and hands each
   * wrong one's index to {@code wrong}, in order, until it answers false.
   */
  private static void scan(
      RecurrentClassifier model, LabeledImages set, int start, int count, IntPredicate wrong) {
    int n = set.size();
    int[] idx = new int[BATCH];
    int[] labels = new int[BATCH];
    float[] buffer = new float[ModelConfig.STEPS * BATCH * ModelConfig.FEATURES];
    for (int done = 0; done < count; ) {
      int b = Math.min(BATCH, count - done);
      for (int i = 0; i < b; i++) {
        idx[i] = (start + done + i) % n;
      }
      float[][] p = model.predict(Batches.timeMajor(set, idx, 0, b, labels, buffer));
      for (int i = 0; i < b; i++) {
        if (Softmax.argmax(p[i]) != labels[i] && !wrong.test(idx[i])) {
          return;
        }
      }
      done += b;
    }
  }
}
