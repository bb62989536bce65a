package io.gatescope.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * Hides the panels and controls a lesson step names (by their ids) and shows them again exactly as
 * they were when the step is left: a hidden node takes no room; one whose visibility a view binds
 * is made transparent and inert instead.
 */
final class HiddenControls {
  private record Was(
      Node node, boolean visible, boolean managed, double opacity, boolean disabled) {}

  private final Supplier<List<Node>> roots;
  private final List<Was> hidden = new ArrayList<>();

  /**
   * @param roots where to look for the ids (the window's content; every workspace's view)
   */
  HiddenControls(Supplier<List<Node>> roots) {
    this.roots = roots;
  }

  /** Shows what was hidden, then hides the nodes with these ids. */
  void hide(List<String> ids) {
    restore();
    for (String id : ids) {
      for (Node root : roots.get()) {
        for (Node n : root.lookupAll("#" + id)) {
          if (hidden.stream().noneMatch(w -> w.node() == n)) {
            hidden.add(new Was(n, n.isVisible(), n.isManaged(), n.getOpacity(), n.isDisable()));
            if (n.visibleProperty().isBound()) {
              n.setOpacity(0);
              n.setDisable(true);
            } else {
              n.setVisible(false);
            }
            if (!n.managedProperty().isBound()) {
              n.setManaged(false);
            }
          }
        }
      }
    }
  }

  private void restore() {
    for (Was w : hidden) {
      Node n = w.node();
      if (!n.visibleProperty().isBound()) {
        n.setVisible(w.visible());
      }
      if (!n.managedProperty().isBound()) {
        n.setManaged(w.managed());
      }
      n.setOpacity(w.opacity());
      if (!n.disableProperty().isBound()) {
        n.setDisable(w.disabled());
      }
    }
    hidden.clear();
  }
}
