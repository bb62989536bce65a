package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Heatmap;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A double click on a map cell opens the cell diagram at that timestep and unit, with the trace's
 * numbers on its wires; moving the timestep moves the diagram; the toggle goes back to the maps.
 */
class InsideCellViewTest extends WorkbenchTestBase {
  @Override
  protected String workspace() {
    return "Inside";
  }

  private static String f(double v) {
    return String.format("%.3f", v == 0 ? 0.0 : v);
  }

  private CellSection section() throws Exception {
    return FxTestSupport.onFx(
        () -> ((InsideView) wb.shell.getScene().lookup("#inside-view")).cellSection());
  }

  private Map<String, String> drawn() throws Exception {
    CellSection s = section();
    return FxTestSupport.onFx(() -> Map.copyOf(s.panel().diagram().labels()));
  }

  @Test
  void doubleClickingAMapCellOpensItsDiagramWithTheTracesNumbers(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(3));
    FxTestSupport.waitFor("six maps", 30, () -> wb.insideVm.maps().size() == 6);
    GateTrace tr = FxTestSupport.onFx(() -> wb.insideVm.traceProperty().get());
    Heatmap forget = robot.lookup("#map-forget").queryAs(Heatmap.class);
    FxTestSupport.waitFor(
        "forget map laid out with data",
        10,
        () -> {
          Point2D last = forget.centerOf(28, 0);
          return forget.getWidth() > 100 && forget.cellAt(last.getX(), last.getY()) != null;
        });
    CellSection section = section();
    assertEquals(CellSection.Shown.MAPS, FxTestSupport.onFx(() -> section.shownProperty().get()));

    robot.moveTo(FxTestSupport.onFx(() -> forget.localToScreen(forget.centerOf(10, 5))));
    // Rows are about 2 px high: the cell is the one under the pointer's whole pixel.
    Point2D mouse = robot.robotContext().getBaseRobot().retrieveMouse();
    Heatmap.Cell under =
        FxTestSupport.onFx(
            () -> {
              Point2D local = forget.screenToLocal(mouse);
              return forget.cellAt(local.getX(), local.getY());
            });
    robot.doubleClickOn(MouseButton.PRIMARY);
    FxTestSupport.waitFor(
        "the diagram", 10, () -> section.shownProperty().get() == CellSection.Shown.CELL);
    int unit = FxTestSupport.onFx(() -> wb.insideVm.selectedUnitProperty().get());
    assertEquals(under.unit(), unit);
    assertEquals(10, under.step());
    assertEquals(10, (int) FxTestSupport.onFx(() -> wb.insideVm.timestepProperty().get()));
    Map<String, String> d = drawn();
    assertEquals(f(tr.top(Quantity.FORGET)[9][unit]), d.get("Γf"));
    assertEquals(f(tr.top(Quantity.UPDATE)[9][unit]), d.get("Γu"));
    assertEquals(f(tr.top(Quantity.CELL)[8][unit]), d.get("c⟨t−1⟩"));
    assertEquals("z = " + f(tr.preActivation(0, Quantity.OUTPUT)[9][unit]), d.get("Γo z"));
    assertTrue(FxTestSupport.onFx(() -> InsideViewTest.shown(section.panel())));
    assertFalse(FxTestSupport.onFx(() -> InsideViewTest.shown(forget)), "the maps give way");

    // The shared timestep moves the diagram (Ctrl+Right in Inside, here through the model).
    FxTestSupport.run(() -> wb.insideVm.stepBy(1));
    FxTestSupport.waitFor("t = 11", 5, () -> wb.insideVm.timestepProperty().get() == 11);
    assertEquals(f(tr.top(Quantity.FORGET)[10][unit]), drawn().get("Γf"));
    assertEquals(f(tr.top(Quantity.CELL)[9][unit]), drawn().get("c⟨t−1⟩"));

    FxTestSupport.run(() -> section.shownProperty().set(CellSection.Shown.MAPS));
    assertTrue(FxTestSupport.onFx(() -> InsideViewTest.shown(forget)));
  }

  @Test
  void clickingAGateBoxClampsItForThisUnitAndTheDiagramSaysSo(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(5));
    FxTestSupport.waitFor("six maps", 30, () -> wb.insideVm.maps().size() == 6);
    CellSection section = section();
    FxTestSupport.run(
        () -> {
          wb.insideVm.select(12, 3);
          section.openCell();
        });
    GateTrace before = FxTestSupport.onFx(() -> wb.insideVm.traceProperty().get());
    String forget = f(before.top(Quantity.FORGET)[11][3]);
    // Drawn for (t = 12, unit 3) and laid out, before the pointer goes there.
    FxTestSupport.waitFor(
        "the diagram of t = 12, unit 3",
        10,
        () ->
            forget.equals(section.panel().diagram().labels().get("Γf"))
                && section.panel().diagram().getWidth() > 300
                && section.panel().diagram().screenCentreOf(Quantity.FORGET) != null);
    String item = io.gatescope.core.Messages.get("inside.cell.clamp", "Γf", 3, 0.0);
    for (int attempt = 0; attempt < 3 && robot.lookup(item).tryQuery().isEmpty(); attempt++) {
      robot.clickOn(
          FxTestSupport.onFx(() -> section.panel().diagram().screenCentreOf(Quantity.FORGET)));
      robot.sleep(200);
    }
    robot.clickOn(FxTestSupport.centre(robot, item));
    FxTestSupport.waitFor(
        "the clamp in the trace",
        10,
        () -> {
          GateTrace tr = wb.insideVm.traceProperty().get();
          return tr != null && tr.interventionOn(0, Quantity.FORGET, 3) != null;
        });
    GateTrace tr = FxTestSupport.onFx(() -> wb.insideVm.traceProperty().get());
    assertEquals(0f, tr.top(Quantity.FORGET)[11][3], 0f);
    assertEquals(null, tr.interventionOn(0, Quantity.FORGET, 4), "this unit only");
    FxTestSupport.waitFor(
        "the diagram states the clamp",
        10,
        () ->
            String.valueOf(section.panel().diagram().labels().get("Γf"))
                .startsWith(io.gatescope.core.Messages.get("cell.clamped", "0.000")));
  }

  @Test
  void theModelStripShowsEveryStageOfTheTraceAndLeadsToTheMaps(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(2));
    FxTestSupport.waitFor("six maps", 30, () -> wb.insideVm.maps().size() == 6);
    CellSection section = section();
    FxTestSupport.run(
        () -> {
          wb.insideVm.select(20, 7);
          section.openCell();
        });
    ModelStrip strip = section.strip();
    FxTestSupport.waitFor(
        "the strip laid out",
        10,
        () -> strip.getWidth() > 100 && strip.centreOf(ModelStrip.Stage.OUTPUT) != null);
    GateTrace tr = FxTestSupport.onFx(() -> wb.insideVm.traceProperty().get());
    float[] img = FxTestSupport.onFx(() -> wb.insideVm.inputProperty().get());
    assertEquals(
        java.util.Arrays.toString(java.util.Arrays.copyOfRange(img, 19 * 28, 20 * 28)),
        java.util.Arrays.toString(strip.values(ModelStrip.Stage.INPUT)));
    assertEquals(
        java.util.Arrays.toString(tr.projected()[19]),
        java.util.Arrays.toString(strip.values(ModelStrip.Stage.PROJECTION)));
    assertEquals(
        java.util.Arrays.toString(tr.top(Quantity.HIDDEN)[19]),
        java.util.Arrays.toString(strip.values(ModelStrip.Stage.RECURRENT)));
    assertEquals(
        java.util.Arrays.toString(tr.stepProbabilities()[19]),
        java.util.Arrays.toString(strip.values(ModelStrip.Stage.OUTPUT)));
    // Its CSV (right-click) holds the same numbers: a⟨t⟩'s unit 7 and P(7 | rows 1..20).
    var csv = FxTestSupport.onFx(strip::csv);
    assertEquals(
        Float.toString(tr.top(Quantity.HIDDEN)[19][7]),
        csv.rows().stream()
            .filter(r -> r.get(0).equals("a⟨t⟩") && r.get(1).equals("7"))
            .findFirst()
            .orElseThrow()
            .get(2));
    assertEquals(
        28 + tr.projected()[19].length + tr.hidden() + 10, csv.rows().size(), "every value");
    double[] c = FxTestSupport.onFx(() -> strip.centreOf(ModelStrip.Stage.RECURRENT));
    robot.clickOn(FxTestSupport.onFx(() -> strip.localToScreen(c[0], c[1])));
    FxTestSupport.waitFor(
        "back to the maps", 5, () -> section.shownProperty().get() == CellSection.Shown.MAPS);
  }
}
