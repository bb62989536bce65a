package io.gatescope.core.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything one sample went through: for each recurrent layer and each quantity of its cell (Γu,
 * Γf, Γo, c̃, c, a for an LSTM) a [T][H] array, plus the prediction the model would make if it
 * stopped reading after row t (softmax of the output layer applied to a⟨t⟩ of the top layer).
 *
 * <p>It also keeps what the equations need so that they show only computed numbers: the
 * pre-activation of every gate and candidate (and of a for a vanilla RNN), and the values the cell
 * computed before an intervention replaced them (gates before a clamp, a before a scale).
 *
 * @param layers one map per recurrent layer, bottom first; arrays are [step][unit]
 * @param preActivations per layer, the argument of σ or tanh, [step][unit]
 * @param asComputed per layer, gates and a as computed before any intervention, [step][unit]
 * @param interventions the interventions this trace was computed with
 * @param stepProbabilities [step][class]; the last row equals {@code probabilities}
 * @param projected x⟨t⟩·Wp + bp for every step, [step][P] (the projection's output, which the model
 *     folds into its first layer), or null for a model without a projection
 */
public record GateTrace(
    CellType cell,
    int hidden,
    List<Map<Quantity, float[][]>> layers,
    List<Map<Quantity, float[][]>> preActivations,
    List<Map<Quantity, float[][]>> asComputed,
    List<Intervention> interventions,
    float[][] stepProbabilities,
    float[] probabilities,
    int prediction,
    float[][] projected) {

  public GateTrace {
    interventions = List.copyOf(interventions);
  }

  /** The top layer's [T][H] array of q. */
  public float[][] top(Quantity q) {
    return get(layers.size() - 1, q);
  }

  public float[][] get(int layer, Quantity q) {
    float[][] v = layers.get(layer).get(q);
    if (v == null) {
      throw new IllegalArgumentException(cell + " has no " + q.symbol());
    }
    return v;
  }

  /** The [T][H] pre-activations of q (the argument of its σ or tanh), or null if it has none. */
  public float[][] preActivation(int layer, Quantity q) {
    return preActivations.get(layer).get(q);
  }

  /** The [T][H] values of a gate or a as computed, before an intervention replaced them. */
  public float[][] asComputed(int layer, Quantity q) {
    float[][] v = asComputed.get(layer).get(q);
    return v == null ? get(layer, q) : v;
  }

  /**
   * The intervention that replaced q of unit u in this layer, or null: the last one that covers it,
   * as in the forward pass.
   */
  public Intervention interventionOn(int layer, Quantity q, int u) {
    Intervention found = null;
    for (Intervention iv : interventions) {
      if (iv.layer() == layer && iv.quantity() == q && iv.covers(u)) {
        found = iv;
      }
    }
    return found;
  }

  public int steps() {
    return stepProbabilities.length;
  }
}
