package io.gatescope.ui.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatescope.app.GateScopeApp;
import io.gatescope.app.Workbench;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Draw on a small laptop or projector (1024×600) and a common one (1366×768), in English and 简体中文:
 * no text cut to "…", no control outside the window or half hidden.
 */
@ExtendWith(ApplicationExtension.class)
class DrawLayoutTest {
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
  void nothingInDrawIsCutOrOutOfSight(String language, int width, int height) throws Exception {
    GateScopeApp.useLanguage(Locale.forLanguageTag(language));
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(
        stage -> {
          NativeSetup.init(1);
          wb = new Workbench(Optional.empty());
          stage.setScene(wb.scene(width, height));
          stage.show();
          wb.shell.select("draw");
          wb.shellVm.load();
        });
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(
        () -> {
          wb.drawVm.loadTestImage(0);
          wb.session.timestepProperty().set(14);
        });
    FxTestSupport.waitFor(
        "the prediction", 30, () -> wb.drawVm.probabilitiesAtStepProperty().get() != null);
    FxTestSupport.waitFor("a layout pass", 5, () -> true);
    List<String> problems =
        FxTestSupport.onFx(
            () -> {
              Node view = wb.shell.getScene().lookup("#draw-view");
              view.getScene().getRoot().applyCss();
              view.getScene().getRoot().layout();
              List<String> out = new ArrayList<>();
              // The workspace's own area: between the tabs and the status bar, inside the window.
              Bounds area =
                  intersect(
                      view.getScene().getRoot().getLayoutBounds(),
                      view.localToScene(view.getLayoutBounds()));
              check(view, area, out);
              return out;
            });
    assertEquals(List.of(), problems, language + " " + width + "×" + height);
  }

  /** Walks the visible controls: each one whole inside the workspace and its scroll viewport. */
  static void check(Node n, Bounds clip, List<String> out) {
    if (!n.isVisible() || n instanceof ScrollBar) {
      return;
    }
    if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
      for (Node t : l.lookupAll(".text")) {
        if (t instanceof Text shown && t.getParent() == l && !l.getText().equals(shown.getText())) {
          out.add("cut: \"" + l.getText() + "\" shows \"" + shown.getText() + "\"");
        }
      }
    }
    if (n instanceof Control || n instanceof Canvas) {
      Bounds b = n.localToScene(n.getLayoutBounds());
      if (b.getWidth() > 0
          && b.getHeight() > 0
          && (b.getMinX() < clip.getMinX() - 0.5
              || b.getMinY() < clip.getMinY() - 0.5
              || b.getMaxX() > clip.getMaxX() + 0.5
              || b.getMaxY() > clip.getMaxY() + 0.5)) {
        out.add(
            "out of sight: "
                + describe(n)
                + " at "
                + rounded(b)
                + " (visible "
                + rounded(clip)
                + ")");
      }
    }
    Bounds inner = clip;
    if (n instanceof ScrollPane sp) {
      Node viewport = sp.lookup(".viewport");
      if (viewport != null) {
        inner = intersect(clip, viewport.localToScene(viewport.getLayoutBounds()));
      }
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        check(c, inner, out);
      }
    }
  }

  static Bounds intersect(Bounds a, Bounds b) {
    double x0 = Math.max(a.getMinX(), b.getMinX());
    double y0 = Math.max(a.getMinY(), b.getMinY());
    double x1 = Math.min(a.getMaxX(), b.getMaxX());
    double y1 = Math.min(a.getMaxY(), b.getMaxY());
    return new javafx.geometry.BoundingBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
  }

  static String describe(Node n) {
    String text = n instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
    return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
  }

  static String rounded(Bounds b) {
    return String.format(
        "[%.0f,%.0f %.0f×%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
  }
}
