package io.gatescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.app.GateScopeApp;
import io.gatescope.app.Workbench;
import io.gatescope.core.engine.NativeSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Train and Evaluate on a classroom laptop (1024×600) and a common one (1366×768), in English and
 * 简体中文: no text is cut to "…", the run and evaluate buttons are wholly inside the window, and
 * nothing of the workspace lies outside it.
 */
@ExtendWith(ApplicationExtension.class)
class TrainEvaluateFitTest {
  private Workbench wb;

  @AfterEach
  void close() throws Exception {
    if (wb != null) {
      FxTestSupport.run(wb::shutdown);
    }
    GateScopeApp.useLanguage(Locale.ENGLISH);
  }

  @ParameterizedTest
  @CsvSource({"en, 1024, 600", "zh-CN, 1024, 600", "en, 1366, 768", "zh-CN, 1366, 768"})
  void trainAndEvaluateFitTheWindow(String lang, int width, int height) throws Exception {
    GateScopeApp.useLanguage(Locale.forLanguageTag(lang));
    NativeSetup.init(1);
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(
        stage -> {
          wb = new Workbench(Optional.empty());
          stage.setScene(wb.scene(width, height));
          stage.show();
          wb.shell.select("train");
          wb.shellVm.load();
        });
    WorkbenchFixture.awaitReady(wb);
    // Gradient flows of three cells and the current model, as after a comparison: four legend
    // entries. (Their numbers do not matter here, only the room they take.)
    FxTestSupport.run(
        () -> {
          for (String cell : List.of("LSTM", "GRU", "RNN", "current")) {
            double[] norms = new double[28];
            java.util.Arrays.fill(norms, 0.01);
            wb.evaluateVm
                .flows()
                .add(new io.gatescope.core.inspect.GradientFlow(cell, norms, norms));
          }
        });
    for (String ws : List.of("train", "evaluate")) {
      FxTestSupport.run(() -> wb.shell.select(ws));
      Node view = FxTestSupport.onFx(() -> wb.shell.getScene().lookup("#" + ws + "-view"));
      FxTestSupport.run(() -> view.getScene().getRoot().layout());
      String where = ws + " " + lang + " " + width + "×" + height;
      assertEquals(List.of(), FxTestSupport.onFx(() -> cut(view)), where + ": texts cut");
      assertEquals(List.of(), FxTestSupport.onFx(() -> outside(view)), where + ": outside");
      assertEquals(List.of(), FxTestSupport.onFx(() -> hiddenLegends(view)), where + ": legends");
      List<String> buttons =
          ws.equals("train")
              ? List.of("#train-start", "#train-pause", "#train-stop", "#train-export")
              : List.of("#evaluate-run", "#evaluate-compare", "#evaluate-stop");
      for (String id : buttons) {
        Node b = FxTestSupport.onFx(() -> view.lookup(id));
        assertTrue(
            FxTestSupport.onFx(() -> wholeInWindow(b)), where + ": " + id + " wholly in view");
      }
    }
  }

  /** Visible labels whose shown text differs from their text: cut to "…". */
  static List<String> cut(Node root) {
    List<String> out = new ArrayList<>();
    walk(
        root,
        true,
        n -> {
          if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node t : l.getChildrenUnmodifiable()) {
              if (t instanceof Text text
                  && !text.getText()
                      .replace("\n", " ")
                      .trim()
                      .equals(l.getText().replace("\n", " ").trim())
                  && text.getText().endsWith(l.getEllipsisString())) {
                out.add(l.getText() + " → " + text.getText());
              }
            }
          }
        });
    return out;
  }

  /** Visible nodes (buttons, labels, charts, canvases) reaching past the window's edges. */
  static List<String> outside(Node root) {
    List<String> out = new ArrayList<>();
    double w = root.getScene().getWidth();
    double h = root.getScene().getHeight();
    walk(
        root,
        false,
        n -> {
          if (n instanceof javafx.scene.control.Control
              || n instanceof javafx.scene.chart.Chart
              || n instanceof javafx.scene.layout.Region r && r.getStyleClass().isEmpty()) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getWidth() > 0 && (b.getMaxX() > w + 1 || b.getMaxY() > h + 1)) {
              out.add(
                  n.getClass().getSimpleName()
                      + (n.getId() == null ? "" : "#" + n.getId())
                      + " to "
                      + Math.round(b.getMaxX())
                      + "×"
                      + Math.round(b.getMaxY()));
            }
          }
        });
    return out;
  }

  /** Chart legend entries that are not drawn whole inside their chart. */
  static List<String> hiddenLegends(Node root) {
    List<String> out = new ArrayList<>();
    for (Node c : root.lookupAll(".chart")) {
      if (!(c instanceof javafx.scene.chart.XYChart<?, ?> chart) || !treeVisible(chart)) {
        continue;
      }
      Bounds cb = chart.localToScene(chart.getLayoutBounds());
      for (Node item : chart.lookupAll(".chart-legend-item")) {
        Bounds b = item.localToScene(item.getLayoutBounds());
        boolean inside =
            b.getWidth() > 0
                && b.getMinX() >= cb.getMinX() - 0.5
                && b.getMaxX() <= cb.getMaxX() + 0.5
                && b.getMinY() >= cb.getMinY() - 0.5
                && b.getMaxY() <= cb.getMaxY() + 0.5;
        if (!treeVisible(item) || !inside) {
          out.add(chart.getTitle() + ": " + ((Labeled) item).getText());
        }
      }
    }
    return out;
  }

  private static boolean treeVisible(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }

  static boolean wholeInWindow(Node n) {
    Bounds b = n.localToScene(n.getLayoutBounds());
    Bounds clip = visibleArea(n);
    return n.isVisible()
        && b.getWidth() > 0
        && b.getMinX() >= clip.getMinX() - 0.5
        && b.getMinY() >= clip.getMinY() - 0.5
        && b.getMaxX() <= clip.getMaxX() + 0.5
        && b.getMaxY() <= clip.getMaxY() + 0.5;
  }

  /** The window, narrowed by every scroll pane's viewport on the way up. */
  private static Bounds visibleArea(Node n) {
    Bounds area =
        new javafx.geometry.BoundingBox(0, 0, n.getScene().getWidth(), n.getScene().getHeight());
    for (Parent p = n.getParent(); p != null; p = p.getParent()) {
      if (p instanceof javafx.scene.control.ScrollPane sp) {
        Bounds v = sp.localToScene(sp.getLayoutBounds());
        double minX = Math.max(area.getMinX(), v.getMinX());
        double minY = Math.max(area.getMinY(), v.getMinY());
        double maxX = Math.min(area.getMaxX(), v.getMaxX());
        double maxY = Math.min(area.getMaxY(), v.getMaxY());
        area = new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
      }
    }
    return area;
  }

  /** Visits every visible node (not under a hidden or scrolled-away parent's clip). */
  private static void walk(Node n, boolean intoScrolled, java.util.function.Consumer<Node> visit) {
    if (!n.isVisible()) {
      return;
    }
    visit.accept(n);
    if (!intoScrolled
        && (n instanceof javafx.scene.control.ScrollPane
            || n instanceof javafx.scene.control.ListView<?>)) {
      return; // scrolled content may lie outside the window by design
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        walk(c, intoScrolled, visit);
      }
    }
  }
}
