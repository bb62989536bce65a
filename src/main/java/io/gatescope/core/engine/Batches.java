package io.gatescope.core.engine;

import io.gatescope.core.data.LabeledImages;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Builds the engine's time-major input: row t·B + b holds pixel row t of image b, /255. */
public final class Batches {
  private static final int T = ModelConfig.STEPS;
  private static final int F = ModelConfig.FEATURES;

  private Batches() {}

  /** Images as 784 floats each (row-major, in [0, 1]) → [T·B, F]. */
  public static INDArray timeMajor(float[][] images) {
    int b = images.length;
    float[] data = new float[T * b * F];
    for (int i = 0; i < b; i++) {
      if (images[i].length != T * F) {
        throw new IllegalArgumentException("image " + i + " has " + images[i].length + " pixels");
      }
      for (int t = 0; t < T; t++) {
        System.arraycopy(images[i], t * F, data, (t * b + i) * F, F);
      }
    }
    return Nd.fromFloats(data, (long) T * b, F); // [T·B, F]
  }

  /**
   * Images {@code indices[from..to)} of a data set → [T·B, F], with their labels written into
   * {@code labels}. {@code buffer} (length ≥ T·B·F) is reused between calls to spare the GC.
   */
  public static INDArray timeMajor(
      LabeledImages set, int[] indices, int from, int to, int[] labels, float[] buffer) {
    int b = to - from;
    byte[] px = set.images().pixels();
    int ppi = set.images().pixelsPerImage();
    for (int i = 0; i < b; i++) {
      int img = indices[from + i];
      labels[i] = set.label(img);
      int base = img * ppi;
      for (int t = 0; t < T; t++) {
        int dst = (t * b + i) * F;
        int src = base + t * F;
        for (int f = 0; f < F; f++) {
          buffer[dst + f] = (px[src + f] & 0xFF) / 255f;
        }
      }
    }
    return Nd.fromFloats(buffer, (long) T * b, F); // [T·B, F]
  }

  /** The batch size of a time-major input [T·B, F]; refuses any other shape. */
  static int batchOf(INDArray input) {
    if (input.rank() != 2 || input.columns() != F || input.rows() % T != 0) {
      throw new IllegalArgumentException(
          "input must be time-major [T·B, "
              + F
              + "], got "
              + java.util.Arrays.toString(input.shape()));
    }
    return (int) (input.rows() / T);
  }
}
