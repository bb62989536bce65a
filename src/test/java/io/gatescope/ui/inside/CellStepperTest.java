package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.Quantity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step-through lights the operations in the order the equations run, within bounds. */
class CellStepperTest {
  private static List<Quantity> walk(CellStepper s) {
    List<Quantity> seen = new ArrayList<>();
    while (s.canStepProperty().get()) {
      s.step();
      seen.add(s.highlightedProperty().get());
      assertEquals(seen.size(), s.lineIndexProperty().get(), "line follows the step");
    }
    return seen;
  }

  @Test
  void lstmStepsGatesThenCandidateThenCellThenHidden() {
    CellStepper s = new CellStepper();
    s.use(CellType.LSTM);
    assertNull(s.highlightedProperty().get());
    assertEquals(0, s.lineIndexProperty().get());
    assertEquals(
        List.of(
            Quantity.UPDATE,
            Quantity.FORGET,
            Quantity.OUTPUT,
            Quantity.CANDIDATE,
            Quantity.CELL,
            Quantity.HIDDEN),
        walk(s));
  }

  @Test
  void gruAndRnnHaveTheirOwnOrder() {
    CellStepper s = new CellStepper();
    s.use(CellType.GRU);
    assertEquals(
        List.of(Quantity.RESET, Quantity.UPDATE, Quantity.CANDIDATE, Quantity.HIDDEN), walk(s));
    CellStepper r = new CellStepper();
    r.use(CellType.RNN);
    assertEquals(List.of(Quantity.HIDDEN), walk(r));
  }

  @Test
  void stepStopsOnTheLastBackOnNoneAndResetClears() {
    CellStepper s = new CellStepper();
    s.use(CellType.GRU);
    assertFalse(s.canBackProperty().get());
    s.back();
    assertNull(s.highlightedProperty().get(), "back before the first lights nothing");
    for (int i = 0; i < 10; i++) {
      s.step();
    }
    assertEquals(Quantity.HIDDEN, s.highlightedProperty().get());
    assertEquals(4, s.lineIndexProperty().get());
    assertFalse(s.canStepProperty().get());
    s.back();
    assertEquals(Quantity.CANDIDATE, s.highlightedProperty().get());
    assertEquals(3, s.lineIndexProperty().get());
    s.reset();
    assertNull(s.highlightedProperty().get());
    assertEquals(0, s.lineIndexProperty().get());
    assertTrue(s.canStepProperty().get());
  }

  @Test
  void newNumbersKeepTheStepWhenTheCellHasIt() {
    CellStepper s = new CellStepper();
    s.use(CellType.LSTM);
    s.step();
    s.step();
    s.step();
    s.use(CellType.LSTM); // another t or unit: same cell
    assertEquals(Quantity.OUTPUT, s.highlightedProperty().get());
    assertEquals(3, s.lineIndexProperty().get());
    s.use(CellType.GRU); // step 3 exists in the GRU too: kept as an index
    assertEquals(Quantity.CANDIDATE, s.highlightedProperty().get());
    s.use(CellType.RNN); // the RNN has one step: the index is out of range, nothing lit
    assertNull(s.highlightedProperty().get());
    assertEquals(0, s.lineIndexProperty().get());
  }
}
