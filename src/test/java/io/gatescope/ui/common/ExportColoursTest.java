package io.gatescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.ui.FxTestSupport;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A picture exported while presenter mode paints the window in high contrast has the usual colour
 * maps (it goes on slides and paper), unless the teacher ticks "Keep presenter mode's high-contrast
 * colours" in the picture's menu; the window keeps its own colours either way.
 */
@ExtendWith(ApplicationExtension.class)
class ExportColoursTest {
  private static final float V = 0.3f;
  private Heatmap map;

  @Start
  void start(Stage stage) {
    map = new Heatmap();
    float[][] values = new float[28][4];
    for (float[] row : values) {
      java.util.Arrays.fill(row, V);
    }
    map.show(values, new int[] {0, 1, 2, 3}, ColorMap.SEQUENTIAL, 0, 1);
    stage.setScene(new Scene(new StackPane(map), 400, 300));
    stage.show();
  }

  @AfterEach
  void usual() throws Exception {
    FxTestSupport.run(
        () -> {
          ColorScheme.useHighContrast(false);
          ColorScheme.exportInHighContrastProperty().set(false);
        });
  }

  @Test
  void exportsHaveTheUsualColoursUnlessAskedToKeepTheHighContrastOnes() throws Exception {
    int usual = ColorMap.SEQUENTIAL.usualArgb(V);
    int contrast = ColorMap.SEQUENTIAL.contrastArgb(V);
    assertTrue(usual != contrast);
    assertEquals(usual, exported(), "presenter mode off: the usual colours");
    assertEquals(usual, onScreen());

    FxTestSupport.run(() -> ColorScheme.useHighContrast(true));
    assertEquals(contrast, onScreen(), "the window in high contrast");
    assertEquals(usual, exported(), "the picture in the usual colours");
    assertEquals(contrast, onScreen(), "and the window still in high contrast");

    FxTestSupport.run(() -> openMenu());
    ContextMenu menu = FxTestSupport.onFx(() -> PictureExport.menuOf(map));
    MenuItem keep =
        menu.getItems().stream()
            .filter(i -> "export-high-contrast".equals(i.getId()))
            .findFirst()
            .orElseThrow();
    assertTrue(FxTestSupport.onFx(keep::isVisible), "offered in presenter mode");
    FxTestSupport.run(
        () -> {
          ((javafx.scene.control.CheckMenuItem) keep).setSelected(true);
          menu.hide();
        });
    assertEquals(contrast, exported(), "asked to keep the high contrast");

    FxTestSupport.run(() -> ColorScheme.useHighContrast(false));
    FxTestSupport.run(() -> openMenu());
    assertFalse(FxTestSupport.onFx(keep::isVisible), "not offered outside presenter mode");
    FxTestSupport.run(menu::hide);
    assertEquals(usual, exported(), "presenter mode off again");
  }

  private void openMenu() {
    var b = map.localToScreen(map.getLayoutBounds());
    javafx.event.Event.fireEvent(
        map,
        new javafx.scene.input.ContextMenuEvent(
            javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
            b.getWidth() / 2,
            b.getHeight() / 2,
            b.getCenterX(),
            b.getCenterY(),
            false,
            null));
  }

  /** The colour of a cell in the picture Copy image would put on the clipboard. */
  private int exported() throws Exception {
    return FxTestSupport.onFx(
        () -> {
          WritableImage img = map.render(1);
          Point2D c = cellCentre();
          return img.getPixelReader().getArgb((int) c.getX(), (int) c.getY());
        });
  }

  /** The colour of the same cell as the window shows it. */
  private int onScreen() throws Exception {
    return FxTestSupport.onFx(
        () -> {
          WritableImage img = map.snapshot(null, null);
          Point2D c = map.centerOf(10, 1);
          return img.getPixelReader().getArgb((int) c.getX(), (int) c.getY());
        });
  }

  private Point2D cellCentre() {
    return map.centerOf(10, 1).subtract(map.snappedLeftInset(), map.snappedTopInset());
  }
}
