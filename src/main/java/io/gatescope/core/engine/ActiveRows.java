package io.gatescope.core.engine;

/**
 * Which leading samples of a time-major batch a step must compute, when the rest are known without
 * computing them: rows [0, rows[t]) at step t, per step.
 *
 * <ul>
 *   <li>Forward, in a batch whose samples are variants of sample 0 (a picture with one row
 *       blanked): a sample that has read the same input as sample 0 up to step t has, after step t,
 *       the same states as sample 0, so it takes sample 0's instead. Order the samples by the step
 *       at which they first differ and each step computes only those that have.
 *   <li>Backward, with a loss per sample on some steps (the connectivity triangle): going back, a
 *       sample whose loss has not been reached yet has ∂L = 0 exactly, so the step skips it. Order
 *       the samples by their last step with a loss, latest first, and each step going back computes
 *       only those it has reached.
 * </ul>
 *
 * Both are read from the data (an unordered batch computes more rows than needed, never fewer), so
 * the numbers are those of the whole batch, up to rounding of products of another row count.
 */
final class ActiveRows {
  private static final int T = ModelConfig.STEPS;

  private ActiveRows() {}

  /** Every sample at every step. */
  static int[] all(int batch) {
    int[] rows = new int[T];
    java.util.Arrays.fill(rows, batch);
    return rows;
  }

  /**
   * Forward: for x [T·B·width] (time-major, reading order), per step t the samples up to the last
   * one whose input has differed from sample 0's at some step ≤ t (at least sample 0).
   */
  static int[] forward(float[] x, int batch, int width) {
    int[] rows = new int[T];
    int upTo = 1;
    for (int t = 0; t < T; t++) {
      int step = t * batch * width;
      for (int b = batch - 1; b >= upTo; b--) {
        if (!sameRow(x, step, step + b * width, width)) {
          upTo = b + 1;
          break;
        }
      }
      rows[t] = upTo;
    }
    return rows;
  }

  /**
   * Backward: for dOut [T·B·h], ∂L/∂a⟨t⟩ from above, per step t the samples up to the last one with
   * a non-zero ∂L at some step ≥ t (at least one sample, so that a step always computes).
   */
  static int[] backward(float[] dOut, int batch, int h) {
    int[] rows = new int[T];
    int upTo = 1;
    for (int t = T - 1; t >= 0; t--) {
      int step = t * batch * h;
      for (int b = batch - 1; b >= upTo; b--) {
        if (!zero(dOut, step + b * h, h)) {
          upTo = b + 1;
          break;
        }
      }
      rows[t] = upTo;
    }
    return rows;
  }

  /** Whether every step computes every sample. */
  static boolean isAll(int[] rows, int batch) {
    for (int r : rows) {
      if (r != batch) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameRow(float[] x, int first, int other, int width) {
    for (int i = 0; i < width; i++) {
      // Bit for bit, the cautious way: −0 and 0 count as different.
      if (Float.floatToRawIntBits(x[first + i]) != Float.floatToRawIntBits(x[other + i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean zero(float[] m, int from, int len) {
    int bits = 0;
    for (int i = from; i < from + len; i++) {
      bits |= Float.floatToRawIntBits(m[i]) & 0x7fffffff; // ±0 alone give 0; one loop, vectorised
    }
    return bits == 0;
  }
}
