package io.gatescope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import javafx.scene.control.Label;
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
        robot
            .lookup(".tab-label")
            .match((Label l) -> "Inside".equals(l.getText()))
            .queryAs(Label.class));
    FxTestSupport.waitFor(
        "Inside by mouse",
        5,
        () -> tabs.getSelectionModel().getSelectedItem().getText().equals("Inside"));
  }
}
