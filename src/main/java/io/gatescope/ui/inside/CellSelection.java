package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.inspect.Equations;
import io.gatescope.ui.common.Session;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Inside's selected cell: a unit (chosen by a click, or a row up or down in display order) at the
 * shared timestep, and its equations with the trace's numbers.
 */
final class CellSelection {
  private final Session session;
  private final Supplier<GateTrace> trace;
  private final IntSupplier layer;
  private final ReadOnlyIntegerWrapper unit = new ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyStringWrapper equations =
      new ReadOnlyStringWrapper(Messages.get("inside.equations.hint"));

  /** The equations are read from {@code trace} at {@code layer} (the shown one). */
  CellSelection(Session session, Supplier<GateTrace> trace, IntSupplier layer) {
    this.session = session;
    this.trace = trace;
    this.layer = layer;
  }

  /** Selects the unit and moves the shared timestep there. */
  void select(int step, int u) {
    unit.set(u);
    session.setTimestep(step);
    updateEquations();
  }

  /**
   * The unit {@code delta} rows below (or above) the selected one in display order {@code o}, the
   * first row's when none is selected.
   */
  static int unitBy(int[] o, int selected, int delta) {
    int row = -1;
    for (int i = 0; i < o.length; i++) {
      if (o[i] == selected) {
        row = i;
      }
    }
    int next = row < 0 ? 0 : Math.max(0, Math.min(o.length - 1, row + delta));
    return o[next];
  }

  /** The equations of the selected cell in the current trace, if there is one. */
  void updateEquations() {
    GateTrace tr = trace.get();
    int u = unit.get();
    if (tr == null || u < 0 || u >= tr.hidden()) {
      return;
    }
    int l = Math.min(layer.getAsInt(), tr.layers().size() - 1);
    equations.set(Equations.describe(tr, l, session.timestepProperty().get(), u));
  }

  int unit() {
    return unit.get();
  }

  ReadOnlyIntegerProperty unitProperty() {
    return unit.getReadOnlyProperty();
  }

  ReadOnlyStringProperty equationsProperty() {
    return equations.getReadOnlyProperty();
  }
}
