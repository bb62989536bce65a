package io.gatescope.core.inspect;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the index says about one unit and one quantity, for the unit card: the ranked images (their
 * steps and values from each image traced alone, {@link UnitRanking#tracedAlone}), the mean per
 * true digit (over every step of the digit's images), the mean per step (0-based, over every image)
 * and a histogram of each of the cell's gates at that unit.
 */
public record UnitProfile(
    int unit,
    Quantity quantity,
    boolean lowest,
    List<UnitRanking.Entry> ranked,
    double[] classMeans,
    double[] stepMeans,
    Map<Quantity, Histogram> gateHistograms) {
  public UnitProfile {
    ranked = List.copyOf(ranked);
    classMeans = classMeans.clone();
    stepMeans = stepMeans.clone();
    gateHistograms =
        gateHistograms.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new EnumMap<>(gateHistograms));
  }

  /**
   * @param model the model the index was built with, to trace the ranked images alone
   * @param set the set the index was built from
   * @param count images to rank
   * @param lowest rank the lowest values instead of the highest
   */
  public static UnitProfile of(
      TraceIndex index,
      RecurrentClassifier model,
      LabeledImages set,
      Quantity q,
      int unit,
      int count,
      boolean lowest) {
    Map<Quantity, Histogram> hist = new EnumMap<>(Quantity.class);
    for (Quantity g : index.quantities()) {
      if (g.isGate()) {
        hist.put(g, index.gateHistogram(g, unit));
      }
    }
    return new UnitProfile(
        unit,
        q,
        lowest,
        UnitRanking.tracedAlone(
            UnitRanking.rank(index, q, unit, count, lowest), model, set, q, unit, lowest),
        index.classMeans(q, unit),
        index.stepMeans(q, unit),
        hist);
  }

  @Override
  public double[] classMeans() {
    return classMeans.clone();
  }

  @Override
  public double[] stepMeans() {
    return stepMeans.clone();
  }
}
