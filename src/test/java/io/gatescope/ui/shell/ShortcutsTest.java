package io.gatescope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Keys;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No two shortcuts of the window answer the same keys in the same place: the menus' accelerators
 * work everywhere, so none may be bound again by a workspace; two workspace bindings may share keys
 * only where they never show together (Draw's and Inside's Ctrl+Left), not when one lies inside the
 * other (Inside and its cell view).
 */
class ShortcutsTest extends WorkbenchTestBase {
  @Override
  protected String workspace() {
    return "inside";
  }

  @AfterEach
  void usualColours() throws Exception {
    FxTestSupport.run(() -> io.gatescope.ui.common.ColorScheme.useHighContrast(false));
  }

  @Test
  void noTwoShortcutsAnswerTheSameKeysInTheSamePlace() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    List<String> clashes =
        FxTestSupport.onFx(
            () -> {
              List<String> out = new ArrayList<>();
              List<MenuItem> items = new ArrayList<>();
              MenuBar menus = (MenuBar) wb.shell.getTop();
              menus.getMenus().forEach(m -> collect(m, items));
              List<KeyCombination> global = new ArrayList<>();
              for (MenuItem i : items) {
                KeyCombination k = i.getAccelerator();
                if (k == null) {
                  continue;
                }
                if (global.contains(k)) {
                  out.add(k.getDisplayText() + ": two menu items");
                }
                global.add(k);
              }
              wb.shell.getScene().getAccelerators().keySet().stream()
                  .filter(k -> !global.contains(k))
                  .forEach(global::add);
              List<Keys.Binding> bound = Keys.bindings(wb.shell.controlRoots());
              assertTrue(bound.size() > 20, "the workspaces' shortcuts are found: " + bound.size());
              for (int i = 0; i < bound.size(); i++) {
                Keys.Binding a = bound.get(i);
                if (global.contains(a.keys())) {
                  out.add(a.keys().getDisplayText() + ": a menu's and " + a.scope());
                }
                for (int j = i + 1; j < bound.size(); j++) {
                  Keys.Binding b = bound.get(j);
                  if (a.keys().equals(b.keys())
                      && (within(a.scope(), b.scope()) || within(b.scope(), a.scope()))) {
                    out.add(a.keys().getDisplayText() + ": " + a.scope() + " and " + b.scope());
                  }
                }
              }
              return out;
            });
    assertTrue(clashes.isEmpty(), clashes.toString());
  }

  @Test
  void playInTheCellViewAndPresenterModeHaveTheirOwnKeys(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(3));
    FxTestSupport.waitFor("six maps", 30, () -> wb.insideVm.maps().size() == 6);
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT);
    robot.release(KeyCode.CONTROL);
    Button play = robot.lookup("#cell-play").queryAs(Button.class);
    FxTestSupport.waitFor("the cell view", 5, () -> Keys.showing(play));
    FxTestSupport.run(() -> wb.session.setTimestep(1));
    String playText = Messages.get("cell.play");
    assertEquals(playText, FxTestSupport.onFx(play::getText));

    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER)
        .release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);
    FxTestSupport.waitFor(
        "the cell view plays", 5, () -> Messages.get("cell.pause").equals(play.getText()));
    assertFalse(FxTestSupport.onFx(() -> wb.shell.presenter().onProperty().get()));
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER)
        .release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);
    FxTestSupport.waitFor("the cell view pauses", 5, () -> playText.equals(play.getText()));

    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P)
        .release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
    FxTestSupport.waitFor("presenter mode", 5, () -> wb.shell.presenter().onProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(playText, FxTestSupport.onFx(play::getText), "presenter mode does not play");
    FxTestSupport.run(() -> wb.shell.presenter().setOn(false));
  }

  private static void collect(MenuItem item, List<MenuItem> into) {
    into.add(item);
    if (item instanceof Menu m) {
      m.getItems().forEach(i -> collect(i, into));
    }
  }

  /** True if {@code inner} is {@code outer} or lies inside it. */
  private static boolean within(Node inner, Node outer) {
    for (Node n = inner; n != null; n = n.getParent()) {
      if (n == outer) {
        return true;
      }
    }
    return false;
  }
}
