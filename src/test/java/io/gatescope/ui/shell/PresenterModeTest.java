package io.gatescope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.app.Workbench;
import io.gatescope.core.settings.Settings;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.ColorMap;
import io.gatescope.ui.common.ColorScheme;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode turns on and off live (Ctrl+Shift+P), scales the workspaces, paints the maps in
 * high contrast, hides the advanced controls, and is remembered across a restart of the window.
 */
class PresenterModeTest extends WorkbenchTestBase {
  @TempDir Path dir;

  @Override
  protected String workspace() {
    return "train";
  }

  @AfterEach
  void usualColours() throws Exception {
    FxTestSupport.run(() -> ColorScheme.useHighContrast(false));
  }

  @Test
  void togglesLiveAndIsRememberedAcrossARestartOfTheWindow(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    assertPresenter(wb, false, 150);

    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P)
        .release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
    FxTestSupport.waitFor("presenter mode", 5, () -> wb.shell.presenter().onProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    assertPresenter(wb, true, 150);
    FxTestSupport.run(() -> wb.shell.presenter().choosePercent(175));
    WaitForAsyncUtils.waitForFxEvents();
    assertPresenter(wb, true, 175);

    // The window closes: its settings are written (atomically) as the app does at quit.
    Path file = dir.resolve("settings.properties");
    Settings saved = new Settings();
    FxTestSupport.run(() -> wb.remember(saved));
    saved.save(file);
    Workbench first = wb;
    FxTestSupport.run(first::shutdown);

    // A new window reads them back.
    Settings.Loaded loaded = Settings.load(file);
    assertTrue(loaded.problem().isEmpty());
    FxToolkit.setupStage(stage -> wb = WorkbenchFixture.show(stage, "train"));
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.restore(loaded.settings()));
    WaitForAsyncUtils.waitForFxEvents();
    assertPresenter(wb, true, 175);

    // And off again, live, from the keyboard.
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P)
        .release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
    FxTestSupport.waitFor("presenter mode off", 5, () -> !wb.shell.presenter().onProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    assertPresenter(wb, false, 175);
  }

  @Test
  void aDamagedSettingKeepsTheDefault() throws Exception {
    Settings s = new Settings();
    s.put("presenter.on", "yes please");
    s.put("presenter.percent", "900");
    FxTestSupport.run(() -> wb.restore(s));
    assertFalse(FxTestSupport.onFx(() -> wb.shell.presenter().onProperty().get()));
    assertEquals(150, FxTestSupport.onFx(() -> wb.shell.presenter().percentProperty().get()));
  }

  /** Everything presenter mode changes, as it should be when {@code on} at {@code percent}. */
  private static void assertPresenter(Workbench wb, boolean on, int percent) throws Exception {
    FxTestSupport.run(
        () -> {
          ShellView shell = wb.shell;
          assertEquals(on, shell.presenter().onProperty().get());
          assertEquals(percent, shell.presenter().percentProperty().get());
          List<String> classes = shell.getStyleClass();
          assertEquals(on, classes.contains("presenter"), classes.toString());
          assertEquals(on, classes.contains("presenter-" + percent), classes.toString());
          ZoomPane zoom = (ZoomPane) shell.presenterZoom();
          Node body = shell.tabs().getParent();
          // The workspaces sit in the centre of the area under the menu (a lesson bar above them).
          Node centre = ((javafx.scene.layout.BorderPane) shell.getCenter()).getCenter();
          if (on) {
            assertSame(zoom, centre);
            assertSame(zoom, body.getParent());
            assertEquals(percent / 100.0, body.getLocalToSceneTransform().getMxx(), 1e-9);
            assertTrue(body.getLayoutBounds().getWidth() >= PresenterMode.FLOOR_WIDTH);
          } else {
            assertSame(body, centre);
            assertEquals(1.0, body.getLocalToSceneTransform().getMxx(), 1e-9);
          }
          assertEquals(on, ColorMap.highContrast());
          for (String id : PresenterMode.ADVANCED) {
            Node n = shell.lookup("#" + id);
            assertTrue(n != null, id);
            assertEquals(!on, n.isVisible(), id);
            assertEquals(!on, n.isManaged(), id);
          }
          String font = shell.getTop().getStyle();
          assertEquals(
              on,
              font.contains(String.format(java.util.Locale.ROOT, "%.1fpx", 13 * percent / 100.0)),
              font);
        });
  }
}
