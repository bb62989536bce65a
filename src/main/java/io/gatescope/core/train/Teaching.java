package io.gatescope.core.train;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.Softmax;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * "Teach it": fine-tunes a copy of a model on one user drawing with its correct label, mixed with
 * MNIST samples in every minibatch so the model learns the drawing without forgetting the rest.
 */
public final class Teaching {
  /** At most this many minibatches of fine-tuning; it stops early once the drawing is learnt. */
  public static final int MAX_STEPS = 40;

  static final int BATCH = 32;
  static final int COPIES = 4;

  /** Extra steps after the first correct answer, so the answer is not on a knife edge. */
  static final int MARGIN = 2;

  private Teaching() {}

  /**
   * @return a new model (the given one is left untouched, so the change can be undone)
   */
  public static RecurrentClassifier teach(
      RecurrentClassifier model, float[] drawing, int label, LabeledImages mnist, long seed) {
    if (label < 0 || label > 9) {
      throw new IllegalArgumentException("the label must be a digit 0-9");
    }
    RecurrentClassifier copy = model.copy();
    // A small learning rate: enough to move one drawing, too little to disturb the rest.
    Optimizer opt = new Optimizer(copy, OptimizerKind.ADAM.updater(1e-4, null), 5.0);
    SplittableRandom rnd = new SplittableRandom(seed);
    float[][] imgs = new float[BATCH][];
    int[] labels = new int[BATCH];
    INDArray alone = Batches.timeMajor(new float[][] {drawing});
    int margin = MARGIN;
    for (int step = 0; step < MAX_STEPS; step++) {
      for (int i = 0; i < BATCH; i++) {
        if (i < COPIES) {
          imgs[i] = shifted(drawing, rnd.nextInt(3) - 1, rnd.nextInt(3) - 1);
          labels[i] = label;
        } else {
          int k = rnd.nextInt(mnist.size());
          imgs[i] = mnist.images().imageAsFloats(k);
          labels[i] = mnist.label(k);
        }
      }
      INDArray x = Batches.timeMajor(imgs);
      double loss = copy.lossAndGradient(x, labels);
      if (!Double.isFinite(loss)) {
        return model;
      }
      opt.step(0);
      if (Softmax.argmax(copy.predict(alone)[0]) == label && --margin < 0) {
        break;
      }
    }
    return copy;
  }

  /** The drawing moved by (dx, dy) pixels: small jitter so it is not memorised pixel by pixel. */
  static float[] shifted(float[] img, int dx, int dy) {
    int s = ModelConfig.STEPS;
    float[] out = new float[img.length];
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        int sx = x - dx;
        int sy = y - dy;
        if (sx >= 0 && sx < s && sy >= 0 && sy < s) {
          out[y * s + x] = img[sy * s + sx];
        }
      }
    }
    return out;
  }
}
