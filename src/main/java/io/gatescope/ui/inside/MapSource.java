package io.gatescope.ui.inside;

import io.gatescope.core.engine.Quantity;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/**
 * What a {@link MapGrid} shows and whom it tells: the forward maps (gates and states) or the
 * backward maps (their gradients) share one grid, one unit order, one read-out and one selection.
 *
 * @param maps the maps, in the cell's order
 * @param orderProperty display row → unit
 * @param hoverProperty the read-out of the cell under the pointer; empty when there is none
 * @param hover the pointer is over a cell of q's map (step 1-based)
 * @param clearHover the pointer left the maps
 * @param select a map cell (step, unit) was clicked
 * @param titlePrefix before each map's heading: "" for "Γu update gate", "∂L/∂" for "∂L/∂Γu …"
 */
record MapSource(
    ObservableList<MapData> maps,
    ReadOnlyObjectProperty<int[]> orderProperty,
    ReadOnlyStringProperty hoverProperty,
    Hover hover,
    Runnable clearHover,
    BiConsumer<Integer, Integer> select,
    String titlePrefix) {

  /** Told the cell under the pointer. */
  interface Hover {
    void at(Quantity q, int step, int unit, float value);
  }

  /** A map's heading: "Γu update gate", "∂L/∂Γu update gate". */
  String title(Quantity q) {
    return titlePrefix + q.symbol() + "  " + InsideView.describe(q);
  }

  /** The forward maps of Inside's view-model. */
  static MapSource forward(InsideViewModel vm) {
    return new MapSource(
        vm.maps(),
        vm.orderProperty(),
        vm.hoverProperty(),
        vm::hoverAt,
        vm::clearHover,
        vm::select,
        "");
  }

  /** The backward maps: ∂L/∂q for each of the cell's quantities. */
  static MapSource backward(BackwardViewModel vm) {
    return new MapSource(
        vm.maps(),
        vm.orderProperty(),
        vm.hoverProperty(),
        vm::hoverAt,
        vm::clearHover,
        vm::select,
        "∂L/∂");
  }
}
