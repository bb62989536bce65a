package io.gatescope;

import java.util.SplittableRandom;

/**
 * Made-up 28×28 inputs for tests: sparse like MNIST (a third of the pixels lit), fixed by a seed.
 */
public final class TestImages {
  private TestImages() {}

  public static float[] sparse(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] img = new float[784];
    for (int i = 0; i < img.length; i++) {
      img[i] = r.nextInt(3) == 0 ? (float) r.nextDouble() : 0f;
    }
    return img;
  }
}
