package io.gatescope.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.lesson.LessonFile;
import io.gatescope.core.lesson.LessonStep;
import io.gatescope.core.lesson.LiveNumbers;
import io.gatescope.core.lesson.ShippedLessons;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The lesson bar on the real window: a teacher records three steps, writes their captions in place,
 * saves, and a student reopens the file and finds the same state at every step; checks follow the
 * state live; a step's hidden controls are hidden, and shown again after it.
 */
class LessonBarTest extends WorkbenchTestBase {
  @TempDir Path dir;

  @Override
  protected String workspace() {
    return "inside";
  }

  /** What a step must bring back. */
  record State(
      Workspace workspace, int testIndex, int timestep, int unit, List<Intervention> ivs) {}

  private State state() throws Exception {
    return FxTestSupport.onFx(
        () ->
            new State(
                wb.shell.selectedWorkspace(),
                wb.session.testIndexProperty().get(),
                wb.session.timestepProperty().get(),
                wb.insideVm.selectedUnitProperty().get(),
                new ArrayList<>(wb.insideVm.interventions())));
  }

  private void showAndWait(int testIndex) throws Exception {
    FxTestSupport.run(() -> wb.session.showTestImage(testIndex));
    FxTestSupport.waitFor(
        "the trace of test image " + testIndex,
        30,
        () -> wb.insideVm.traceProperty().get() != null && wb.insideVm.maps().size() == 6);
  }

  private void settle() throws Exception {
    FxTestSupport.waitFor("the step's trace", 30, () -> wb.lessonVm.settledProperty().get());
  }

  private static boolean shown(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return n.getScene() != null;
  }

  /**
   * Step to step through each shipped lesson the bar keeps its height, so the workspace under it
   * stays put; each step's caption, question and check lie whole inside the bar. At 1024×600 and
   * 1366×768, and in presenter mode.
   */
  @Test
  void theBarKeepsItsHeightFromStepToStep() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    javafx.stage.Stage stage =
        FxTestSupport.onFx(() -> (javafx.stage.Stage) wb.shell.getScene().getWindow());
    List<String> problems = new ArrayList<>();
    for (int[] c : new int[][] {{1024, 600, 0}, {1366, 768, 0}, {1024, 600, 150}}) {
      FxTestSupport.windowAt(stage, wb.shell.presenter(), c[0], c[1], c[2]);
      for (String id : ShippedLessons.ids()) {
        var lesson = ShippedLessons.load(id);
        FxTestSupport.run(() -> wb.lessonVm.open(lesson));
        java.util.Set<Double> heights = new java.util.TreeSet<>();
        for (int k = 0; k < lesson.steps().size(); k++) {
          int step = k;
          FxTestSupport.run(() -> wb.lessonVm.go(step));
          settle();
          FxTestSupport.waitFor(
              "the check",
              30,
              () ->
                  lesson.steps().get(step).check().isEmpty()
                      || wb.lessonVm.holdsProperty().get() != null);
          String where = c[0] + "×" + c[1] + " " + c[2] + "% " + id + " step " + (k + 1) + ": ";
          heights.add(
              FxTestSupport.onFx(
                  () -> {
                    wb.shell.getScene().getRoot().layout();
                    javafx.geometry.Bounds bar =
                        wb.lessonBar.localToScene(wb.lessonBar.getLayoutBounds());
                    for (String part :
                        List.of("#lesson-caption", "#lesson-question", "#lesson-check")) {
                      Node n = wb.lessonBar.lookup(part);
                      javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                      if (n.isVisible() && b.getMaxY() > bar.getMaxY() + 0.5) {
                        problems.add(
                            where
                                + part
                                + " ends at "
                                + b.getMaxY()
                                + ", the bar at "
                                + bar.getMaxY());
                      }
                    }
                    return Math.round(bar.getHeight() * 10) / 10.0;
                  }));
        }
        if (heights.size() != 1) {
          problems.add(
              c[0] + "×" + c[1] + " " + c[2] + "% " + id + ": the bar's heights " + heights);
        }
        FxTestSupport.run(wb.lessonVm::close);
      }
    }
    FxTestSupport.run(() -> wb.shell.presenter().setOn(false));
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void aTeacherRecordsEditsSavesAndAStudentWalksTheSameSteps(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    List<State> recorded = new ArrayList<>();
    // step 1: Inside, test image 3, Γf of unit 5 clamped to 0, row 12
    showAndWait(3);
    FxTestSupport.run(
        () -> {
          wb.insideVm.select(12, 5);
          wb.insideVm.clampGateProperty().set(Quantity.FORGET);
          wb.insideVm.clampValueProperty().set(0.0);
          wb.insideVm.clampSelectedOnlyProperty().set(true);
          wb.insideVm.applyClamp();
        });
    recorded.add(state());
    // No lesson yet: File ▸ Record lesson step starts one.
    FxTestSupport.run(
        () ->
            ((javafx.scene.control.MenuBar) wb.shell.getTop().lookup(".menu-bar"))
                .getMenus().get(0).getItems().stream()
                    .filter(i -> "menu-record-step".equals(i.getId()))
                    .findFirst()
                    .orElseThrow()
                    .fire());
    FxTestSupport.waitFor("the bar", 10, () -> wb.lessonVm.lessonProperty().get() != null);
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-edit"));
    robot
        .clickOn(FxTestSupport.centre(robot, "#lesson-caption-edit"))
        .write("Watch the forget gate.");
    robot.type(KeyCode.ENTER);
    // step 2: Draw, test image 0, row 7, no interventions
    FxTestSupport.run(
        () -> {
          wb.insideVm.resetInterventions();
          wb.shell.select(Workspace.DRAW);
        });
    showAndWait(0);
    FxTestSupport.run(() -> wb.insideVm.select(7, -1));
    recorded.add(state());
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-record"));
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-edit"));
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-caption-edit")).write("Seven rows read.");
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-question-edit")).write("What does it say?");
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-edit"));
    // step 3: Inside, test image 1, unit 3 silenced, row 28
    FxTestSupport.run(() -> wb.shell.select(Workspace.INSIDE));
    showAndWait(1);
    FxTestSupport.run(
        () -> {
          wb.insideVm.select(28, 3);
          wb.insideVm.silenceSelected();
        });
    recorded.add(state());
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-record"));
    FxTestSupport.run(() -> wb.lessonVm.authoring().editCaption("Unit 3 silenced."));
    assertEquals(
        "step 3 of 3",
        FxTestSupport.onFx(
            () -> ((Label) wb.shell.getScene().lookup("#lesson-position")).getText()));
    assertTrue(FxTestSupport.onFx(() -> wb.lessonVm.authoring().unsavedProperty().get()));

    Path file = dir.resolve("class.gslesson");
    FxTestSupport.run(() -> wb.lessonVm.authoring().save(file));
    FxTestSupport.waitFor(
        "the saved file", 30, () -> !wb.lessonVm.authoring().unsavedProperty().get());
    assertTrue(Files.isRegularFile(file));
    assertEquals(3, LessonFile.read(file).steps().size());

    // A student: a fresh state, then the file.
    FxTestSupport.run(
        () -> {
          wb.lessonVm.close();
          wb.insideVm.resetInterventions();
          wb.shell.select(Workspace.EVALUATE);
        });
    showAndWait(9);
    assertTrue(FxTestSupport.onFx(() -> wb.lessonVm.openFile(file)));
    List<String> captions =
        List.of("Watch the forget gate.", "Seven rows read.", "Unit 3 silenced.");
    for (int k = 0; k < 3; k++) {
      int step = k;
      FxTestSupport.run(() -> wb.lessonVm.go(step));
      settle();
      assertEquals(recorded.get(k), state(), "step " + (k + 1));
      assertEquals(
          captions.get(k),
          FxTestSupport.onFx(
              () -> wb.shell.getScene().lookup("#lesson-caption").getAccessibleText()));
    }
    FxTestSupport.run(() -> wb.lessonVm.go(1));
    settle();
    assertEquals(
        "What does it say?",
        FxTestSupport.onFx(
            () -> wb.shell.getScene().lookup("#lesson-question").getAccessibleText()));
    // Page Up goes back a step, Page Down forward
    robot.type(KeyCode.PAGE_UP);
    FxTestSupport.waitFor("step 1", 10, () -> wb.lessonVm.indexProperty().get() == 0);
    robot.type(KeyCode.PAGE_DOWN);
    FxTestSupport.waitFor("step 2", 10, () -> wb.lessonVm.indexProperty().get() == 1);
  }

  @Test
  void checksFollowTheStateAndHiddenControlsAreHidden(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    Node stats = robot.lookup("#inside-stats").query();
    assertTrue(FxTestSupport.onFx(() -> shown(stats)));
    var forget = ShippedLessons.load("forget-gate");
    FxTestSupport.run(() -> wb.lessonVm.open(forget));
    settle();
    FxTestSupport.waitFor("the check", 30, () -> wb.lessonVm.holdsProperty().get() != null);
    assertFalse(FxTestSupport.onFx(() -> shown(stats)), "step 1 hides the statistics button");
    assertTrue(FxTestSupport.onFx(() -> stats.isManaged()) == false);
    assertEquals(Boolean.TRUE, FxTestSupport.onFx(() -> wb.lessonVm.holdsProperty().get()));

    // step 2: Γf of unit 16 clamped to 0 holds; reset the interventions and it no longer does
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-next"));
    settle();
    FxTestSupport.waitFor("the check", 30, () -> wb.lessonVm.holdsProperty().get() != null);
    assertEquals(Boolean.TRUE, FxTestSupport.onFx(() -> wb.lessonVm.holdsProperty().get()));
    FxTestSupport.run(wb.insideVm::resetInterventions);
    FxTestSupport.waitFor(
        "the check after the reset",
        30,
        () -> Boolean.FALSE.equals(wb.lessonVm.holdsProperty().get()));
    String text =
        FxTestSupport.onFx(() -> ((Label) wb.shell.getScene().lookup("#lesson-check")).getText());
    assertTrue(
        text.contains("Γf of unit 16 is clamped to 0.0") && text.contains("not clamped"), text);

    // step 3: Γf = 0 for all units changes the prediction
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-next"));
    settle();
    FxTestSupport.waitFor("the check", 30, () -> wb.lessonVm.holdsProperty().get() != null);
    assertEquals(Boolean.TRUE, FxTestSupport.onFx(() -> wb.lessonVm.holdsProperty().get()));

    // reading-a-seven, last step: P(7 | rows 1..t) > 0.9 holds from row 20, not at row 19
    var seven = ShippedLessons.load("reading-a-seven");
    FxTestSupport.run(
        () -> {
          wb.lessonVm.open(seven);
          wb.lessonVm.go(4);
        });
    settle();
    assertTrue(FxTestSupport.onFx(() -> shown(stats)), "this step hides nothing");
    FxTestSupport.waitFor(
        "the check", 30, () -> Boolean.TRUE.equals(wb.lessonVm.holdsProperty().get()));
    FxTestSupport.run(() -> wb.session.setTimestep(19));
    assertEquals(Boolean.FALSE, FxTestSupport.onFx(() -> wb.lessonVm.holdsProperty().get()));
    FxTestSupport.run(() -> wb.session.setTimestep(20));
    assertEquals(Boolean.TRUE, FxTestSupport.onFx(() -> wb.lessonVm.holdsProperty().get()));

    // the Draw steps hide Teach it; closing the lesson shows it again
    FxTestSupport.run(() -> wb.lessonVm.go(0));
    settle();
    Node teach = robot.lookup("#draw-teach").query();
    assertFalse(FxTestSupport.onFx(() -> shown(teach)));
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-close"));
    FxTestSupport.waitFor("the bar gone", 10, () -> wb.lessonVm.lessonProperty().get() == null);
    assertTrue(FxTestSupport.onFx(() -> shown(teach)));
    assertFalse(FxTestSupport.onFx(() -> shown(wb.lessonBar)));
  }

  /**
   * File ▸ Lessons that come with GateScope opens a shipped lesson; written for the shipped model,
   * it puts that model in use over a trained one, and closing it brings the trained one back.
   */
  @Test
  void aShippedLessonOpensFromTheFileMenuWithTheShippedModel() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    WorkbenchFixture.train(wb, WorkbenchFixture.shortRun(640, 500));
    var trained = FxTestSupport.onFx(() -> wb.session.models().currentProperty().get());
    assertFalse(trained.kind() == io.gatescope.ui.common.ModelEntry.Kind.SHIPPED);
    String id = ShippedLessons.ids().get(0);
    javafx.scene.control.MenuItem item =
        FxTestSupport.onFx(() -> menuItem(wb.shell.getTop(), "menu-lesson-" + id));
    assertEquals(ShippedLessons.load(id).title().text(), FxTestSupport.onFx(item::getText));
    FxTestSupport.run(item::fire);
    assertEquals(id, FxTestSupport.onFx(() -> wb.lessonVm.lessonProperty().get().id()));
    assertEquals(
        io.gatescope.ui.common.ModelEntry.Kind.SHIPPED,
        FxTestSupport.onFx(() -> wb.session.models().currentProperty().get().kind()));
    FxTestSupport.run(wb.lessonVm::close);
    assertTrue(FxTestSupport.onFx(() -> wb.session.models().currentProperty().get() == trained));
  }

  /**
   * A shipped step's caption quotes what the model in use computes for the step's setup (its live
   * numbers filled once the step's trace is in), keeps those numbers while the student changes the
   * clamps, and Edit shows the caption as written, its numbers unread.
   */
  @Test
  void aCaptionQuotesTheModelInUseAndKeepsTheStepsNumbers() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.lessonVm.openShipped("forget-gate"));
    FxTestSupport.run(() -> wb.lessonVm.go(1)); // Γf of unit 16 clamped to 0
    settle();
    FxTestSupport.waitFor("the step's numbers", 30, () -> wb.lessonVm.numbersShown());
    LessonStep s = ShippedLessons.load("forget-gate").steps().get(1);
    RecurrentClassifier m = FxTestSupport.onFx(() -> wb.session.modelProperty().get().copy());
    float[] in = FxTestSupport.onFx(() -> wb.session.inputProperty().get());
    GateTrace plain = m.trace(in);
    GateTrace clamped = m.trace(in, s.interventions());
    String caption = FxTestSupport.onFx(() -> wb.lessonVm.captionProperty().get());
    for (float v :
        new float[] {
          clamped.top(Quantity.CELL)[27][16],
          plain.top(Quantity.CELL)[27][16],
          clamped.stepProbabilities()[27][7]
        }) {
      assertTrue(caption.contains(Float.toString(v)), v + " in " + caption);
    }
    assertFalse(caption.contains("{") || caption.contains(LiveNumbers.PENDING), caption);
    // the student takes the clamp away: the caption still speaks of the step's setup
    FxTestSupport.run(() -> wb.insideVm.setInterventions(List.of()));
    FxTestSupport.waitFor(
        "the trace without the clamp",
        30,
        () ->
            wb.insideVm.traceProperty().get() != null
                && wb.insideVm.traceProperty().get().interventions().isEmpty());
    assertEquals(caption, FxTestSupport.onFx(() -> wb.lessonVm.captionProperty().get()));
    // Edit shows the caption as written; Done keeps it so
    FxTestSupport.run(wb.lessonBar::toggleEditing);
    javafx.scene.control.TextArea edit =
        FxTestSupport.onFx(
            () -> (javafx.scene.control.TextArea) wb.lessonBar.lookup("#lesson-caption-edit"));
    assertEquals(s.caption().en(), FxTestSupport.onFx(edit::getText));
    FxTestSupport.run(wb.lessonBar::toggleEditing);
    assertEquals(
        s.caption().en(), FxTestSupport.onFx(() -> wb.lessonVm.currentStep().caption().en()));
    // a number GateScope cannot compute keeps the edit open, and the status bar says why
    FxTestSupport.run(wb.lessonBar::toggleEditing);
    FxTestSupport.run(() -> edit.setText("P = {P(12)}"));
    FxTestSupport.run(wb.lessonBar::toggleEditing);
    assertTrue(FxTestSupport.onFx(edit::isVisible), "still editing");
    assertTrue(
        FxTestSupport.onFx(() -> wb.session.statusProperty().get()).endsWith("a digit is 0 to 9"),
        FxTestSupport.onFx(() -> wb.session.statusProperty().get()));
    assertEquals(
        s.caption().en(), FxTestSupport.onFx(() -> wb.lessonVm.currentStep().caption().en()));
    // Insert a number offers the step's own numbers for the selected unit (16) at t = 28
    FxTestSupport.run(
        () -> {
          edit.setText("c = ");
          edit.positionCaret(4);
        });
    javafx.scene.control.MenuButton insert =
        FxTestSupport.onFx(
            () -> (javafx.scene.control.MenuButton) wb.lessonBar.lookup("#lesson-insert-number"));
    javafx.scene.control.MenuItem c =
        FxTestSupport.onFx(
            () -> {
              insert.show();
              insert.hide();
              return insert.getItems().stream()
                  .filter(i -> i.getText().startsWith("c of unit 16 after row 28 = "))
                  .findFirst()
                  .orElseThrow();
            });
    String computed = Float.toString(clamped.top(Quantity.CELL)[27][16]);
    assertEquals("c of unit 16 after row 28 = " + computed, FxTestSupport.onFx(c::getText));
    FxTestSupport.run(c::fire);
    assertEquals("c = {c[16] @28}", FxTestSupport.onFx(edit::getText));
    FxTestSupport.run(wb.lessonBar::toggleEditing);
    assertEquals("c = " + computed, FxTestSupport.onFx(() -> wb.lessonVm.captionProperty().get()));
    // closing the lesson while the box holds a number GateScope cannot compute leaves editing
    FxTestSupport.run(wb.lessonBar::toggleEditing);
    FxTestSupport.run(() -> edit.setText("{P(12)}"));
    FxTestSupport.run(wb.lessonBar::toggleEditing); // refused: still editing
    FxTestSupport.run(wb.lessonVm::close);
    FxTestSupport.run(() -> wb.lessonVm.openShipped("forget-gate"));
    assertFalse(FxTestSupport.onFx(edit::isVisible), "a lesson opened again is not being edited");
    FxTestSupport.run(wb.lessonVm::close);
  }

  /** A lesson's clamps go with it: closing it gives Inside the interventions it had before. */
  @Test
  void closingALessonTakesItsInterventionsAway() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    Intervention mine = new Intervention(0, Quantity.OUTPUT, new int[] {3}, 1f);
    FxTestSupport.run(() -> wb.insideVm.setInterventions(List.of(mine)));
    FxTestSupport.run(() -> wb.lessonVm.openShipped("forget-gate"));
    FxTestSupport.run(() -> wb.lessonVm.go(1)); // Γf of unit 16 clamped to 0
    assertEquals(
        Quantity.FORGET,
        FxTestSupport.onFx(() -> wb.insideVm.interventions().get(0).quantity()),
        "the step's clamp is on");
    FxTestSupport.run(wb.lessonVm::close);
    assertEquals(List.of(mine), FxTestSupport.onFx(() -> wb.insideVm.interventions()));
  }

  private static javafx.scene.control.MenuItem menuItem(Node menuBar, String id) {
    List<javafx.scene.control.MenuItem> all = new ArrayList<>();
    for (var m : ((javafx.scene.control.MenuBar) menuBar).getMenus()) {
      collect(m, all);
    }
    return all.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
  }

  private static void collect(
      javafx.scene.control.MenuItem i, List<javafx.scene.control.MenuItem> out) {
    out.add(i);
    if (i instanceof javafx.scene.control.Menu m) {
      m.getItems().forEach(c -> collect(c, out));
    }
  }
}
