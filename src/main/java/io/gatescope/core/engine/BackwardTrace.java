package io.gatescope.core.engine;

import java.util.List;
import java.util.Map;

/**
 * How the loss of one image flows back, for a target class k, with L = −log P(k | whole image): the
 * backward half of a {@link GateTrace}, all from the engine's own BPTT on the model without
 * interventions.
 *
 * <p>Per recurrent layer and quantity, a [T][H] array of ∂L/∂(its value): for the gates and the
 * candidate the gradient with respect to the gate's value (Γu, not its pre-activation); for c and a
 * the total, everything that flows into them, from the output and from step t+1. An LSTM has Γu,
 * Γf, Γo, c̃, c and a; a GRU Γr, Γu, c̃ and a; a vanilla RNN a.
 *
 * @param target the class k of L
 * @param loss L = −log P(k | whole image)
 * @param probability P(k | whole image)
 * @param layers per recurrent layer, bottom first: ∂L/∂q [step][unit]
 * @param image the model's input, 28×28 row-major in [0, 1], as the picture is laid out
 * @param input ∂L/∂(pixel), 28×28 row-major as the picture is laid out (whatever the reading order)
 * @param rowOcclusion for picture row s (0-based): P(k) with that row blanked (set to 0) minus P(k)
 *     of the image as it is, both from one forward pass
 * @param connectivity [t][s] for steps t, s (0-based, reading order): ‖∂ log P(k | rows 1..t+1) /
 *     ∂x⟨s+1⟩‖, how strongly the prediction after step t depends on the input read at step s; zero
 *     for s &gt; t (the model cannot look ahead)
 */
public record BackwardTrace(
    CellType cell,
    int hidden,
    int target,
    double loss,
    double probability,
    List<Map<Quantity, float[][]>> layers,
    float[] image,
    float[] input,
    float[] rowOcclusion,
    float[][] connectivity) {

  public BackwardTrace {
    layers = List.copyOf(layers);
  }

  /** The top layer's ∂L/∂q, [T][H]. */
  public float[][] top(Quantity q) {
    return get(layers.size() - 1, q);
  }

  public float[][] get(int layer, Quantity q) {
    float[][] v = layers.get(layer).get(q);
    if (v == null) {
      throw new IllegalArgumentException(cell + " has no ∂L/∂" + q.symbol());
    }
    return v;
  }

  /** Whether the top layer has ∂L/∂q. */
  public boolean has(Quantity q) {
    return layers.get(layers.size() - 1).containsKey(q);
  }

  /** ‖∂L/∂q⟨t⟩‖ over the units of the top layer, for t = 1..T (index t − 1). */
  public double[] norms(Quantity q) {
    float[][] g = top(q);
    double[] out = new double[g.length];
    for (int t = 0; t < g.length; t++) {
      double s = 0;
      for (float v : g[t]) {
        s += (double) v * v;
      }
      out[t] = Math.sqrt(s);
    }
    return out;
  }

  /** Gradient × input per pixel (28×28 row-major): each pixel's first-order share of L. */
  public float[] gradientTimesInput() {
    float[] out = new float[input.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = input[i] * image[i];
    }
    return out;
  }
}
