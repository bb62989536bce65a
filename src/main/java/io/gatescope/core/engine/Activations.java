package io.gatescope.core.engine;

/**
 * tanh and σ in single precision: a rational approximation of tanh whose loops the JIT turns into
 * vector instructions. Its error, evaluated in float, stays below 4e-7 (about three float ulps near
 * ±1: the approximation's own 3e-7 plus rounding).
 *
 * <p>tanh(x) ≈ x·P(x²)/Q(x²) on [−7.9053, 7.9053] (beyond, tanh is 1 to single precision), with P
 * of degree 6 and Q of degree 3 in x²; σ(x) = (1 + tanh(x/2)) / 2.
 */
final class Activations {
  private Activations() {}

  private static final float CLAMP = 7.90531110763549805f;
  private static final float A1 = 4.89352455891786e-03f;
  private static final float A3 = 6.37261928875436e-04f;
  private static final float A5 = 1.48572235717979e-05f;
  private static final float A7 = 5.12229709037114e-08f;
  private static final float A9 = -8.60467152213735e-11f;
  private static final float A11 = 2.00018790482477e-13f;
  private static final float A13 = -2.76076847742355e-16f;
  private static final float B0 = 4.89352518554385e-03f;
  private static final float B2 = 2.26843463243900e-03f;
  private static final float B4 = 1.18534705686654e-04f;
  private static final float B6 = 1.19825839466702e-06f;

  /** tanh(x), in float. */
  static float tanh(float x) {
    float v = Math.max(-CLAMP, Math.min(CLAMP, x));
    float v2 = v * v;
    float p = (((((A13 * v2 + A11) * v2 + A9) * v2 + A7) * v2 + A5) * v2 + A3) * v2 + A1;
    float q = ((B6 * v2 + B4) * v2 + B2) * v2 + B0;
    return v * p / q;
  }

  /** σ(x) = (1 + tanh(x/2)) / 2, in float. */
  static float sigmoid(float x) {
    return 0.5f + 0.5f * tanh(0.5f * x);
  }

  /** out[0..len) ← tanh(z) (one simple loop over whole arrays: the form the JIT vectorises). */
  static void tanh(float[] z, float[] out, int len) {
    for (int i = 0; i < len; i++) {
      out[i] = tanh(z[i]);
    }
  }

  /** out[0..len) ← σ(z). */
  static void sigmoid(float[] z, float[] out, int len) {
    for (int i = 0; i < len; i++) {
      out[i] = sigmoid(z[i]);
    }
  }
}
