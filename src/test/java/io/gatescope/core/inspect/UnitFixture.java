package io.gatescope.core.inspect;

import io.gatescope.core.data.ImageSet;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.SplittableRandom;

/**
 * A made-up labelled set for the unit explorer's tests: sparse grey images (a third of the pixels
 * lit) with random labels, fixed by a seed, and each image's trace made one image at a time.
 */
final class UnitFixture {
  private UnitFixture() {}

  static LabeledImages set(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] px = new byte[n * 784];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : 0;
    }
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) r.nextInt(10);
    }
    return new LabeledImages("fixture", new ImageSet(n, 28, 28, px), labels);
  }

  /** Every image's trace as the index makes them: in minibatches of {@link TraceIndex#BATCH}. */
  static GateTrace[] batchTraces(RecurrentClassifier model, LabeledImages set) {
    GateTrace[] out = new GateTrace[set.size()];
    for (int from = 0; from < out.length; from += TraceIndex.BATCH) {
      int b = Math.min(TraceIndex.BATCH, out.length - from);
      float[][] imgs = new float[b][];
      for (int i = 0; i < b; i++) {
        imgs[i] = set.images().imageAsFloats(from + i);
      }
      java.util.List<GateTrace> tr =
          model.traceBatch(io.gatescope.core.engine.Batches.timeMajor(imgs), java.util.List.of());
      for (int i = 0; i < b; i++) {
        out[from + i] = tr.get(i);
      }
    }
    return out;
  }

  /** Every image's trace, each traced alone. */
  static GateTrace[] traces(RecurrentClassifier model, LabeledImages set) {
    GateTrace[] out = new GateTrace[set.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = model.trace(set.images().imageAsFloats(i));
    }
    return out;
  }
}
