package io.gatescope.core.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients per timestep from one backward pass: ∂loss/∂a⟨t⟩ of the top recurrent layer and
 * ∂loss/∂x⟨t⟩ of the input rows. Their norms show how far back in the image the loss still reaches:
 * a vanilla RNN's fade toward the first rows, an LSTM's much less.
 */
public final class StepGradients {
  INDArray hidden; // [T·B, H]
  INDArray input; // [T·B, F]

  /** ‖∂loss/∂a⟨t⟩‖ (Frobenius over the batch) for t = 1..T. */
  public double[] hiddenNorms() {
    return norms(hidden);
  }

  /** ‖∂loss/∂x⟨t⟩‖ (Frobenius over the batch) for t = 1..T. */
  public double[] inputNorms() {
    return norms(input);
  }

  private static double[] norms(INDArray m) {
    if (m == null) {
      throw new IllegalStateException("no backward pass recorded yet");
    }
    int t = ModelConfig.STEPS;
    long b = m.rows() / t;
    double[] out = new double[t];
    for (int s = 0; s < t; s++) {
      out[s] = Nd.rows(m, s * b, (s + 1) * b).norm2Number().doubleValue();
    }
    return out;
  }
}
