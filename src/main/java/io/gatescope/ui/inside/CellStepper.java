package io.gatescope.ui.inside;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.CellNumbers;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The step-through of one cell: which operation is lit, in the order the equations run ({@link
 * CellNumbers#order}). Index −1 lights nothing. New numbers (another timestep or unit) keep the
 * step when the cell still has it, so a teacher can hold "c" lit while the timestep plays.
 */
public final class CellStepper {
  private List<Quantity> order = List.of();
  private int index = -1;
  private final ReadOnlyObjectWrapper<Quantity> highlighted = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyIntegerWrapper lineIndex = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyBooleanWrapper canStep = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper(false);

  /** The numbers now shown: the order is their cell's; the step is kept if it is still valid. */
  public void show(CellNumbers numbers) {
    use(numbers == null ? null : numbers.cell());
  }

  /** As {@link #show}, by cell type alone (null: nothing to step through). */
  public void use(CellType cell) {
    order = cell == null ? List.of() : CellNumbers.order(cell);
    if (index >= order.size()) {
      index = -1;
    }
    publish();
  }

  /** Lights the next operation; stays on the last. */
  public void step() {
    if (index < order.size() - 1) {
      index++;
      publish();
    }
  }

  /** Lights the previous operation; before the first, nothing is lit. */
  public void back() {
    if (index >= 0) {
      index--;
      publish();
    }
  }

  /** Nothing lit. */
  public void reset() {
    index = -1;
    publish();
  }

  private void publish() {
    highlighted.set(index < 0 ? null : order.get(index));
    lineIndex.set(index + 1);
    canStep.set(index < order.size() - 1);
    canBack.set(index >= 0);
  }

  /** The operation lit, or null. */
  public ReadOnlyObjectProperty<Quantity> highlightedProperty() {
    return highlighted.getReadOnlyProperty();
  }

  /** The equation line to light, 1-based after the header line; 0 when none. */
  public ReadOnlyIntegerProperty lineIndexProperty() {
    return lineIndex.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canStepProperty() {
    return canStep.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canBackProperty() {
    return canBack.getReadOnlyProperty();
  }

  /** The operations in the order they are stepped. */
  public List<Quantity> order() {
    return order;
  }
}
