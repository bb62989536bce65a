package io.gatescope.core.inspect;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every number on the wires of one cell, for one unit at one timestep: what the cell diagram draws
 * and the step-through walks. All come from the trace as the forward pass computed them; where an
 * intervention replaced a value, both are kept and the intervention named.
 *
 * @param cell which diagram
 * @param t the timestep, 1-based as in the lesson
 * @param unit the unit
 * @param row x⟨t⟩: the 28 inputs read at step t (already in the model's reading order)
 * @param previous the unit's a⟨t−1⟩ and, for the LSTM, c⟨t−1⟩ (0 at t = 1)
 * @param previousStrips the whole vectors a⟨t−1⟩ and c⟨t−1⟩ [H] (zeros at t = 1)
 * @param wires per quantity of the cell, the numbers on its wire
 */
public record CellNumbers(
    CellType cell,
    int t,
    int unit,
    float[] row,
    Map<Quantity, Float> previous,
    Map<Quantity, float[]> previousStrips,
    Map<Quantity, Wire> wires) {

  /**
   * One quantity's numbers: its pre-activation z (the argument of σ or tanh; NaN for c, which has
   * none), the value as computed, the value used (differs only under an intervention), and that
   * intervention (or null).
   */
  public record Wire(Quantity quantity, float z, float computed, float used, Intervention by) {
    public boolean changed() {
      return by != null;
    }
  }

  /**
   * The operations in the order the equations run them, for stepping through: the cell's own order
   * (Γu, Γf, Γo, c̃, c, a for the LSTM), except that the GRU's reset gate comes first, as Γr ⊙
   * a⟨t−1⟩ feeds the candidate.
   */
  public static List<Quantity> order(CellType cell) {
    if (cell == CellType.GRU) {
      return List.of(Quantity.RESET, Quantity.UPDATE, Quantity.CANDIDATE, Quantity.HIDDEN);
    }
    return cell.quantities();
  }

  /**
   * The numbers of unit {@code u} at step {@code t} (1-based) of layer {@code layer}; {@code input}
   * is the 28×28 model input in reading order (row t−1 is x⟨t⟩ of the first layer; for a layer
   * above, x⟨t⟩ is the layer below's a⟨t⟩ and the row shows its first 28 units).
   */
  public static CellNumbers of(GateTrace tr, int layer, int t, int u, float[] input) {
    int i = t - 1;
    float[] row = new float[28];
    if (layer == 0) {
      System.arraycopy(input, i * 28, row, 0, 28);
    } else {
      float[] below = tr.get(layer - 1, Quantity.HIDDEN)[i];
      System.arraycopy(below, 0, row, 0, Math.min(28, below.length));
    }
    Map<Quantity, Float> previous = new EnumMap<>(Quantity.class);
    Map<Quantity, float[]> strips = new EnumMap<>(Quantity.class);
    for (Quantity q : List.of(Quantity.HIDDEN, Quantity.CELL)) {
      if (tr.cell().quantities().contains(q)) {
        float[] prev = i == 0 ? new float[tr.hidden()] : tr.get(layer, q)[i - 1].clone();
        previous.put(q, prev[u]);
        strips.put(q, prev);
      }
    }
    Map<Quantity, Wire> wires = new EnumMap<>(Quantity.class);
    for (Quantity q : order(tr.cell())) {
      float[][] z = tr.preActivation(layer, q);
      wires.put(
          q,
          new Wire(
              q,
              z == null ? Float.NaN : z[i][u],
              tr.asComputed(layer, q)[i][u],
              tr.get(layer, q)[i][u],
              tr.interventionOn(layer, q, u)));
    }
    return new CellNumbers(tr.cell(), t, u, row, previous, strips, wires);
  }

  public Wire wire(Quantity q) {
    Wire w = wires.get(q);
    if (w == null) {
      throw new IllegalArgumentException(cell + " has no " + q.symbol());
    }
    return w;
  }

  /** The value a quantity carried on (after any intervention). */
  public float value(Quantity q) {
    return wire(q).used();
  }
}
