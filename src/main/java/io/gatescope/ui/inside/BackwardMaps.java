package io.gatescope.ui.inside;

import io.gatescope.core.engine.BackwardTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.ui.common.ColorMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The backward maps of one layer: ∂L/∂q for each of the cell's quantities (timestep × unit), on the
 * gradient colour map, symmetric around 0 with the range the data takes. The values are the trace's
 * own arrays; while the gradient is still "arriving" (Play), the steps it has not reached are NaN
 * (left blank).
 */
final class BackwardMaps {
  /** On the signed-log scale, ε is this fraction of the largest magnitude (three decades show). */
  static final double LOG_DECADES = 1e-3;

  private BackwardMaps() {}

  /**
   * @param shared one range for all maps (the largest magnitude of any), else each its own
   * @param signedLog colours on a signed-log scale
   * @param frontier the first step (1-based) the gradient has reached; 1 = all of them
   */
  static List<MapData> of(
      BackwardTrace bt, int layer, boolean shared, boolean signedLog, int frontier) {
    List<Quantity> shown = new ArrayList<>();
    for (Quantity q : bt.cell().quantities()) {
      if (bt.layers().get(layer).containsKey(q)) {
        shown.add(q);
      }
    }
    double all = 0;
    for (Quantity q : shown) {
      all = Math.max(all, MapData.maxAbs(bt.get(layer, q)));
    }
    List<MapData> out = new ArrayList<>();
    for (Quantity q : shown) {
      float[][] v = bt.get(layer, q);
      double r = Math.max(shared ? all : MapData.maxAbs(v), 1e-12);
      out.add(
          new MapData(
              q,
              frontier <= 1 ? v : blankBefore(v, frontier),
              ColorMap.GRADIENT,
              -r,
              r,
              signedLog ? r * LOG_DECADES : 0));
    }
    return out;
  }

  /** A copy with steps 1..frontier−1 set to NaN (not reached yet). */
  private static float[][] blankBefore(float[][] v, int frontier) {
    float[][] out = new float[v.length][];
    for (int t = 0; t < v.length; t++) {
      out[t] = v[t].clone();
      if (t + 1 < frontier) {
        java.util.Arrays.fill(out[t], Float.NaN);
      }
    }
    return out;
  }
}
