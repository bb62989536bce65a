package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.UnitOrder;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Heatmap;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class InsideViewTest extends WorkbenchTestBase {

  @Override
  protected String workspace() {
    return "Inside";
  }

  InsideView inside() throws Exception {
    return FxTestSupport.onFx(() -> (InsideView) wb.shell.getScene().lookup("#inside-view"));
  }

  /** Visible with all its parents. */
  static boolean shown(javafx.scene.Node n) {
    for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }

  GateTrace showTestImage(int i) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(i));
    FxTestSupport.waitFor("six maps", 30, () -> wb.insideVm.maps().size() == 6);
    return FxTestSupport.onFx(() -> wb.insideVm.traceProperty().get());
  }

  @Test
  void hoverShowsTheExactValueAtThePointerAndGoesWhenTheInputChanges(FxRobot robot)
      throws Exception {
    GateTrace tr = showTestImage(0);
    Heatmap forget = robot.lookup("#map-forget").queryAs(Heatmap.class);
    assertNotNull(forget);
    // The maps list changes before the next layout pulse sizes and fills the canvas.
    FxTestSupport.waitFor(
        "forget map laid out with data",
        10,
        () -> {
          if (forget.getWidth() < 100) {
            return false;
          }
          Point2D last = forget.centerOf(28, 0);
          return forget.cellAt(last.getX(), last.getY()) != null;
        });
    // The cell at step 10 and display row 5, from the map's own geometry.
    Heatmap.Cell cell =
        FxTestSupport.onFx(
            () -> {
              Point2D c = forget.centerOf(10, 5);
              return forget.cellAt(c.getX(), c.getY());
            });
    int unit = FxTestSupport.onFx(() -> wb.insideVm.orderProperty().get()[5]);
    assertEquals(10, cell.step());
    assertEquals(unit, cell.unit());
    assertEquals(tr.top(Quantity.FORGET)[9][unit], cell.value(), 0f);

    robot.moveTo(FxTestSupport.onFx(() -> forget.localToScreen(forget.centerOf(10, 5))));
    // Where the pointer really is (whole pixels), and the cell the map says is there.
    Point2D mouse = robot.robotContext().getBaseRobot().retrieveMouse();
    Heatmap.Cell under =
        FxTestSupport.onFx(
            () -> {
              Point2D local = forget.screenToLocal(mouse);
              return forget.cellAt(local.getX(), local.getY());
            });
    assertEquals(tr.top(Quantity.FORGET)[under.step() - 1][under.unit()], under.value(), 0f);
    Label hover = robot.lookup("#inside-hover").queryAs(Label.class);
    FxTestSupport.waitFor(
        "read-out of the cell under the pointer",
        10,
        () ->
            hover.isVisible()
                && hover
                    .getText()
                    .startsWith("Γf · unit " + under.unit() + " · t = " + under.step() + " · "));
    String text = FxTestSupport.onFx(hover::getText);
    float shown = Float.parseFloat(text.substring(text.lastIndexOf(' ') + 1));
    assertEquals(under.value(), shown, 0f, "the exact value: " + text);
    // At the pointer, over the map: its top-left corner is a few pixels from the mouse.
    javafx.geometry.Bounds b =
        FxTestSupport.onFx(() -> hover.localToScreen(hover.getBoundsInLocal()));
    assertTrue(
        Math.abs(b.getMinX() - mouse.getX()) < 40 || Math.abs(b.getMaxX() - mouse.getX()) < 40,
        "read-out next to the pointer: " + b + " mouse " + mouse);
    assertTrue(
        Math.abs(b.getMinY() - mouse.getY()) < 40 || Math.abs(b.getMaxY() - mouse.getY()) < 40,
        "read-out next to the pointer: " + b + " mouse " + mouse);
    assertTrue(
        FxTestSupport.onFx(
                () -> forget.getParent().localToScreen(forget.getParent().getBoundsInLocal()))
            .intersects(b),
        "over the map");

    // A new input: the read-out belonged to the old one and goes at once.
    FxTestSupport.run(() -> wb.session.showTestImage(3));
    assertFalse(FxTestSupport.onFx(hover::isVisible));
    assertEquals("", FxTestSupport.onFx(hover::getText));
  }

  @Test
  void hoverGoesWhenTheUnitsAreReorderedOrAnInterventionChangesTheTrace() throws Exception {
    showTestImage(0);
    Label hover = FxTestSupport.onFx(() -> (Label) wb.shell.getScene().lookup("#inside-hover"));
    FxTestSupport.run(() -> wb.insideVm.hoverAt(Quantity.FORGET, 3, 4, 0.5f));
    assertTrue(FxTestSupport.onFx(hover::isVisible));
    FxTestSupport.run(() -> wb.insideVm.orderKindProperty().set(UnitOrder.MEAN));
    assertFalse(FxTestSupport.onFx(hover::isVisible), "reordered");
    FxTestSupport.run(
        () -> {
          wb.insideVm.select(3, 4);
          wb.insideVm.hoverAt(Quantity.FORGET, 3, 4, 0.5f);
        });
    assertTrue(FxTestSupport.onFx(hover::isVisible));
    FxTestSupport.run(wb.insideVm::silenceSelected);
    assertFalse(FxTestSupport.onFx(hover::isVisible), "intervention");
  }

  @Test
  void unitTicksNameTheRealUnitsAfterReordering(FxRobot robot) throws Exception {
    showTestImage(2);
    FxTestSupport.run(() -> wb.insideVm.orderKindProperty().set(UnitOrder.MEAN));
    int[] order = FxTestSupport.onFx(() -> wb.insideVm.orderProperty().get().clone());
    assertFalse(Arrays.equals(order, java.util.stream.IntStream.range(0, order.length).toArray()));
    for (Quantity q : new Quantity[] {Quantity.FORGET, Quantity.CELL}) {
      Heatmap hm = FxTestSupport.onFx(() -> inside().heatmap(q));
      FxTestSupport.waitFor("laid out", 10, () -> hm.getHeight() > 60);
      int[] rows = FxTestSupport.onFx(hm::labelledRows);
      assertTrue(rows.length >= 4, "at least four unit numbers: " + rows.length);
      int every = rows[1] - rows[0];
      assertTrue(every == 8 || every == 16, "every 8th or 16th unit here, not " + every);
      for (int row : rows) {
        assertEquals(
            Integer.toString(order[row]),
            FxTestSupport.onFx(() -> hm.unitLabel(row)),
            "row " + row + " is labelled with the unit shown there");
      }
      // The labelled row really shows that unit's values.
      Point2D c = FxTestSupport.onFx(() -> hm.centerOf(1, rows[1]));
      assertEquals(order[rows[1]], FxTestSupport.onFx(() -> hm.cellAt(c.getX(), c.getY())).unit());
    }
  }

  @Test
  void anInterventionShowsThePredictionBeforeAndAfterAsComputed(FxRobot robot) throws Exception {
    GateTrace plain = showTestImage(1);
    Label before = robot.lookup("#inside-prediction-before").queryAs(Label.class);
    Label after = robot.lookup("#inside-prediction-after").queryAs(Label.class);
    assertFalse(FxTestSupport.onFx(() -> shown(before)), "nothing to compare without one");
    FxTestSupport.run(
        () -> {
          wb.insideVm.select(5, 7);
          wb.insideVm.clampGateProperty().set(Quantity.FORGET);
          wb.insideVm.clampValueProperty().set(0.0);
          wb.insideVm.clampSelectedOnlyProperty().set(false);
          wb.insideVm.applyClamp();
        });
    FxTestSupport.waitFor(
        "before and after", 30, () -> after.isVisible() && !after.getText().isEmpty());
    GateTrace tr = FxTestSupport.onFx(() -> wb.insideVm.traceProperty().get());
    float[] input = FxTestSupport.onFx(() -> wb.session.inputProperty().get());
    GateTrace fresh = wb.session.modelProperty().get().copy().trace(input);
    assertTrue(FxTestSupport.onFx(() -> shown(before)));
    assertEquals(
        Messages.get(
            "inside.before", fresh.prediction(), 100 * fresh.probabilities()[fresh.prediction()]),
        FxTestSupport.onFx(before::getText));
    assertEquals(
        Messages.get("inside.after", tr.prediction(), 100 * tr.probabilities()[tr.prediction()]),
        FxTestSupport.onFx(after::getText));
    assertEquals(plain.prediction(), fresh.prediction());
    assertEquals(1, tr.interventions().size());
    // The equations of the selected cell say the clamp replaced the computed gate.
    String eq = FxTestSupport.onFx(() -> inside().equationsText());
    assertTrue(eq.contains("→ clamped to 0.000 (your intervention)"), eq);
    float pre = tr.preActivation(0, Quantity.FORGET)[4][7];
    assertTrue(eq.contains("Γf = σ(" + String.format("%.3f", pre) + ")"), eq);

    FxTestSupport.run(wb.insideVm::resetInterventions);
    FxTestSupport.waitFor("back to one prediction", 30, () -> !shown(before));
  }

  @Test
  void theCandidateIsDrawnWithItsTildeInTheEquations() throws Exception {
    showTestImage(0);
    FxTestSupport.run(() -> wb.insideVm.select(4, 2));
    EquationText eq =
        FxTestSupport.onFx(() -> (EquationText) wb.shell.getScene().lookup("#inside-equations"));
    FxTestSupport.onFx(
        () -> {
          long tildes = eq.getChildren().stream().filter(n -> n instanceof TildeC).count();
          assertEquals(2, tildes, "c̃⟨t⟩ = tanh(…) and Γu⊙c̃⟨t⟩");
          for (javafx.scene.Node n : eq.getChildren()) {
            if (n instanceof javafx.scene.text.Text t) {
              assertFalse(t.getText().contains("c\u0303"), "no combining tilde left to the font");
            }
          }
          return null;
        });
  }

  @Test
  void theGateStatisticsPlotIsLargeWithWholeAxisTitles(FxRobot robot) throws Exception {
    showTestImage(0);
    GateScatter scatter =
        FxTestSupport.onFx(() -> (GateScatter) wb.shell.getScene().lookup("#inside-scatter"));
    FxTestSupport.waitFor("laid out", 10, () -> scatter.getWidth() > 0);
    assertTrue(FxTestSupport.onFx(scatter::getWidth) >= 220, "width " + scatter.getWidth());
    assertTrue(FxTestSupport.onFx(scatter::getHeight) >= 220, "height " + scatter.getHeight());
    assertTrue(FxTestSupport.onFx(scatter::axisTitlesFit), "axis titles whole");
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

  /** The clamp value is three segments side by side: a click chooses one, and one stays chosen. */
  @Test
  void theClampValueIsChosenBySegmentsAndNeverLeftEmpty(FxRobot robot) throws Exception {
    showTestImage(0);
    var half =
        robot
            .lookup("#inside-clamp-value .toggle-button")
            .match((javafx.scene.control.ToggleButton b) -> "0.5".equals(b.getText()))
            .queryAs(javafx.scene.control.ToggleButton.class);
    assertEquals(0.0, FxTestSupport.onFx(() -> wb.insideVm.clampValueProperty().get()));
    robot.clickOn(FxTestSupport.centre(half));
    FxTestSupport.waitFor("0.5 chosen", 5, () -> wb.insideVm.clampValueProperty().get() == 0.5);
    robot.clickOn(FxTestSupport.centre(half)); // again: stays chosen
    assertTrue(FxTestSupport.onFx(half::isSelected), "one value stays chosen");
    assertEquals(0.5, FxTestSupport.onFx(() -> wb.insideVm.clampValueProperty().get()));
    // The other way: the value set elsewhere shows as its segment.
    FxTestSupport.run(() -> wb.insideVm.clampValueProperty().set(1.0));
    assertEquals(
        java.util.List.of("1"),
        FxTestSupport.onFx(
            () ->
                robot
                    .lookup("#inside-clamp-value .toggle-button")
                    .queryAllAs(javafx.scene.control.ToggleButton.class)
                    .stream()
                    .filter(javafx.scene.control.ToggleButton::isSelected)
                    .map(javafx.scene.control.ToggleButton::getText)
                    .toList()));
  }

  @Test
  void choosingAnotherValueWhileAGateIsClampedChangesTheClampInForce(FxRobot robot)
      throws Exception {
    showTestImage(0);
    FxTestSupport.run(
        () -> {
          wb.insideVm.clampValueProperty().set(0.5);
          wb.insideVm.applyClamp();
        });
    // The clamp's trace in first: it lists the clamp under the buttons, moving them.
    FxTestSupport.waitFor(
        "the clamp's trace",
        30,
        () ->
            wb.insideVm.traceProperty().get() != null
                && !wb.insideVm.traceProperty().get().interventions().isEmpty());
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    var one =
        robot
            .lookup("#inside-clamp-value .toggle-button")
            .match((javafx.scene.control.ToggleButton b) -> "1".equals(b.getText()))
            .queryAs(javafx.scene.control.ToggleButton.class);
    robot.clickOn(FxTestSupport.centre(one));
    FxTestSupport.waitFor(
        "the clamp follows the lit value",
        5,
        () -> {
          var list = List.copyOf(wb.insideVm.interventions());
          return list.size() == 1 && list.get(0).value() == 1f;
        });
    FxTestSupport.run(() -> wb.insideVm.resetInterventions());
  }
}
