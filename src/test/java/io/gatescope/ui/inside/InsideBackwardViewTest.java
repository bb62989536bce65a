package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.BackwardTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.Softmax;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Heatmap;
import io.gatescope.ui.common.StepStrip;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Inside's Backward view on the real window, checked against the engine's own backward trace. */
class InsideBackwardViewTest extends WorkbenchTestBase {

  @Override
  protected String workspace() {
    return "Inside";
  }

  private InsideView inside() throws Exception {
    return FxTestSupport.onFx(() -> (InsideView) wb.shell.getScene().lookup("#inside-view"));
  }

  /** Shows test image i, switches to Backward with the toggle, waits for its maps. */
  private BackwardTrace showBackward(FxRobot robot, int i) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(i));
    FxTestSupport.waitFor("six maps", 30, () -> wb.insideVm.maps().size() == 6);
    robot.clickOn(FxTestSupport.centre(robot, Messages.get("inside.view.backward")));
    FxTestSupport.waitFor("six gradient maps", 30, () -> wb.backwardVm.maps().size() == 6);
    return FxTestSupport.onFx(wb.backwardVm::trace);
  }

  /** The engine's backward trace of the shown input, made here on a copy of the model. */
  private BackwardTrace reference(int target) throws Exception {
    float[] in = FxTestSupport.onFx(() -> wb.session.inputProperty().get());
    RecurrentClassifier m = FxTestSupport.onFx(() -> wb.session.modelProperty().get());
    return m.copy().backwardTrace(in, target);
  }

  private static void laidOut(Heatmap hm) throws Exception {
    FxTestSupport.waitFor(
        "map laid out with data",
        10,
        () -> {
          if (hm.getWidth() < 60 || !InsideViewTest.shown(hm)) {
            return false;
          }
          Point2D last = hm.centerOf(28, 0);
          return hm.cellAt(last.getX(), last.getY()) != null;
        });
  }

  @Test
  void backwardShowsTheGradientsOfTheShownDigitForItsTrueDigit(FxRobot robot) throws Exception {
    BackwardTrace shown = showBackward(robot, 0);
    int label = FxTestSupport.onFx(() -> wb.session.inputLabelProperty().get());
    assertEquals(label, shown.target(), "the default target is the true digit");
    ComboBox<?> chooser = robot.lookup("#inside-back-target").queryAs(ComboBox.class);
    assertEquals(
        Messages.get("inside.back.target.true", label),
        FxTestSupport.onFx(() -> chooser.getValue().toString()));
    BackwardTrace ref = reference(label);
    int[] order = FxTestSupport.onFx(() -> wb.insideVm.orderProperty().get());
    for (Quantity q : new Quantity[] {Quantity.UPDATE, Quantity.FORGET, Quantity.CELL}) {
      Heatmap hm = FxTestSupport.onFx(() -> inside().backwardHeatmap(q));
      assertNotNull(hm, "a map of ∂L/∂" + q.symbol());
      laidOut(hm);
      for (int[] at : new int[][] {{1, 0}, {14, 3}, {28, 7}}) {
        Heatmap.Cell c =
            FxTestSupport.onFx(
                () -> {
                  Point2D p = hm.centerOf(at[0], at[1]);
                  return hm.cellAt(p.getX(), p.getY());
                });
        assertEquals(order[at[1]], c.unit());
        assertEquals(ref.top(q)[at[0] - 1][c.unit()], c.value(), 0f, q + " at " + at[0]);
      }
    }
    // The forward maps are hidden, the read-out names the gradient and its exact value.
    Heatmap forget = FxTestSupport.onFx(() -> inside().backwardHeatmap(Quantity.FORGET));
    robot.moveTo(FxTestSupport.onFx(() -> forget.localToScreen(forget.centerOf(20, 2))));
    FxTestSupport.waitFor(
        "read-out over the gradient map",
        10,
        () ->
            robot.lookup(".hover-readout").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().startsWith("∂L/∂Γf · unit ")));
    Label loss = robot.lookup("#inside-back-loss").queryAs(Label.class);
    assertEquals(
        Messages.get(
            "inside.back.loss",
            label,
            BackwardEquations.g(ref.loss()),
            BackwardEquations.g(ref.probability())),
        FxTestSupport.onFx(loss::getText));
  }

  @Test
  void theTargetChooserChangesTheTargetAndTheLoss(FxRobot robot) throws Exception {
    BackwardTrace first = showBackward(robot, 0);
    int other = (first.target() + 3) % 10;
    robot.clickOn(FxTestSupport.centre(robot, "#inside-back-target"));
    FxTestSupport.waitFor(
        "the chooser's list",
        10,
        () -> robot.lookup(".combo-box-popup .list-cell").queryAll().size() >= 10);
    javafx.scene.control.ListCell<?> cell =
        robot
            .lookup(".combo-box-popup .list-cell")
            .queryAllAs(javafx.scene.control.ListCell.class)
            .stream()
            .filter(c -> Integer.toString(other).equals(c.getText()))
            .findFirst()
            .orElseThrow();
    robot.clickOn(FxTestSupport.centre(cell));
    FxTestSupport.waitFor(
        "the trace for the chosen target", 30, () -> wb.backwardVm.trace().target() == other);
    BackwardTrace ref = reference(other);
    BackwardTrace now = FxTestSupport.onFx(wb.backwardVm::trace);
    assertEquals(ref.loss(), now.loss(), 0);
    assertTrue(now.loss() > first.loss(), "another digit than the true one costs more");
    Label loss = robot.lookup("#inside-back-loss").queryAs(Label.class);
    assertEquals(
        Messages.get(
            "inside.back.loss",
            other,
            BackwardEquations.g(ref.loss()),
            BackwardEquations.g(ref.probability())),
        FxTestSupport.onFx(loss::getText));
    Heatmap hidden = FxTestSupport.onFx(() -> inside().backwardHeatmap(Quantity.HIDDEN));
    laidOut(hidden);
    Heatmap.Cell c =
        FxTestSupport.onFx(
            () -> {
              Point2D p = hidden.centerOf(28, 1);
              return hidden.cellAt(p.getX(), p.getY());
            });
    assertEquals(ref.top(Quantity.HIDDEN)[27][c.unit()], c.value(), 0f);
  }

  @Test
  void theTriangleAndTheStripSelectTheSameStep(FxRobot robot) throws Exception {
    showBackward(robot, 2);
    ConnectivityTriangle tri =
        robot.lookup("#inside-back-triangle").queryAs(ConnectivityTriangle.class);
    // The left column scrolls on short windows: the triangle is its last part.
    FxTestSupport.run(
        () -> {
          for (javafx.scene.Node p = tri; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp) {
              sp.setVvalue(sp.getVmax());
            }
          }
        });
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(FxTestSupport.onFx(() -> tri.localToScreen(tri.centreOf(5, 2))));
    FxTestSupport.waitFor(
        "timestep 5 from the triangle", 10, () -> wb.session.timestepProperty().get() == 5);
    // Inside's own strip (Draw has one too, hidden in its tab).
    StepStrip strip = robot.lookup("#inside-strip").queryAs(StepStrip.class);
    var probs = FxTestSupport.onFx(() -> wb.insideVm.traceProperty().get().stepProbabilities());
    int best = Softmax.argmax(probs[4]);
    assertEquals(
        Messages.get("a11y.strip", 5, best, 100 * probs[4][best]),
        FxTestSupport.onFx(strip::getAccessibleText),
        "the strip marks step 5 too");
    assertEquals(5, FxTestSupport.onFx(tri::marked));
    robot.clickOn(FxTestSupport.onFx(() -> strip.localToScreen(strip.columnCentre(12), 20)));
    FxTestSupport.waitFor("step 12 marked on the triangle", 10, () -> tri.marked() == 12);
  }

  @Test
  void theOcclusionBarsShowTheTracesValues(FxRobot robot) throws Exception {
    BackwardTrace shown = showBackward(robot, 0);
    BackwardTrace ref = reference(shown.target());
    RowAttribution rows = robot.lookup("#inside-back-rows").queryAs(RowAttribution.class);
    for (int s : new int[] {4, 13, 20}) {
      robot.moveTo(FxTestSupport.onFx(() -> rows.localToScreen(20, rows.rowCentre(s))));
      String want =
          Messages.get(
              "inside.back.occlusion.hover",
              s + 1,
              shown.target(),
              TraceTexts.exact(ref.rowOcclusion()[s]));
      FxTestSupport.waitFor(
          "row " + (s + 1) + " read out", 10, () -> rows.readOutProperty().get().equals(want));
    }
  }

  @Test
  void withInterventionsBackwardSaysItShowsTheModelsOwnGradients(FxRobot robot) throws Exception {
    BackwardTrace plain = showBackward(robot, 1);
    Label note = robot.lookup("#inside-back-note").queryAs(Label.class);
    assertFalse(FxTestSupport.onFx(() -> InsideViewTest.shown(note)), "no note without one");
    FxTestSupport.run(
        () -> {
          wb.insideVm.select(5, 7);
          wb.insideVm.clampGateProperty().set(Quantity.FORGET);
          wb.insideVm.clampValueProperty().set(0.0);
          wb.insideVm.clampSelectedOnlyProperty().set(false);
          wb.insideVm.applyClamp();
        });
    FxTestSupport.waitFor("the note", 10, () -> InsideViewTest.shown(note));
    assertEquals(Messages.get("inside.back.interventions", 1), FxTestSupport.onFx(note::getText));
    BackwardTrace ref = reference(plain.target());
    assertEquals(ref.loss(), FxTestSupport.onFx(wb.backwardVm::trace).loss(), 0);
    FxTestSupport.run(() -> wb.insideVm.resetInterventions());
    FxTestSupport.waitFor("no note", 10, () -> !InsideViewTest.shown(note));
  }

  @Test
  void playLetsTheGradientArriveFromTheLastStepBackToTheFirst(FxRobot robot) throws Exception {
    showBackward(robot, 0);
    Heatmap cell = FxTestSupport.onFx(() -> inside().backwardHeatmap(Quantity.CELL));
    laidOut(cell);
    robot.clickOn(FxTestSupport.centre(robot, "#inside-back-play"));
    // Part of the way: the steps not reached yet are blank, the reached ones show the trace.
    FxTestSupport.waitFor(
        "the gradient half way back",
        30,
        () -> {
          int f = wb.backwardVm.frontierProperty().get();
          return f > 2 && f < 20 && wb.session.timestepProperty().get() == f;
        });
    // The maps and the frontier in one FX call: Play moves on between two calls.
    record Frame(float[][] shown, int frontier) {}
    Frame frame =
        FxTestSupport.onFx(
            () ->
                new Frame(
                    wb.backwardVm.maps().stream()
                        .filter(m -> m.quantity() == Quantity.CELL)
                        .findFirst()
                        .orElseThrow()
                        .values(), // a copy made for that frontier (BackwardMaps)
                    wb.backwardVm.frontierProperty().get()));
    float[][] shown = frame.shown();
    int f = frame.frontier();
    BackwardTrace bt = FxTestSupport.onFx(wb.backwardVm::trace);
    assertTrue(Float.isNaN(shown[0][0]), "step 1 not reached yet");
    assertEquals(bt.top(Quantity.CELL)[27][0], shown[27][0], 0f);
    assertTrue(f >= 1 && Float.isNaN(shown[f - 2][0]) && !Float.isNaN(shown[f - 1][0]));
    FxTestSupport.waitFor(
        "every step reached",
        30,
        () ->
            wb.session.timestepProperty().get() == 1
                && wb.backwardVm.frontierProperty().get() == 1
                && !Float.isNaN(wb.backwardVm.maps().get(0).values()[0][0]));
  }

  @Test
  void ctrlShiftBSwitchesBetweenForwardAndBackward(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(0));
    FxTestSupport.waitFor("six maps", 30, () -> wb.insideVm.maps().size() == 6);
    CellSection section = FxTestSupport.onFx(() -> inside().cellSection());
    robot.clickOn(FxTestSupport.centre(robot, "#inside-equations")); // the focus in Inside
    robot
        .press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT)
        .press(javafx.scene.input.KeyCode.B)
        .release(javafx.scene.input.KeyCode.B)
        .release(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
    FxTestSupport.waitFor(
        "Backward with its maps",
        30,
        () ->
            section.shownProperty().get() == CellSection.Shown.BACKWARD
                && wb.backwardVm.maps().size() == 6);
    robot
        .press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT)
        .press(javafx.scene.input.KeyCode.B)
        .release(javafx.scene.input.KeyCode.B)
        .release(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
    FxTestSupport.waitFor(
        "Forward again", 10, () -> section.shownProperty().get() == CellSection.Shown.MAPS);
  }
}
