package io.gatescope.ui.inside;

import io.gatescope.core.engine.Quantity;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/**
 * What a {@link MapGrid} shows and whom it tells: the forward maps (gates and states) or the
 * backward maps (their gradients) share one grid, one unit order, one read-out and one selection.
 */
interface MapSource {
  /** The maps, in the cell's order. */
  ObservableList<MapData> maps();

  /** Display row → unit. */
  ReadOnlyObjectProperty<int[]> orderProperty();

  /** The read-out of the cell under the pointer; empty when there is none. */
  ReadOnlyStringProperty hoverProperty();

  /** The pointer is over a cell of q's map (step 1-based). */
  void hoverAt(Quantity q, int step, int unit, float value);

  void clearHover();

  /** A map cell was clicked. */
  void select(int step, int unit);

  /** A map's heading: "Γu update gate", "∂L/∂Γu update gate". */
  String title(Quantity q);

  /** The forward maps of Inside's view-model. */
  static MapSource forward(InsideViewModel vm) {
    return new MapSource() {
      @Override
      public ObservableList<MapData> maps() {
        return vm.maps();
      }

      @Override
      public ReadOnlyObjectProperty<int[]> orderProperty() {
        return vm.orderProperty();
      }

      @Override
      public ReadOnlyStringProperty hoverProperty() {
        return vm.hoverProperty();
      }

      @Override
      public void hoverAt(Quantity q, int step, int unit, float value) {
        vm.hoverAt(q, step, unit, value);
      }

      @Override
      public void clearHover() {
        vm.clearHover();
      }

      @Override
      public void select(int step, int unit) {
        vm.select(step, unit);
      }

      @Override
      public String title(Quantity q) {
        return q.symbol() + "  " + InsideView.describe(q);
      }
    };
  }

  /** The backward maps: ∂L/∂q for each of the cell's quantities. */
  static MapSource backward(BackwardViewModel vm) {
    return new MapSource() {
      @Override
      public ObservableList<MapData> maps() {
        return vm.maps();
      }

      @Override
      public ReadOnlyObjectProperty<int[]> orderProperty() {
        return vm.orderProperty();
      }

      @Override
      public ReadOnlyStringProperty hoverProperty() {
        return vm.hoverProperty();
      }

      @Override
      public void hoverAt(Quantity q, int step, int unit, float value) {
        vm.hoverAt(q, step, unit, value);
      }

      @Override
      public void clearHover() {
        vm.clearHover();
      }

      @Override
      public void select(int step, int unit) {
        vm.select(step, unit);
      }

      @Override
      public String title(Quantity q) {
        return "∂L/∂" + q.symbol() + "  " + InsideView.describe(q);
      }
    };
  }
}
