package io.gatescope.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;

/**
 * Where a notice goes in the window: a spot along the window's edges where it covers no control a
 * teacher may be about to press (buttons, check boxes, the clamp's segments, boxes, sliders, lists,
 * tab headers, the ⓘ), preferring the bottom right, then the other edges. Found again for each
 * notice from what is on screen then, so it suits every workspace, size and presenter mode. When no
 * spot is free, the one covering the least.
 */
final class NoticePlace {
  private static final double MARGIN = 8;
  private static final double STEP = 8;

  private NoticePlace() {}

  /**
   * The top left corner, in {@code scene}'s coordinates, for a notice {@code w} × {@code h}; null
   * when the scene is smaller than the notice.
   */
  static Point2D find(Scene scene, double w, double h) {
    double sw = scene.getWidth();
    double sh = scene.getHeight();
    if (w + 2 * MARGIN > sw || h + 2 * MARGIN > sh) {
      return null;
    }
    List<Bounds> controls = controls(scene.getRoot());
    Point2D best = null;
    double least = Double.MAX_VALUE;
    for (Point2D p : candidates(sw, sh, w, h)) {
      double covered = covered(new BoundingBox(p.getX(), p.getY(), w, h), controls);
      if (covered == 0) {
        return p;
      }
      if (covered < least) {
        least = covered;
        best = p;
      }
    }
    return best;
  }

  /**
   * Along the edges, in order of preference: the right edge from the bottom up, the bottom edge
   * from the right, the left edge from the bottom up, the top edge from the right.
   */
  private static List<Point2D> candidates(double sw, double sh, double w, double h) {
    List<Point2D> out = new ArrayList<>();
    double right = sw - w - MARGIN;
    double bottom = sh - h - MARGIN;
    for (double y = bottom; y >= MARGIN; y -= STEP) {
      out.add(new Point2D(right, y));
    }
    for (double x = right; x >= MARGIN; x -= STEP) {
      out.add(new Point2D(x, bottom));
    }
    for (double y = bottom; y >= MARGIN; y -= STEP) {
      out.add(new Point2D(MARGIN, y));
    }
    for (double x = right; x >= MARGIN; x -= STEP) {
      out.add(new Point2D(x, MARGIN));
    }
    return out;
  }

  private static double covered(Bounds b, List<Bounds> controls) {
    double area = 0;
    for (Bounds c : controls) {
      Bounds o = Overlap.of(b, c);
      if (o != null) {
        area += o.getWidth() * o.getHeight();
      }
    }
    return area;
  }

  /** The scene bounds of every control on screen under {@code root}, as much as is in view. */
  static List<Bounds> controls(Parent root) {
    List<Bounds> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Node n, List<Bounds> out) {
    if (!n.isVisible() || n.getOpacity() == 0) {
      return;
    }
    if (pressable(n)) {
      Bounds b = inView(n);
      if (b != null) {
        out.add(b);
      }
      return;
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        collect(c, out);
      }
    }
  }

  /** What a pointer may be about to press. */
  static boolean pressable(Node n) {
    return n instanceof ButtonBase
        || n instanceof ComboBoxBase<?>
        || n instanceof Spinner<?>
        || n instanceof TextInputControl
        || n instanceof Slider
        || n instanceof ChoiceBox<?>
        || n instanceof ListView<?>
        || n.getStyleClass().contains("tab") && n.getParent() != null;
  }

  /** The part of {@code n} inside every scroll pane around it, in the scene; null if none. */
  private static Bounds inView(Node n) {
    Bounds b = n.localToScene(n.getLayoutBounds());
    for (Parent p = n.getParent(); p != null; p = p.getParent()) {
      if (p instanceof ScrollPane sp) {
        b = Overlap.of(b, sp.localToScene(sp.getLayoutBounds()));
        if (b == null) {
          return null;
        }
      }
    }
    return b.getWidth() > 0 && b.getHeight() > 0 ? b : null;
  }
}
