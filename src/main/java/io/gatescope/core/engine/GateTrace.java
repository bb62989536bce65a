package io.gatescope.core.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything one sample went through: for each recurrent layer and each quantity of its cell (Γu,
 * Γf, Γo, c̃, c, a for an LSTM) a [T][H] array, plus the prediction the model would make if it
 * stopped reading after row t (softmax of the output layer applied to a⟨t⟩ of the top layer).
 *
 * @param layers one map per recurrent layer, bottom first; arrays are [step][unit]
 * @param stepProbabilities [step][class]; the last row equals {@code probabilities}
 */
public record GateTrace(
    CellType cell,
    int hidden,
    List<Map<Quantity, float[][]>> layers,
    float[][] stepProbabilities,
    float[] probabilities,
    int prediction) {

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

  public int steps() {
    return stepProbabilities.length;
  }
}
