package io.gatescope.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.lesson.DrawingPicture;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.LessonCheck;
import io.gatescope.core.lesson.LessonFile;
import io.gatescope.core.lesson.LessonInput;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Input;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * What a lesson step holds beyond the first lesson bar: a drawing (kept as a picture of the
 * lesson), Inside's view and backward target, hidden workspace tabs and the model the lesson was
 * made with; and the step's editor, whose check then holds and does not as the state changes.
 */
class LessonRecordingTest extends WorkbenchTestBase {
  @TempDir Path dir;

  @Override
  protected String workspace() {
    return "draw";
  }

  /** What a step must bring back. */
  record State(
      Workspace workspace,
      int pixels,
      int timestep,
      int unit,
      List<Intervention> ivs,
      String view,
      int target,
      List<Workspace> tabs) {}

  private State state() throws Exception {
    return FxTestSupport.onFx(
        () ->
            new State(
                wb.shell.selectedWorkspace(),
                Arrays.hashCode(wb.session.inputProperty().get()),
                wb.session.timestepProperty().get(),
                wb.insideVm.selectedUnitProperty().get(),
                new ArrayList<>(wb.insideVm.interventions()),
                wb.insideView.shownView(),
                wb.backwardVm.chosenTarget(),
                wb.shell.shownWorkspaces()));
  }

  private void traceOf(String what) throws Exception {
    FxTestSupport.waitFor(
        "the trace of " + what,
        30,
        () -> wb.insideVm.traceProperty().get() != null && wb.insideVm.maps().size() == 6);
  }

  private void settle() throws Exception {
    FxTestSupport.waitFor(
        "the step's trace",
        60,
        () -> wb.lessonVm.settledProperty().get() && wb.lessonVm.indexProperty().get() >= 0);
  }

  /** Test image 7's pixels scaled a little: a drawing none of whose inked pixels is on a level. */
  private float[] drawing() throws Exception {
    float[] p =
        FxTestSupport.onFx(() -> wb.session.dataProperty().get().test().images().imageAsFloats(7));
    for (int i = 0; i < p.length; i++) {
      p[i] *= 0.9937f;
    }
    return p;
  }

  @Test
  void aDrawingInsidesViewHiddenTabsAndTheModelRoundTrip() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    ModelEntry shipped = FxTestSupport.onFx(() -> wb.session.models().currentProperty().get());
    List<State> recorded = new ArrayList<>();

    // step 1: Draw, a drawing, row 9, unit 4
    float[] drawn = drawing();
    FxTestSupport.run(() -> wb.session.show(Input.drawing(drawn)));
    traceOf("the drawing");
    FxTestSupport.run(() -> wb.insideVm.select(9, 4));
    assertTrue(FxTestSupport.onFx(wb.lessonVm.authoring()::record), "a drawing can be a step");
    float[] rounded = DrawingPicture.rounded(drawn);
    assertFalse(Arrays.equals(drawn, rounded), "the drawing is not on the PNG's grey levels");
    assertArrayEquals(
        rounded,
        FxTestSupport.onFx(() -> wb.session.inputProperty().get()),
        "the window shows the drawing as the step holds it");
    traceOf("the recorded drawing");
    recorded.add(state());
    assertEquals(9, recorded.get(0).timestep());

    // step 2: Inside, test image 4, Backward with target 2, row 20, unit 3; Train and Evaluate
    // hidden
    FxTestSupport.run(
        () -> {
          wb.shell.select(Workspace.INSIDE);
          wb.session.showTestImage(4);
        });
    traceOf("test image 4");
    FxTestSupport.run(
        () -> {
          wb.insideVm.select(20, 3);
          wb.insideView.showView("backward");
          wb.backwardVm.choose(2);
        });
    assertTrue(FxTestSupport.onFx(wb.lessonVm.authoring()::record));
    FxTestSupport.run(
        () -> wb.lessonVm.authoring().setHiding(List.of(), List.of("train", "evaluate")));
    assertEquals(
        List.of(Workspace.DRAW, Workspace.INSIDE, Workspace.UNITS),
        FxTestSupport.onFx(wb.shell::shownWorkspaces));
    recorded.add(state());
    assertEquals("backward", recorded.get(1).view());
    assertEquals(2, recorded.get(1).target());

    // step 3: the cell diagram of unit 5 at row 14 (the tabs stay hidden: recorded from step 2)
    FxTestSupport.run(
        () -> {
          wb.insideVm.select(14, 5);
          wb.insideView.showView("cell");
        });
    assertTrue(FxTestSupport.onFx(wb.lessonVm.authoring()::record));
    recorded.add(state());

    // saved with the model in use inside
    FxTestSupport.run(() -> wb.lessonVm.authoring().carryModelProperty().set(true));
    Path file = dir.resolve("drawn.gslesson");
    FxTestSupport.run(() -> wb.lessonVm.authoring().save(file));
    FxTestSupport.waitFor(
        "the saved file", 60, () -> !wb.lessonVm.authoring().unsavedProperty().get());
    Lesson saved = LessonFile.read(file);
    assertInstanceOf(LessonInput.Drawing.class, saved.steps().get(0).input());
    assertTrue(saved.model().isPresent(), "the model is inside the file");
    assertEquals(List.of("train", "evaluate"), saved.steps().get(2).hiddenTabs());

    // A student: the lesson closed (every tab back), another input, then the file.
    FxTestSupport.run(
        () -> {
          wb.lessonVm.close();
          wb.insideView.showView("maps");
          wb.shell.select(Workspace.EVALUATE);
        });
    assertEquals(List.of(Workspace.values()), FxTestSupport.onFx(wb.shell::shownWorkspaces));
    FxTestSupport.run(() -> wb.session.showTestImage(9));
    traceOf("test image 9");
    assertTrue(FxTestSupport.onFx(() -> wb.lessonVm.openFile(file)));
    settle();
    ModelEntry own = FxTestSupport.onFx(() -> wb.session.models().currentProperty().get());
    assertNotSame(shipped, own, "the lesson's own model is in use");
    assertEquals("my-lesson.gatescope", own.name());
    for (int k = 0; k < 3; k++) {
      int step = k;
      FxTestSupport.run(() -> wb.lessonVm.go(step));
      settle();
      traceOf("step " + (k + 1));
      assertEquals(recorded.get(k), state(), "step " + (k + 1));
    }
    FxTestSupport.run(wb.lessonVm::close);
    assertSame(
        shipped,
        FxTestSupport.onFx(() -> wb.session.models().currentProperty().get()),
        "closing the lesson brings back the model in use before");
    assertEquals(List.of(Workspace.values()), FxTestSupport.onFx(wb.shell::shownWorkspaces));
  }

  @Test
  void aLessonWhoseModelIsBadOpensWithTheModelInUseAndSaysWhy() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    ModelEntry shipped = FxTestSupport.onFx(() -> wb.session.models().currentProperty().get());
    Lesson l =
        io.gatescope.core.lesson.ShippedLessons.load("reading-a-seven")
            .withModel(Optional.of(new byte[] {'P', 'K', 3, 4, 0, 0}));
    Path file = dir.resolve("bad-model.gslesson");
    LessonFile.write(l, file);
    assertTrue(FxTestSupport.onFx(() -> wb.lessonVm.openFile(file)));
    settle();
    String status = FxTestSupport.onFx(() -> wb.session.statusProperty().get());
    assertTrue(
        status.startsWith("The model inside the lesson \"Reading a 7 row by row\" cannot be opened")
            && status.contains("reading-a-seven.gatescope"),
        status);
    assertSame(shipped, FxTestSupport.onFx(() -> wb.session.models().currentProperty().get()));
    assertEquals(0, FxTestSupport.onFx(() -> wb.lessonVm.indexProperty().get()));
  }

  @Test
  void aLessonOpenedWhileTheLastOnesModelIsOnItsWayShowsItsStepsOnTheShippedModel()
      throws Exception {
    WorkbenchFixture.awaitReady(wb);
    ModelEntry shipped = FxTestSupport.onFx(() -> wb.session.models().currentProperty().get());
    Path modelFile = dir.resolve("own.gatescope");
    io.gatescope.core.model.ModelFile.save(shipped.model(), shipped.summary(), modelFile);
    Lesson withOwn =
        io.gatescope.core.lesson.ShippedLessons.load("forget-gate")
            .withModel(Optional.of(java.nio.file.Files.readAllBytes(modelFile)));
    Lesson plain = io.gatescope.core.lesson.ShippedLessons.load("reading-a-seven");
    FxTestSupport.run(
        () -> {
          wb.lessonVm.open(withOwn); // its model is still being written and read ...
          wb.lessonVm.open(plain); // ... when the teacher opens another lesson
        });
    settle();
    assertSame(plain, FxTestSupport.onFx(() -> wb.lessonVm.lessonProperty().get()));
    assertEquals(0, FxTestSupport.onFx(() -> wb.lessonVm.indexProperty().get()));
    assertSame(shipped, FxTestSupport.onFx(() -> wb.session.models().currentProperty().get()));
  }

  @Test
  void aLessonOpenedOverALessonRecordedFromScratchGivesBackTheClampsFromBefore() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    List<Intervention> mine = List.of(Intervention.silence(0, 3));
    FxTestSupport.run(
        () -> {
          wb.insideVm.setInterventions(mine);
          wb.session.showTestImage(5);
        });
    traceOf("test image 5");
    assertTrue(FxTestSupport.onFx(wb.lessonVm.authoring()::record), "a new lesson, one step");
    Lesson clamps = io.gatescope.core.lesson.ShippedLessons.load("forget-gate");
    FxTestSupport.run(() -> wb.lessonVm.open(clamps));
    settle();
    FxTestSupport.run(() -> wb.lessonVm.go(1)); // Γf of unit 16 clamped to 0
    settle();
    assertFalse(mine.equals(FxTestSupport.onFx(() -> List.copyOf(wb.insideVm.interventions()))));
    FxTestSupport.run(wb.lessonVm::close);
    assertEquals(mine, FxTestSupport.onFx(() -> List.copyOf(wb.insideVm.interventions())));
  }

  @Test
  void theEditorSetsACheckThatHoldsAndThenNot(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(
        () -> {
          wb.shell.select(Workspace.INSIDE);
          wb.session.showTestImage(0);
        });
    traceOf("test image 0");
    FxTestSupport.run(() -> wb.insideVm.select(28, 3));
    assertTrue(FxTestSupport.onFx(wb.lessonVm.authoring()::record));
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-edit"));
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-settings-button"));
    FxTestSupport.waitFor(
        "the step's editor", 10, () -> robot.lookup("#lesson-check-kind").tryQuery().isPresent());

    // a clamp value of 1.5 is refused, and nothing changes
    FxTestSupport.run(
        () -> {
          choice("#lesson-check-kind", robot).setValue(CheckForm.Kind.CLAMPED);
          choice("#lesson-check-gate", robot).setValue(Quantity.FORGET);
          field("#lesson-check-unit", robot).setText("3");
          field("#lesson-check-value", robot).setText("1.5");
        });
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-settings-apply"));
    assertEquals(
        "The clamp value must be a number from 0 to 1.",
        FxTestSupport.onFx(
            () -> ((Label) robot.lookup("#lesson-settings-error").query()).getText()));
    assertEquals(Optional.empty(), FxTestSupport.onFx(() -> wb.lessonVm.currentStep().check()));

    // Γf of unit 3 clamped to 0; its tab hidden too
    FxTestSupport.run(() -> field("#lesson-check-value", robot).setText("0"));
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-hide-tab-evaluate"));
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-settings-apply"));
    assertEquals(
        Optional.of(new LessonCheck.Clamped(0, Quantity.FORGET, 3, 0f)),
        FxTestSupport.onFx(() -> wb.lessonVm.currentStep().check()));
    FxTestSupport.waitFor(
        "the check", 30, () -> Boolean.FALSE.equals(wb.lessonVm.holdsProperty().get()));
    assertEquals(
        List.of(Workspace.TRAIN, Workspace.DRAW, Workspace.INSIDE, Workspace.UNITS),
        FxTestSupport.onFx(wb.shell::shownWorkspaces));

    // the teacher clamps it: the check holds
    FxTestSupport.run(
        () -> {
          wb.insideVm.clampGateProperty().set(Quantity.FORGET);
          wb.insideVm.clampValueProperty().set(0.0);
          wb.insideVm.clampSelectedOnlyProperty().set(true);
          wb.insideVm.applyClamp();
        });
    FxTestSupport.waitFor(
        "the check holds", 30, () -> Boolean.TRUE.equals(wb.lessonVm.holdsProperty().get()));

    // the editor shows the step as it is now: the check, the hidden tab
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-settings-button"));
    FxTestSupport.waitFor(
        "the editor again",
        10,
        () -> robot.lookup("#lesson-hide-tab-evaluate").tryQuery().isPresent());
    assertEquals(
        CheckForm.Kind.CLAMPED,
        FxTestSupport.onFx(() -> choice("#lesson-check-kind", robot).getValue()));
    assertTrue(
        FxTestSupport.onFx(
            () -> ((CheckBox) robot.lookup("#lesson-hide-tab-evaluate").query()).isSelected()));
    robot.clickOn(FxTestSupport.centre(robot, "#lesson-settings-cancel"));
  }

  @Test
  void hiddenTabsAreHiddenOnTheirStepAndShownAgainAfterIt() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(
        () -> {
          wb.shell.select(Workspace.INSIDE);
          wb.session.showTestImage(0);
        });
    traceOf("test image 0");
    FxTestSupport.run(wb.lessonVm.authoring()::record);
    FxTestSupport.run(
        () ->
            wb.lessonVm
                .authoring()
                .setHiding(List.of(), List.of("train", "draw", "units", "evaluate")));
    FxTestSupport.run(
        () -> {
          wb.lessonVm.authoring().record();
          wb.lessonVm.authoring().setHiding(List.of(), List.of());
        });
    FxTestSupport.run(() -> wb.lessonVm.go(0));
    settle();
    assertEquals(List.of(Workspace.INSIDE), FxTestSupport.onFx(wb.shell::shownWorkspaces));
    // Ctrl+1 cannot reach a hidden workspace
    FxTestSupport.run(() -> wb.shell.select(Workspace.TRAIN));
    assertEquals(Workspace.INSIDE, FxTestSupport.onFx(wb.shell::selectedWorkspace));
    FxTestSupport.run(wb.lessonVm::next);
    settle();
    assertEquals(List.of(Workspace.values()), FxTestSupport.onFx(wb.shell::shownWorkspaces));
    FxTestSupport.run(wb.lessonVm::back);
    settle();
    assertEquals(List.of(Workspace.INSIDE), FxTestSupport.onFx(wb.shell::shownWorkspaces));
    FxTestSupport.run(wb.lessonVm::close);
    assertEquals(List.of(Workspace.values()), FxTestSupport.onFx(wb.shell::shownWorkspaces));
    assertEquals(Workspace.INSIDE, FxTestSupport.onFx(wb.shell::selectedWorkspace));
  }

  @SuppressWarnings("unchecked")
  private static <T> ChoiceBox<T> choice(String id, FxRobot robot) {
    return (ChoiceBox<T>) robot.lookup(id).query();
  }

  private static TextField field(String id, FxRobot robot) {
    return (TextField) robot.lookup(id).query();
  }
}
