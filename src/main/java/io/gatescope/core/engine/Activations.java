package io.gatescope.core.engine;

/**
 * tanh and σ over ranges of a double array, in place. Two flavours: {@link #EXACT} (Math.tanh, for
 * double-precision checks) and {@link #FAST}, a rational approximation of tanh whose loop the JIT
 * turns into vector instructions; its error (below 3e-7) is under single precision's resolution,
 * and single precision is what training uses.
 */
abstract class Activations {
  static final Activations EXACT = new Exact();
  static final Activations FAST = new Fast();

  /** x[off..off+len) ← tanh(x) */
  abstract void tanh(double[] x, int off, int len);

  /** x[off..off+len) ← σ(x) = 1 / (1 + e^−x) */
  abstract void sigmoid(double[] x, int off, int len);

  private static final class Exact extends Activations {
    @Override
    void tanh(double[] x, int off, int len) {
      for (int i = off; i < off + len; i++) {
        x[i] = Math.tanh(x[i]);
      }
    }

    @Override
    void sigmoid(double[] x, int off, int len) {
      for (int i = off; i < off + len; i++) {
        x[i] = 1.0 / (1.0 + Math.exp(-x[i]));
      }
    }
  }

  /**
   * tanh(x) ≈ x·P(x²)/Q(x²) on [−7.9053, 7.9053] (beyond, tanh is 1 to single precision), with P of
   * degree 6 and Q of degree 3 in x²; σ(x) = (1 + tanh(x/2)) / 2.
   */
  private static final class Fast extends Activations {
    private static final double CLAMP = 7.90531110763549805;
    private static final double A1 = 4.89352455891786e-03;
    private static final double A3 = 6.37261928875436e-04;
    private static final double A5 = 1.48572235717979e-05;
    private static final double A7 = 5.12229709037114e-08;
    private static final double A9 = -8.60467152213735e-11;
    private static final double A11 = 2.00018790482477e-13;
    private static final double A13 = -2.76076847742355e-16;
    private static final double B0 = 4.89352518554385e-03;
    private static final double B2 = 2.26843463243900e-03;
    private static final double B4 = 1.18534705686654e-04;
    private static final double B6 = 1.19825839466702e-06;

    @Override
    void tanh(double[] x, int off, int len) {
      for (int i = off; i < off + len; i++) {
        double v = Math.max(-CLAMP, Math.min(CLAMP, x[i]));
        double v2 = v * v;
        double p = (((((A13 * v2 + A11) * v2 + A9) * v2 + A7) * v2 + A5) * v2 + A3) * v2 + A1;
        double q = ((B6 * v2 + B4) * v2 + B2) * v2 + B0;
        x[i] = v * p / q;
      }
    }

    @Override
    void sigmoid(double[] x, int off, int len) {
      for (int i = off; i < off + len; i++) {
        double v = Math.max(-CLAMP, Math.min(CLAMP, 0.5 * x[i]));
        double v2 = v * v;
        double p = (((((A13 * v2 + A11) * v2 + A9) * v2 + A7) * v2 + A5) * v2 + A3) * v2 + A1;
        double q = ((B6 * v2 + B4) * v2 + B2) * v2 + B0;
        x[i] = 0.5 + 0.5 * (v * p / q);
      }
    }
  }

  // ---- single precision, one value at a time: for cell loops that fuse the activation with the
  // reads and writes around it (the JIT inlines these and vectorises the loop) ----

  private static final float F_CLAMP = 7.90531110763549805f;
  private static final float F_A1 = 4.89352455891786e-03f;
  private static final float F_A3 = 6.37261928875436e-04f;
  private static final float F_A5 = 1.48572235717979e-05f;
  private static final float F_A7 = 5.12229709037114e-08f;
  private static final float F_A9 = -8.60467152213735e-11f;
  private static final float F_A11 = 2.00018790482477e-13f;
  private static final float F_A13 = -2.76076847742355e-16f;
  private static final float F_B0 = 4.89352518554385e-03f;
  private static final float F_B2 = 2.26843463243900e-03f;
  private static final float F_B4 = 1.18534705686654e-04f;
  private static final float F_B6 = 1.19825839466702e-06f;

  /** tanh(x), the same rational approximation as {@link #FAST}, in float. */
  static float tanh(float x) {
    float v = Math.max(-F_CLAMP, Math.min(F_CLAMP, x));
    float v2 = v * v;
    float p =
        (((((F_A13 * v2 + F_A11) * v2 + F_A9) * v2 + F_A7) * v2 + F_A5) * v2 + F_A3) * v2 + F_A1;
    float q = ((F_B6 * v2 + F_B4) * v2 + F_B2) * v2 + F_B0;
    return v * p / q;
  }

  /** σ(x) = (1 + tanh(x/2)) / 2, in float. */
  static float sigmoid(float x) {
    return 0.5f + 0.5f * tanh(0.5f * x);
  }

  /** x[0..len) ← tanh(x), in place (the form the JIT vectorises). */
  static void tanh(float[] x, int len) {
    for (int i = 0; i < len; i++) {
      x[i] = tanh(x[i]);
    }
  }

  /** x[0..len) ← σ(x), in place. */
  static void sigmoid(float[] x, int len) {
    for (int i = 0; i < len; i++) {
      x[i] = sigmoid(x[i]);
    }
  }
}
