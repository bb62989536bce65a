package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.Quantity;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * Inside on a classroom laptop (1024×600) and a common screen (1366×768), with an intervention
 * active and a cell selected: no text is cut to "…" and nothing lies outside the window. The side
 * column scrolls, so what it holds is checked for cuts but may lie below its viewport.
 */
class InsideLayoutTest extends WorkbenchTestBase {

  @Override
  protected String workspace() {
    return "Inside";
  }

  @Test
  void nothingIsCutOrOutsideTheWindowOnSmallScreens() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(8));
    FxTestSupport.waitFor("six maps", 30, () -> wb.insideVm.maps().size() == 6);
    FxTestSupport.run(
        () -> {
          wb.insideVm.select(14, 45);
          wb.insideVm.clampGateProperty().set(Quantity.FORGET);
          wb.insideVm.clampValueProperty().set(0.0);
          wb.insideVm.clampSelectedOnlyProperty().set(true);
          wb.insideVm.applyClamp();
          wb.insideVm.silenceSelected();
        });
    FxTestSupport.waitFor(
        "the intervened trace", 30, () -> !wb.insideVm.predictionAfterProperty().get().isEmpty());
    Window window = FxTestSupport.onFx(() -> wb.shell.getScene().getWindow());
    double width = window.getWidth();
    double height = window.getHeight();
    try {
      checkAt(1024, 600);
      checkAt(1366, 768);
    } finally {
      // Later tests in this JVM share the stage: give it back at its size.
      FxTestSupport.run(
          () -> {
            window.setWidth(width);
            window.setHeight(height);
          });
    }
  }

  private void checkAt(int width, int height) throws Exception {
    FxTestSupport.run(
        () -> {
          Window w = wb.shell.getScene().getWindow();
          w.setWidth(width);
          w.setHeight(height);
        });
    FxTestSupport.waitFor(
        "window at " + width + "×" + height, 10, () -> wb.shell.getScene().getWidth() == width);
    List<String> problems = FxTestSupport.onFx(this::problems);
    assertTrue(problems.isEmpty(), width + "×" + height + ": " + String.join("\n", problems));
  }

  private List<String> problems() {
    Scene scene = wb.shell.getScene();
    scene.getRoot().applyCss();
    scene.getRoot().layout();
    Parent inside = (Parent) scene.lookup("#inside-view");
    List<String> out = new ArrayList<>();
    walk(inside, false, scene, out);
    return out;
  }

  private static void walk(Node n, boolean scrolled, Scene scene, List<String> out) {
    if (!n.isVisible()) {
      return;
    }
    if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
      Node shown = l.lookup(".text");
      if (shown instanceof Text t && !t.getText().equals(l.getText())) {
        out.add("cut: \"" + l.getText() + "\" shows as \"" + t.getText() + "\"");
      }
    }
    if (!scrolled && (n instanceof Labeled || n instanceof javafx.scene.layout.Region)) {
      Bounds b = n.localToScene(n.getBoundsInLocal());
      if (b.getWidth() > 0
          && (b.getMinX() < -0.5
              || b.getMinY() < -0.5
              || b.getMaxX() > scene.getWidth() + 0.5
              || b.getMaxY() > scene.getHeight() + 0.5)) {
        out.add("outside the window: " + describe(n) + " " + b);
      }
    }
    if (n instanceof Parent p) {
      boolean inScroll = scrolled || n instanceof ScrollPane;
      for (Node c : p.getChildrenUnmodifiable()) {
        walk(c, inScroll, scene, out);
      }
    }
  }

  private static String describe(Node n) {
    return n.getClass().getSimpleName()
        + (n.getId() == null ? "" : "#" + n.getId())
        + (n instanceof Labeled l ? " \"" + l.getText() + "\"" : "");
  }
}
