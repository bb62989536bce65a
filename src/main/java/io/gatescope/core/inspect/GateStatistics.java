package io.gatescope.core.inspect;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How each unit's gates behave over many images: for every gate and unit, the share of (image,
 * timestep) pairs with the gate below 0.1 (shut) and above 0.9 (open). Plotted as one point per
 * unit, units that act as switches sit along the axes, units that stay in between near the origin.
 *
 * @param low gate → per-unit share below 0.1
 * @param high gate → per-unit share above 0.9
 */
public record GateStatistics(
    int images, Map<Quantity, double[]> low, Map<Quantity, double[]> high) {

  /** Over the first {@code n} images of {@code set}, for one layer. */
  public static GateStatistics compute(
      RecurrentClassifier model, LabeledImages set, int n, int layer) {
    int count = Math.min(n, set.size());
    int h = model.config().hidden();
    Map<Quantity, double[]> low = new EnumMap<>(Quantity.class);
    Map<Quantity, double[]> high = new EnumMap<>(Quantity.class);
    List<Quantity> gates =
        model.config().cell().quantities().stream().filter(Quantity::isGate).toList();
    for (Quantity g : gates) {
      low.put(g, new double[h]);
      high.put(g, new double[h]);
    }
    int batch = 100;
    for (int from = 0; from < count; from += batch) {
      int to = Math.min(count, from + batch);
      float[][] imgs = new float[to - from][];
      for (int i = from; i < to; i++) {
        imgs[i - from] = set.images().imageAsFloats(i);
      }
      for (GateTrace tr : model.traceBatch(Batches.timeMajor(imgs), List.of())) {
        for (Quantity g : gates) {
          double[] lo = low.get(g);
          double[] hi = high.get(g);
          for (float[] step : tr.get(layer, g)) {
            for (int u = 0; u < h; u++) {
              if (step[u] < 0.1f) {
                lo[u]++;
              } else if (step[u] > 0.9f) {
                hi[u]++;
              }
            }
          }
        }
      }
    }
    double total = count * (double) io.gatescope.core.engine.ModelConfig.STEPS;
    for (Quantity g : gates) {
      for (int u = 0; u < h; u++) {
        low.get(g)[u] /= total;
        high.get(g)[u] /= total;
      }
    }
    return new GateStatistics(count, low, high);
  }
}
