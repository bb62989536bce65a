package io.gatescope.core.engine;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters as the last inference pass copied them into the operands (stacked, folded), to
 * tell whether the next pass may keep those copies: only when every parameter is bit for bit the
 * same. Comparing 137 thousand floats is one vectorised pass, a small part of the products and
 * copies it saves for a single image traced again and again (Inside, Draw).
 */
final class WeightsSeen {
  private float[] seen; // null: nothing remembered

  /** Whether {@code flat} holds exactly the values remembered last. */
  boolean unchanged(INDArray flat) {
    if (seen == null || seen.length != flat.length() || !plainFloats(flat)) {
      return false;
    }
    FloatBuffer now = flat.data().asNioFloat();
    boolean same = FloatBuffer.wrap(seen).mismatch(now) < 0;
    Reference.reachabilityFence(flat); // the NIO view does not keep the native memory alive
    return same;
  }

  /** Remembers {@code flat}'s values (after the operands were filled from them). */
  void remember(INDArray flat) {
    if (!plainFloats(flat)) {
      seen = null;
      return;
    }
    int n = (int) flat.length();
    if (seen == null || seen.length != n) {
      seen = new float[n];
    }
    flat.data().asNioFloat().get(0, seen, 0, n);
    Reference.reachabilityFence(flat);
  }

  private static boolean plainFloats(INDArray flat) {
    return flat.dataType() == DataType.FLOAT && !flat.isView() && flat.length() < Integer.MAX_VALUE;
  }

  /** Nothing remembered: the next pass fills the operands (training changes every weight). */
  void forget() {
    seen = null;
  }
}
