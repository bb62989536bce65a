package io.gatescope.core.inspect;

/**
 * One unit's 28 values of one quantity in one image, kept in 8 bits each between that unit's own
 * exact minimum and maximum: code k stands for min + k·(max − min)/255, code 0 for min and code 255
 * for max exactly. A value read back is within {@link #tolerance} of the value the trace had; the
 * minimum and maximum themselves are kept as the trace's floats.
 */
final class RangeCode {
  static final int LEVELS = 255;

  private RangeCode() {}

  /** Codes per unit of value for a unit whose values span [min, max] (0 if they are all equal). */
  static float scale(float min, float max) {
    return max > min ? LEVELS / (max - min) : 0f;
  }

  /** The code of v for a unit whose values start at min, with {@link #scale}(min, max). */
  static byte encode(float v, float min, float scale) {
    // Rounds half up; a value a rounding below min truncates to 0 as it should.
    int k = (int) ((v - min) * scale + 0.5f);
    return (byte) (k < 0 ? 0 : Math.min(LEVELS, k));
  }

  /** The value code {@code b} stands for. */
  static float decode(byte b, float min, float max) {
    int k = b & 0xFF;
    if (k == 0) {
      return min;
    }
    if (k == LEVELS) {
      return max;
    }
    return min + k * ((max - min) / LEVELS);
  }

  /**
   * The largest distance between a value and what its code stands for: half a level, widened a
   * little for the float arithmetic of encoding and decoding.
   */
  static float tolerance(float min, float max) {
    float half = (max - min) / (2 * LEVELS);
    return half * 1.01f + 4 * Math.max(Math.ulp(min), Math.ulp(max));
  }
}
