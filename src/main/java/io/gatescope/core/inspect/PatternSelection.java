package io.gatescope.core.inspect;

import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import java.util.Arrays;

/**
 * A rectangle brushed on a map: quantity q of some units (explicit indices, e.g. a range of rows in
 * the map's current order) over the steps {@code fromStep..toStep} (0-based, both included).
 */
public record PatternSelection(Quantity quantity, int[] units, int fromStep, int toStep) {
  public PatternSelection {
    if (units.length == 0) {
      throw new IllegalArgumentException("a selection needs at least one unit");
    }
    if (fromStep < 0 || toStep >= ModelConfig.STEPS || fromStep > toStep) {
      throw new IllegalArgumentException(
          "steps " + fromStep + ".." + toStep + " are not within 0.." + (ModelConfig.STEPS - 1));
    }
    units = units.clone();
  }

  @Override
  public int[] units() {
    return units.clone();
  }

  /** Cells selected: units × steps. */
  public int cells() {
    return units.length * (toStep - fromStep + 1);
  }

  /** The selected values of a [T][H] array, unit after unit, each over the steps. */
  double[] of(float[][] v) {
    double[] out = new double[cells()];
    int k = 0;
    for (int u : units) {
      for (int t = fromStep; t <= toStep; t++) {
        out[k++] = v[t][u];
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PatternSelection p
        && p.quantity == quantity
        && Arrays.equals(p.units, units)
        && p.fromStep == fromStep
        && p.toStep == toStep;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(units) * 31 + quantity.hashCode() + 7 * fromStep + 13 * toStep;
  }
}
