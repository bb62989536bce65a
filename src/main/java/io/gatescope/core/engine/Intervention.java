package io.gatescope.core.engine;

import java.util.Arrays;

/**
 * A change made inside the forward pass, for "what if" experiments: clamp a gate of some units to a
 * fixed value, or scale (usually silence) some units of a. Interventions are for inference only:
 * gradients with interventions active are refused.
 *
 * @param layer recurrent layer index, 0-based
 * @param quantity a gate (Γu, Γf, Γo, Γr) to clamp, or {@link Quantity#HIDDEN} to scale a
 * @param units unit indices, or an empty array for all units
 * @param value the clamp value for a gate (0..1), or the factor for a (0 silences)
 */
public record Intervention(int layer, Quantity quantity, int[] units, float value) {
  public Intervention {
    if (!quantity.isGate() && quantity != Quantity.HIDDEN) {
      throw new IllegalArgumentException(
          "only gates (Γu, Γf, Γo, Γr) can be clamped and only a can be silenced, not "
              + quantity.symbol());
    }
    if (!Float.isFinite(value)) {
      throw new IllegalArgumentException("intervention value must be finite");
    }
    units = units.clone();
  }

  public static Intervention clampAll(int layer, Quantity gate, float value) {
    return new Intervention(layer, gate, new int[0], value);
  }

  public static Intervention silence(int layer, int... units) {
    return new Intervention(layer, Quantity.HIDDEN, units, 0f);
  }

  /** Whether unit u (of h) is affected. */
  public boolean covers(int u) {
    return units.length == 0 || Arrays.stream(units).anyMatch(x -> x == u);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Intervention i
        && i.layer == layer
        && i.quantity == quantity
        && Arrays.equals(i.units, units)
        && Float.compare(i.value, value) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(units) * 31 + quantity.hashCode() * 7 + layer + Float.hashCode(value);
  }

  @Override
  public String toString() {
    return quantity.symbol()
        + "["
        + (units.length == 0 ? "all" : Arrays.toString(units))
        + "]="
        + value
        + " @layer "
        + layer;
  }
}
