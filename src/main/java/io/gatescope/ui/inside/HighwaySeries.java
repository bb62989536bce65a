package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.BackwardTrace;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One curve of the highway chart: ‖∂L/∂q⟨t⟩‖ for t = 1..28 (index t − 1) of one model and digit.
 *
 * @param label what the legend calls it
 * @param values the norms, as the backward trace gave them
 * @param line how it is drawn: the current model's c and a, or a compared cell's a
 */
record HighwaySeries(String label, double[] values, Line line) {
  /** The curve's role, which fixes its colour and dash. */
  enum Line {
    CELL,
    HIDDEN,
    COMPARED_GRU,
    COMPARED_RNN
  }

  /**
   * The curves of one digit: ‖∂L/∂c⟨t⟩‖ (where the cell has c) and ‖∂L/∂a⟨t⟩‖ of the shown model,
   * then ‖∂L/∂a⟨t⟩‖ of each compared cell, all as the backward traces gave them.
   */
  static List<HighwaySeries> of(BackwardTrace bt, Map<CellType, BackwardTrace> compared) {
    List<HighwaySeries> s = new ArrayList<>();
    String cell = bt.cell().name();
    if (bt.has(Quantity.CELL)) {
      s.add(
          new HighwaySeries(
              Messages.get("inside.back.highway.cell", cell), bt.norms(Quantity.CELL), Line.CELL));
    }
    s.add(
        new HighwaySeries(
            Messages.get("inside.back.highway.hidden", cell),
            bt.norms(Quantity.HIDDEN),
            Line.HIDDEN));
    for (Map.Entry<CellType, BackwardTrace> e : compared.entrySet()) {
      s.add(
          new HighwaySeries(
              Messages.get("inside.back.highway.compared", e.getKey().name()),
              e.getValue().norms(Quantity.HIDDEN),
              e.getKey() == CellType.GRU ? Line.COMPARED_GRU : Line.COMPARED_RNN));
    }
    return s;
  }
}
