package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.CellNumbers;
import io.gatescope.ui.common.CsvTable;
import java.util.List;
import java.util.Map;

/**
 * The numbers on the cell diagram's wires as a table: the previous states, then each operation in
 * the order the equations run, with its z, the value computed, the value used, and the intervention
 * that replaced it (if any).
 */
final class CellCsv {
  private CellCsv() {}

  static CsvTable of(CellNumbers n) {
    if (n == null) {
      return null;
    }
    CsvTable t =
        new CsvTable(
            List.of(
                Messages.get("export.csv.quantity"),
                "z",
                Messages.get("export.csv.computed"),
                Messages.get("export.csv.used"),
                Messages.get("export.csv.intervention")));
    for (Map.Entry<Quantity, Float> e : n.previous().entrySet()) {
      String v = CsvTable.number(e.getValue());
      t.row(List.of(e.getKey().symbol() + "⟨t−1⟩", "", v, v, ""));
    }
    for (Quantity q : CellNumbers.order(n.cell())) {
      CellNumbers.Wire w = n.wire(q);
      if (w == null) {
        continue;
      }
      t.row(
          List.of(
              q.symbol() + "⟨t⟩",
              Float.isNaN(w.z()) ? "" : CsvTable.number(w.z()),
              CsvTable.number(w.computed()),
              CsvTable.number(w.used()),
              w.changed() ? w.by().toString() : ""));
    }
    return t;
  }
}
