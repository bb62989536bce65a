package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.UnitOrder;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Heatmap;
import java.util.Arrays;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class InsideViewTest extends WorkbenchTestBase {

  @Override
  protected String workspace() {
    return "Inside";
  }

  GateTrace showTestImage(int i) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(i));
    FxTestSupport.waitFor("six maps", 30, () -> wb.insideVm.maps().size() == 6);
    return FxTestSupport.onFx(() -> wb.insideVm.traceProperty().get());
  }

  @Test
  void sixMapsAndHoverShowsTheExactValueOfTheCell(FxRobot robot) throws Exception {
    GateTrace tr = showTestImage(0);
    Heatmap forget = robot.lookup("#map-forget").queryAs(Heatmap.class);
    assertNotNull(forget);
    // The maps list changes before the next layout pulse sizes and fills the canvas.
    FxTestSupport.waitFor(
        "forget map laid out with data",
        10,
        () -> forget.getWidth() > 100 && forget.cellAt(forget.getWidth() - 1, 1) != null);
    // The cell at step 10 and display row 5, from the map's own geometry.
    Heatmap.Cell cell =
        FxTestSupport.onFx(
            () -> {
              double w = forget.getWidth();
              double h = forget.getHeight();
              int[] order = wb.insideVm.orderProperty().get();
              return forget.cellAt((9.5 / 28) * w, (5.5 / order.length) * h);
            });
    int unit = FxTestSupport.onFx(() -> wb.insideVm.orderProperty().get()[5]);
    assertEquals(10, cell.step());
    assertEquals(unit, cell.unit());
    assertEquals(tr.top(Quantity.FORGET)[9][unit], cell.value(), 0f);

    robot
        .moveTo(forget)
        .moveBy(
            -forget.getWidth() / 2 + (9.5 / 28) * forget.getWidth(),
            -forget.getHeight() / 2 + (5.5 / tr.hidden()) * forget.getHeight());
    // Where the pointer really is (whole pixels), and the cell the map says is there.
    javafx.geometry.Point2D mouse = robot.robotContext().getBaseRobot().retrieveMouse();
    Heatmap.Cell under =
        FxTestSupport.onFx(
            () -> {
              javafx.geometry.Point2D local = forget.screenToLocal(mouse);
              return forget.cellAt(local.getX(), local.getY());
            });
    assertEquals(tr.top(Quantity.FORGET)[under.step() - 1][under.unit()], under.value(), 0f);
    Label hover = robot.lookup("#inside-hover").queryAs(Label.class);
    String want =
        String.format("Γf  t = %d, unit %d: %.4f", under.step(), under.unit(), under.value());
    FxTestSupport.waitFor("hover text", 10, () -> hover.getText().equals(want));
  }

  @Test
  void clampingForgetToZeroMakesTheCellStateTheNewCandidateOnly() throws Exception {
    showTestImage(1);
    FxTestSupport.run(
        () -> {
          wb.insideVm.clampGateProperty().set(Quantity.FORGET);
          wb.insideVm.clampValueProperty().set(0.0);
          wb.insideVm.clampSelectedOnlyProperty().set(false);
          wb.insideVm.applyClamp();
        });
    FxTestSupport.waitFor(
        "clamped trace",
        30,
        () -> {
          GateTrace t = wb.insideVm.traceProperty().get();
          return t != null && t.top(Quantity.FORGET)[3][0] == 0f;
        });
    GateTrace tr = FxTestSupport.onFx(() -> wb.insideVm.traceProperty().get());
    for (int t = 0; t < 28; t++) {
      for (int u = 0; u < tr.hidden(); u++) {
        assertEquals(
            tr.top(Quantity.UPDATE)[t][u] * tr.top(Quantity.CANDIDATE)[t][u],
            tr.top(Quantity.CELL)[t][u],
            1e-6);
      }
    }
    FxTestSupport.run(wb.insideVm::resetInterventions);
    FxTestSupport.waitFor(
        "model as trained",
        30,
        () -> {
          GateTrace t = wb.insideVm.traceProperty().get();
          return t.top(Quantity.FORGET)[3][0] != 0f;
        });
  }

  @Test
  void reorderingKeepsTheSetOfRows() throws Exception {
    showTestImage(2);
    for (UnitOrder o : UnitOrder.values()) {
      FxTestSupport.run(() -> wb.insideVm.orderKindProperty().set(o));
      int[] order = FxTestSupport.onFx(() -> wb.insideVm.orderProperty().get().clone());
      Arrays.sort(order);
      for (int i = 0; i < order.length; i++) {
        assertEquals(i, order[i], o.name());
      }
    }
    String eq =
        FxTestSupport.onFx(
            () -> {
              wb.insideVm.select(7, 3);
              return wb.insideVm.equationsProperty().get();
            });
    assertTrue(eq.startsWith("unit 3, timestep t = 7"), eq);
    assertEquals(7, FxTestSupport.onFx(() -> wb.session.timestepProperty().get()));
  }
}
