package io.gatescope.core.engine;

import java.util.SplittableRandom;

/** Random inputs for engine tests. */
final class EngineFixtures {
  private EngineFixtures() {}

  static float[][] randomImages(int b, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] out = new float[b][28 * 28];
    for (float[] img : out) {
      for (int i = 0; i < img.length; i++) {
        img[i] = (float) r.nextDouble();
      }
    }
    return out;
  }

  static int[] randomLabels(int b, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] y = new int[b];
    for (int i = 0; i < b; i++) {
      y[i] = r.nextInt(10);
    }
    return y;
  }
}
