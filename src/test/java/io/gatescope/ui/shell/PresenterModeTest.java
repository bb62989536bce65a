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
import io.gatescope.ui.common.Workspace;
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
  void canvasWidgetsPaintAtTheSizeTheyAreShownSoTheirTextIsSharp() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.shell.select(io.gatescope.ui.common.Workspace.DRAW));
    WaitForAsyncUtils.waitForFxEvents();
    for (int percent : List.of(200, 150)) {
      FxTestSupport.run(
          () -> {
            wb.shell.presenter().choosePercent(percent);
            wb.shell.presenter().setOn(true);
          });
      WaitForAsyncUtils.waitForFxEvents();
      FxTestSupport.run(
          () -> {
            javafx.scene.canvas.Canvas[] two = canvases("#draw-strip");
            assertTrue(two[1].isVisible(), "the sharp canvas shows at " + percent);
            double z = percent / 100.0;
            assertEquals(Math.ceil(two[0].getWidth() * z), two[1].getWidth(), 1e-9);
            assertEquals(Math.ceil(two[0].getHeight() * z), two[1].getHeight(), 1e-9);
            // Drawn back down to the widget's size: one of its pixels, one pixel on screen.
            assertEquals(1.0, two[1].getLocalToSceneTransform().getMxx(), 1e-9);
          });
    }
    FxTestSupport.run(() -> wb.shell.presenter().setOn(false));
    WaitForAsyncUtils.waitForFxEvents();
    FxTestSupport.run(() -> assertFalse(canvases("#draw-strip")[1].isVisible()));
  }

  /** A canvas widget's surface and its sharp copy. */
  private javafx.scene.canvas.Canvas[] canvases(String id) {
    javafx.scene.Parent w = (javafx.scene.Parent) wb.shell.lookup(id);
    List<javafx.scene.canvas.Canvas> out =
        w.getChildrenUnmodifiable().stream()
            .filter(javafx.scene.canvas.Canvas.class::isInstance)
            .map(javafx.scene.canvas.Canvas.class::cast)
            .toList();
    assertEquals(2, out.size(), out.toString());
    return out.toArray(new javafx.scene.canvas.Canvas[0]);
  }

  @Test
  void aWorkspaceHiddenByALessonHasItsAdvancedControlsHiddenTooWhenItComesBack() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.shell.hideWorkspaces(List.of(Workspace.TRAIN)));
    FxTestSupport.run(() -> wb.shell.presenter().setOn(true));
    FxTestSupport.run(() -> wb.shell.hideWorkspaces(List.of()));
    assertPresenter(wb, true, wb.shell.presenter().percentProperty().get());
    FxTestSupport.run(() -> wb.shell.presenter().setOn(false));
    assertPresenter(wb, false, wb.shell.presenter().percentProperty().get());
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
            // in every workspace, shown or not (a hidden one is out of the window)
            Node n =
                shell.controlRoots().stream()
                    .map(r -> r.lookup("#" + id))
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
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
