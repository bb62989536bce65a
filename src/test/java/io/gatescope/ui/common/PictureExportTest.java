package io.gatescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Right-click on a picture: the menu opens on a real widget, Save CSV writes exactly the numbers of
 * the trace, Save PNG writes the picture drawn again at twice the widget's size.
 */
class PictureExportTest extends WorkbenchTestBase {
  @TempDir Path dir;

  @Override
  protected String workspace() {
    return "Inside";
  }

  @AfterEach
  void chooserBack() {
    PictureExport.useSaveAsk(null);
  }

  /** The save dialog answers with a file in the temp folder, named as proposed. */
  private List<Path> answerSaves() {
    List<Path> asked = new ArrayList<>();
    PictureExport.useSaveAsk(
        (owner, name, ext) -> {
          Path p = dir.resolve(name);
          asked.add(p);
          return p;
        });
    return asked;
  }

  private static MenuItem item(ContextMenu menu, String id) {
    return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
  }

  /**
   * Asks the widget for its context menu as a right click does (Monocle's headless glass sends no
   * context-menu request of its own), checks the menu opened, fires one item and closes it.
   */
  private static void fire(FxRobot robot, javafx.scene.Node node, String id) throws Exception {
    FxTestSupport.run(
        () -> {
          var b = node.localToScreen(node.getLayoutBounds());
          javafx.event.Event.fireEvent(
              node,
              new ContextMenuEvent(
                  ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                  b.getWidth() / 2,
                  b.getHeight() / 2,
                  b.getCenterX(),
                  b.getCenterY(),
                  false,
                  null));
        });
    ContextMenu menu = FxTestSupport.onFx(() -> PictureExport.menuOf(node));
    assertNotNull(menu, "a right click gives the widget its export menu");
    FxTestSupport.waitFor("the menu to show", 10, () -> menu.isShowing());
    FxTestSupport.run(
        () -> {
          item(menu, id).fire();
          menu.hide();
        });
  }

  private static List<String[]> csv(Path file) throws Exception {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  @Test
  void aHeatmapsCsvHoldsTheTracesNumbersAndItsPngIsTwiceItsSize(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(3));
    FxTestSupport.waitFor(
        "the maps of test image 3",
        60,
        () -> wb.insideVm.traceProperty().get() != null && !wb.insideVm.maps().isEmpty());
    FxTestSupport.waitFor("test #3 traced", 60, () -> wb.insideVm.testIndexProperty().get() == 3);
    Heatmap map = robot.lookup("#map-forget").queryAs(Heatmap.class);
    List<Path> saved = answerSaves();

    fire(robot, map, "export-csv");
    FxTestSupport.waitFor("the CSV", 10, () -> saved.size() == 1 && Files.exists(saved.get(0)));
    GateTrace tr = FxTestSupport.onFx(() -> wb.insideVm.traceProperty().get());
    int layer = FxTestSupport.onFx(() -> wb.insideVm.layerProperty().get());
    int[] order = FxTestSupport.onFx(() -> wb.insideVm.orderProperty().get().clone());
    float[][] forget = tr.get(layer, Quantity.FORGET);
    List<String[]> rows = csv(saved.get(0));
    assertEquals(forget.length + 1, rows.size(), "a header and one row per timestep");
    assertEquals(order.length + 1, rows.get(0).length, "a column per unit");
    for (int c = 0; c < order.length; c++) {
      assertEquals("unit " + order[c], rows.get(0)[c + 1], "units in the order shown");
    }
    for (int t = 0; t < forget.length; t++) {
      assertEquals(Integer.toString(t + 1), rows.get(t + 1)[0]);
      for (int c = 0; c < order.length; c++) {
        float v = Float.parseFloat(rows.get(t + 1)[c + 1]);
        assertEquals(
            forget[t][order[c]], v, 0f, "Γf of unit " + order[c] + " at t=" + (t + 1) + ": exact");
      }
    }

    fire(robot, map, "export-png");
    FxTestSupport.waitFor("the PNG", 10, () -> saved.size() == 2 && Files.exists(saved.get(1)));
    BufferedImage png = ImageIO.read(saved.get(1).toFile());
    double[] size =
        FxTestSupport.onFx(
            () ->
                new double[] {
                  map.getWidth() - map.snappedLeftInset() - map.snappedRightInset(),
                  map.getHeight() - map.snappedTopInset() - map.snappedBottomInset()
                });
    assertEquals(Math.round(2 * size[0]), png.getWidth(), "twice the widget's width");
    assertEquals(Math.round(2 * size[1]), png.getHeight(), "twice the widget's height");
    assertTrue(saved.get(1).getFileName().toString().endsWith(".png"));
  }

  @Test
  void theStripsCsvHoldsPOfEveryDigitAfterEveryRowAsTraced(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(
        () -> {
          wb.shell.select(Workspace.DRAW);
          wb.drawVm.loadTestImage(0);
        });
    FxTestSupport.waitFor(
        "the prediction", 60, () -> wb.drawVm.stepProbabilitiesProperty().get() != null);
    // The trace of the same input by the same model, asked of the inference worker.
    float[] pixels = FxTestSupport.onFx(() -> wb.session.inputProperty().get());
    AtomicReference<GateTrace> own = new AtomicReference<>();
    FxTestSupport.run(() -> wb.session.inference().compute(m -> m.trace(pixels), own::set));
    FxTestSupport.waitFor("a trace", 30, () -> own.get() != null);
    float[][] expected = own.get().stepProbabilities();

    StepStrip strip = robot.lookup("#draw-strip").queryAs(StepStrip.class);
    List<Path> saved = answerSaves();
    fire(robot, strip, "export-csv");
    FxTestSupport.waitFor("the CSV", 10, () -> saved.size() == 1 && Files.exists(saved.get(0)));
    List<String[]> rows = csv(saved.get(0));
    assertEquals(29, rows.size(), "a header and 28 timesteps");
    assertEquals(11, rows.get(0).length, "timestep and ten digits");
    for (int t = 0; t < 28; t++) {
      for (int k = 0; k < 10; k++) {
        assertEquals(
            expected[t][k],
            Float.parseFloat(rows.get(t + 1)[k + 1]),
            0f,
            "P(" + k + " | rows 1.." + (t + 1) + ")");
      }
    }

    // Copy puts the picture on the clipboard.
    fire(robot, strip, "export-copy");
    assertTrue(
        FxTestSupport.onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().hasImage()),
        "an image on the clipboard");
    assertFalse(saved.size() > 1, "copy asks for no file");
  }
}
