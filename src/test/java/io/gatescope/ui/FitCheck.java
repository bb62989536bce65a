package io.gatescope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;

/**
 * What a teacher would see as broken on a small screen: a label whose text JavaFX had to cut (the
 * text it displays differs from its text, usually ending in "…"), and a control that lies partly
 * outside the area it belongs to (the window, or its workspace, where the status bar or the next
 * panel would cover it). Content inside a scroll pane or a list may extend beyond the window: it is
 * reached by scrolling. FX thread, after a layout pass.
 */
public final class FitCheck {
  private FitCheck() {}

  /** Every problem under {@code root}, each one line naming the node and its text. */
  public static List<String> problems(Parent root, Bounds area) {
    List<String> out = new ArrayList<>();
    walk(root, area, false, out);
    return out;
  }

  private static void walk(Node n, Bounds area, boolean scrolled, List<String> out) {
    if (!n.isVisible() || n.getOpacity() == 0) {
      return;
    }
    if (n instanceof Labeled l) {
      truncated(l).ifPresent(out::add);
    }
    if (n instanceof Control c && !scrolled && c.getWidth() > 0 && c.getHeight() > 0) {
      Bounds b = c.localToScene(c.getLayoutBounds());
      if (b.getMinX() < area.getMinX() - 1
          || b.getMinY() < area.getMinY() - 1
          || b.getMaxX() > area.getMaxX() + 1
          || b.getMaxY() > area.getMaxY() + 1) {
        out.add("outside its area " + fmt(area) + ": " + describe(c) + " at " + fmt(b));
      }
    }
    if (n instanceof Parent p) {
      // Presenter mode's zoom scrolls the workspaces when they are larger than the window.
      boolean inside =
          scrolled
              || n instanceof ScrollPane
              || n instanceof VirtualFlow
              || "presenter-zoom".equals(n.getId());
      for (Node child : p.getChildrenUnmodifiable()) {
        walk(child, area, inside, out);
      }
    }
  }

  /** The label's text as displayed differs from its text: JavaFX cut it. */
  private static java.util.Optional<String> truncated(Labeled l) {
    String text = l.getText();
    if (text == null || text.isEmpty() || l.getWidth() <= 0) {
      return java.util.Optional.empty();
    }
    String expected = l.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
    for (Node child : l.getChildrenUnmodifiable()) {
      if (child instanceof Text shown && shown.getStyleClass().contains("text")) {
        // JavaFX drops a trailing line break when it lays out a label; that is not a cut.
        if (!expected.stripTrailing().equals(shown.getText().stripTrailing())) {
          return java.util.Optional.of(
              "cut: " + describe(l) + " shows \"" + shown.getText() + "\"");
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** Chart legend entries not drawn whole inside their chart (a crowded legend is dropped). */
  public static List<String> hiddenLegends(Parent root) {
    List<String> out = new ArrayList<>();
    for (Node c : root.lookupAll(".chart")) {
      if (!(c instanceof javafx.scene.chart.XYChart<?, ?> chart) || !shown(chart)) {
        continue;
      }
      Bounds cb = chart.localToScene(chart.getLayoutBounds());
      for (Node item : chart.lookupAll(".chart-legend-item")) {
        Bounds b = item.localToScene(item.getLayoutBounds());
        if (!shown(item) || b.getWidth() <= 0 || !within(b, cb)) {
          out.add(
              "legend entry not drawn: " + chart.getTitle() + ": " + ((Labeled) item).getText());
        }
      }
    }
    return out;
  }

  /**
   * The node lies wholly inside the window and inside the viewport of every scroll pane it is in:
   * on screen now, without scrolling.
   */
  public static boolean wholeInView(Node n) {
    if (!shown(n)) {
      return false;
    }
    Bounds b = n.localToScene(n.getLayoutBounds());
    if (b.getWidth() <= 0
        || !within(b, new BoundingBox(0, 0, n.getScene().getWidth(), n.getScene().getHeight()))) {
      return false;
    }
    for (Parent p = n.getParent(); p != null; p = p.getParent()) {
      if (p instanceof ScrollPane sp && !within(b, sp.localToScene(sp.getLayoutBounds()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean shown(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static boolean within(Bounds b, Bounds area) {
    return b.getMinX() >= area.getMinX() - 0.5
        && b.getMinY() >= area.getMinY() - 0.5
        && b.getMaxX() <= area.getMaxX() + 0.5
        && b.getMaxY() <= area.getMaxY() + 0.5;
  }

  static String describe(Node n) {
    String text = n instanceof Labeled l && l.getText() != null ? " \"" + l.getText() + "\"" : "";
    String id = n.getId() == null ? "" : "#" + n.getId();
    return n.getClass().getSimpleName() + id + text;
  }

  private static String fmt(Bounds b) {
    return String.format(
        java.util.Locale.ROOT,
        "[%.0f,%.0f %.0f×%.0f]",
        b.getMinX(),
        b.getMinY(),
        b.getWidth(),
        b.getHeight());
  }
}
