package io.gatescope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Workspace;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class ShellViewTest extends WorkbenchTestBase {

  @Override
  protected String workspace() {
    return "Train";
  }

  @Test
  void loadsInTheBackgroundSwitchesWorkspacesAndShowsTheStatusBar(FxRobot robot) throws Exception {
    assertNotNull(robot.lookup("#status-bar").query());
    WorkbenchFixture.awaitReady(wb);
    Label status = robot.lookup("#status-text").queryAs(Label.class);
    assertEquals(
        "Ready: 60,000 training and 10,000 test images", FxTestSupport.onFx(status::getText));
    Label model = robot.lookup("#status-model").queryAs(Label.class);
    assertTrue(FxTestSupport.onFx(model::getText).startsWith("shipped LSTM"));
    TabPane tabs = robot.lookup("#workspaces").queryAs(TabPane.class);
    // Keyboard: Ctrl+2, Ctrl+3, Ctrl+1 (the View menu's accelerators).
    String[] names = {"Draw", "Inside", "Train"};
    KeyCode[] keys = {KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT1};
    for (int i = 0; i < 3; i++) {
      robot.press(KeyCode.CONTROL, keys[i]).release(keys[i], KeyCode.CONTROL);
      String want = names[i];
      FxTestSupport.waitFor(
          want, 5, () -> tabs.getSelectionModel().getSelectedItem().getText().equals(want));
    }
    // Mouse: the tab header.
    robot.clickOn(
        FxTestSupport.centre(
            robot
                .lookup(".tab-label")
                .match((Label l) -> "Inside".equals(l.getText()))
                .queryAs(Label.class)));
    FxTestSupport.waitFor(
        "Inside by mouse",
        5,
        () -> tabs.getSelectionModel().getSelectedItem().getText().equals("Inside"));
  }

  /**
   * Only the workspace shown is in the window (a hidden one would be laid out and drawn again with
   * every change in it, e.g. while training); one shown again comes back as it was left.
   */
  @Test
  void onlyTheWorkspaceShownIsInTheWindowAndComesBackAsItWas() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    javafx.scene.Node train = wb.shell.controlRoots().get(1 + Workspace.TRAIN.ordinal());
    javafx.scene.Node draw = wb.shell.controlRoots().get(1 + Workspace.DRAW.ordinal());
    FxTestSupport.waitFor(
        "the others leave after the first layout", 10, () -> draw.getScene() == null);
    assertNotNull(FxTestSupport.onFx(train::getScene));
    FxTestSupport.run(() -> wb.drawVm.beginStroke(100, 60));
    FxTestSupport.run(() -> wb.drawVm.extendStroke(100, 200));
    FxTestSupport.run(wb.drawVm::endStroke);
    FxTestSupport.run(() -> wb.shell.select(Workspace.DRAW));
    assertEquals(
        List.of(false, true),
        FxTestSupport.onFx(() -> List.of(train.getScene() != null, draw.getScene() != null)));
    assertEquals(1, FxTestSupport.onFx(() -> wb.drawVm.strokes().size()), "the drawing kept");
    FxTestSupport.run(() -> wb.shell.select(Workspace.TRAIN));
    assertEquals(
        List.of(true, false),
        FxTestSupport.onFx(() -> List.of(train.getScene() != null, draw.getScene() != null)));
    // A tab a lesson hid and gave back stays out of the window until chosen.
    FxTestSupport.run(() -> wb.shell.hideWorkspaces(List.of(Workspace.DRAW)));
    FxTestSupport.run(() -> wb.shell.hideWorkspaces(List.of()));
    assertEquals(
        List.of(true, false),
        FxTestSupport.onFx(() -> List.of(train.getScene() != null, draw.getScene() != null)));
  }

  /** Workspace shortcuts act only in the workspace on screen, wherever the focus is in it. */
  @Test
  void workspaceShortcutsWorkOnlyWhereTheyBelong(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.shell.select(Workspace.DRAW));
    FxTestSupport.run(() -> wb.drawVm.loadTestImage(0));
    FxTestSupport.run(() -> wb.session.setTimestep(10));
    robot.clickOn(
        FxTestSupport.centre(
            robot, "#draw-canvas")); // focus in the workspace (a click on black leaves a dot)
    robot.press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
    FxTestSupport.waitFor("t = 11", 5, () -> wb.session.timestepProperty().get() == 11);
    robot.press(KeyCode.CONTROL, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.CONTROL);
    FxTestSupport.waitFor("t = 9", 5, () -> wb.session.timestepProperty().get() == 9);
    // Ctrl+Enter starts training only in Train: here it must do nothing.
    robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    FxTestSupport.waitFor("cleared", 5, () -> wb.session.inputProperty().get() == null);
    assertTrue(!FxTestSupport.onFx(() -> wb.trainVm.run().runningProperty().get()), "no training");
    robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
    FxTestSupport.waitFor("a random test image", 5, () -> wb.session.inputProperty().get() != null);

    // Inside: Ctrl+Down walks the units in display order.
    FxTestSupport.run(() -> wb.shell.select(Workspace.INSIDE));
    FxTestSupport.waitFor("maps", 30, () -> wb.insideVm.maps().size() == 6);
    robot.clickOn(FxTestSupport.centre(robot, "#inside-equations"));
    robot.press(KeyCode.CONTROL, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.CONTROL);
    FxTestSupport.waitFor(
        "second row selected",
        5,
        () -> wb.insideVm.selectedUnitProperty().get() == wb.insideVm.orderProperty().get()[1]);
  }

  @Test
  void choosingALanguageSaysInThatLanguageWhenItApplies(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    Label status = robot.lookup("#status-text").queryAs(Label.class);
    FxTestSupport.run(() -> wb.shellVm.chooseLanguage("zh-CN"));
    assertEquals("下次启动 GateScope 时将使用新的语言。", FxTestSupport.onFx(status::getText));
    FxTestSupport.run(() -> wb.shellVm.chooseLanguage("en"));
    assertEquals(
        "The new language is used from the next start of GateScope.",
        FxTestSupport.onFx(status::getText));
  }

  /** Notices show over the window as notifications: the language, a saved model. */
  @Test
  void noticesShowOverTheWindow(
      FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.shellVm.chooseLanguage("en"));
    String lang = "Language | The new language is used from the next start of GateScope.";
    FxTestSupport.waitFor(
        "the language notice", 5, () -> io.gatescope.ui.Notices.showing().contains(lang));
    java.nio.file.Path file = dir.resolve("m.gatescope");
    FxTestSupport.run(() -> wb.trainVm.save(file));
    String saved = "Model saved | Saved " + file;
    FxTestSupport.waitFor(
        "the saved notice", 10, () -> io.gatescope.ui.Notices.showing().contains(saved));
  }

  /**
   * Train's preset "compare LSTM, GRU and RNN" goes to Evaluate by a typed request, and Evaluate
   * starts the comparison it carries.
   */
  @Test
  void choosingTheComparisonInTrainShowsEvaluateAndStartsIt(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    assertEquals(Workspace.TRAIN, FxTestSupport.onFx(wb.shell::selectedWorkspace));
    @SuppressWarnings("unchecked")
    ComboBox<String> preset =
        robot
            .lookup(".combo-box")
            .match((ComboBox<?> c) -> c.getItems().contains("compare") && c.isVisible())
            .queryAs(ComboBox.class);
    robot.clickOn(FxTestSupport.centre(preset));
    robot.clickOn(
        FxTestSupport.centre(
            robot
                .lookup(".list-cell")
                .match((ListCell<?> c) -> "compare".equals(c.getItem()))
                .queryAs(ListCell.class)));
    FxTestSupport.waitFor(
        "Evaluate shown", 10, () -> wb.shell.selectedWorkspace() == Workspace.EVALUATE);
    assertTrue(FxTestSupport.onFx(() -> wb.evaluateVm.busyProperty().get()), "the comparison runs");
    FxTestSupport.run(wb.evaluateVm::cancel);
    FxTestSupport.waitFor("stopped", 120, () -> !wb.evaluateVm.busyProperty().get());
  }
}
