package io.gatescope.core.engine;

import io.gatescope.core.Messages;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * In which order the model reads the image, one slice per timestep. Rows is the lesson's way;
 * columns and permuted rows are the harder variants that stress long-range memory (with permuted
 * rows, neighbouring timesteps are no longer neighbouring rows).
 */
public enum Reading {
  ROWS("rows, top to bottom"),
  COLUMNS("columns, left to right"),
  PERMUTED_ROWS("rows in a fixed random order");

  /** The fixed order of {@link #PERMUTED_ROWS}: timestep t reads row ORDER[t]. */
  static final int[] ORDER = permutation(28, 20261127L);

  private final String label;

  Reading(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }

  /** The image row (or column, for {@link #COLUMNS}) read at timestep t (0-based). */
  public int sliceAt(int t) {
    return this == PERMUTED_ROWS ? ORDER[t] : t;
  }

  /** A 28×28 image (row-major) rearranged so that its row t is what is read at timestep t. */
  public float[] apply(float[] img) {
    if (this == ROWS) {
      return img;
    }
    int n = ModelConfig.STEPS;
    float[] out = new float[img.length];
    for (int t = 0; t < n; t++) {
      for (int f = 0; f < n; f++) {
        out[t * n + f] = this == COLUMNS ? img[f * n + t] : img[ORDER[t] * n + f];
      }
    }
    return out;
  }

  /**
   * The inverse of {@link #apply}: 28×28 values laid out by timestep (row t is what step t read)
   * put back where they are in the picture, e.g. a gradient with respect to the input.
   */
  public float[] toPicture(float[] steps) {
    int n = ModelConfig.STEPS;
    float[] out = new float[steps.length];
    for (int t = 0; t < n; t++) {
      for (int f = 0; f < n; f++) {
        out[this == COLUMNS ? f * n + t : sliceAt(t) * n + f] = steps[t * n + f];
      }
    }
    return out;
  }

  /**
   * A row-major time-major batch [T·B, F] rearranged into this reading order: for columns, step t
   * holds column t of every image; for permuted rows, step t holds row ORDER[t].
   */
  INDArray arrange(INDArray x, int b) {
    int steps = ModelConfig.STEPS;
    int f = ModelConfig.FEATURES;
    if (this == ROWS) {
      return x;
    }
    if (this == COLUMNS) {
      // [T, B, F] → swap the step and feature axes → [F, B, T], which is [T·B, F] again.
      return x.reshape('c', steps, b, f)
          .permute(2, 1, 0)
          .dup('c')
          .reshape('c', (long) steps * b, f);
    }
    INDArray out = Nd4j.createUninitialized(x.dataType(), x.rows(), x.columns());
    for (int t = 0; t < steps; t++) {
      int src = sliceAt(t);
      Nd.rows(out, (long) t * b, (long) (t + 1) * b)
          .assign(Nd.rows(x, (long) src * b, (long) (src + 1) * b));
    }
    return out;
  }

  public static Reading parse(String s) {
    for (Reading r : values()) {
      if (r.name().equalsIgnoreCase(s.trim().replace('-', '_'))) {
        return r;
      }
    }
    throw new IllegalArgumentException(Messages.get("config.reading", s));
  }

  private static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
