package io.gatescope.core.inspect;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.Softmax;
import java.util.List;

/**
 * The accuracy a model loses when one unit of its top layer is silenced (a⟨t⟩ of that unit set to 0
 * at every step, Inside's "Silence unit": {@link Intervention#silence}): accuracy on the first n
 * images of a set as it is, minus the accuracy with the unit silenced, both predicted by the engine
 * in minibatches.
 *
 * @param images images measured
 * @param accuracy the fraction right as the model is
 * @param silencedAccuracy the fraction right with the unit silenced
 */
public record SilencingDrop(int unit, int images, double accuracy, double silencedAccuracy) {
  /** Images measured by default, as on the unit card. */
  public static final int IMAGES = 1000;

  static final int BATCH = 250;

  /** accuracy − silencedAccuracy: positive when silencing the unit costs answers. */
  public double drop() {
    return accuracy - silencedAccuracy;
  }

  /**
   * The intervention measured: a of {@code unit} of the top layer set to 0 at every step. Inside's
   * "Silence in Inside" adds this same intervention, so its prediction after and this drop agree.
   */
  public static Intervention silencing(ModelConfig config, int unit) {
    return Intervention.silence(config.layers() - 1, unit);
  }

  /** Measures it on the first {@code n} images of {@code set} (all if it has fewer). */
  public static SilencingDrop measure(
      RecurrentClassifier model, LabeledImages set, int unit, int n) {
    ModelConfig config = model.config();
    if (unit < 0 || unit >= config.hidden()) {
      throw new IndexOutOfBoundsException("unit " + unit + " of " + config.hidden());
    }
    int count = Math.max(0, Math.min(n, set.size()));
    List<Intervention> silence = List.of(silencing(config, unit));
    int[] idx = new int[BATCH];
    int[] labels = new int[BATCH];
    float[] buffer = new float[ModelConfig.STEPS * BATCH * ModelConfig.FEATURES];
    int right = 0;
    int rightSilenced = 0;
    for (int from = 0; from < count; from += BATCH) {
      int b = Math.min(BATCH, count - from);
      for (int i = 0; i < b; i++) {
        idx[i] = from + i;
      }
      var x = Batches.timeMajor(set, idx, 0, b, labels, buffer);
      float[][] plain = model.predict(x);
      model.forward(x, silence);
      float[][] silenced = model.lastProbabilities();
      for (int i = 0; i < b; i++) {
        right += Softmax.argmax(plain[i]) == labels[i] ? 1 : 0;
        rightSilenced += Softmax.argmax(silenced[i]) == labels[i] ? 1 : 0;
      }
    }
    return new SilencingDrop(
        unit,
        count,
        count == 0 ? Double.NaN : right / (double) count,
        count == 0 ? Double.NaN : rightSilenced / (double) count);
  }
}
