package io.gatescope.core.engine;

/**
 * Gradients per timestep from one backward pass: ∂loss/∂a⟨t⟩ of the top recurrent layer and
 * ∂loss/∂x⟨t⟩ of the input rows. Their norms show how far back in the image the loss still reaches:
 * a vanilla RNN's fade toward the first rows, an LSTM's much less.
 */
public final class StepGradients {
  float[] hidden; // [T·B·H]
  float[] input; // [T·B·F]

  /** ‖∂loss/∂a⟨t⟩‖ (Frobenius over the batch) for t = 1..T. */
  public double[] hiddenNorms() {
    return norms(hidden);
  }

  /** ‖∂loss/∂x⟨t⟩‖ (Frobenius over the batch) for t = 1..T. */
  public double[] inputNorms() {
    return norms(input);
  }

  private static double[] norms(float[] m) {
    if (m == null) {
      throw new IllegalStateException("no backward pass recorded yet");
    }
    int steps = ModelConfig.STEPS;
    int per = m.length / steps;
    double[] out = new double[steps];
    for (int t = 0; t < steps; t++) {
      double s = 0;
      for (int i = t * per; i < (t + 1) * per; i++) {
        s += m[i] * m[i];
      }
      out[t] = Math.sqrt(s);
    }
    return out;
  }
}
