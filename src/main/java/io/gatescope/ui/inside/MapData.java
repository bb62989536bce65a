package io.gatescope.ui.inside;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.ui.common.ColorMap;
import java.util.ArrayList;
import java.util.List;

/**
 * What one of Inside's maps shows: a quantity's values (timestep × unit), its colour map and range.
 * Gates run 0..1 on the sequential map; states on the diverging map, symmetric around 0. {@code
 * logEps} above 0: colours on a signed-log scale (see {@link ColorMap#position}).
 */
public record MapData(
    Quantity quantity, float[][] values, ColorMap map, double lo, double hi, double logEps) {
  /** A map with linear colours. */
  public MapData(Quantity quantity, float[][] values, ColorMap map, double lo, double hi) {
    this(quantity, values, map, lo, hi, 0);
  }

  /**
   * The maps of one layer of a trace, in the cell's order. Unshared, c̃ and a (tanh outputs) run
   * −1..1 and c to its own largest magnitude; shared, all three run to the largest of them.
   */
  static List<MapData> of(GateTrace tr, int layer, boolean sharedRange) {
    double shared = 0;
    for (Quantity q : tr.cell().quantities()) {
      if (!q.isGate()) {
        shared = Math.max(shared, maxAbs(tr.get(layer, q)));
      }
    }
    List<MapData> out = new ArrayList<>();
    for (Quantity q : tr.cell().quantities()) {
      float[][] v = tr.get(layer, q);
      if (q.isGate()) {
        out.add(new MapData(q, v, ColorMap.SEQUENTIAL, 0, 1));
      } else {
        double r = sharedRange ? shared : maxAbs(v);
        if (q != Quantity.CELL && !sharedRange) {
          r = 1; // tanh outputs live in [−1, 1]
        }
        r = Math.max(r, 1e-6);
        out.add(new MapData(q, v, ColorMap.DIVERGING, -r, r));
      }
    }
    return out;
  }

  static double maxAbs(float[][] v) {
    double m = 0;
    for (float[] row : v) {
      for (float x : row) {
        m = Math.max(m, Math.abs(x));
      }
    }
    return m;
  }
}
