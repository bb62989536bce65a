package io.gatescope.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Workspace shortcuts. They are handled at the scene (so they work wherever the focus is in the
 * workspace, after a focused text field has had its chance) and only while the workspace is on
 * screen: two workspaces may use the same keys, e.g. Ctrl+Left to step back in time.
 */
public final class Keys {
  private Keys() {}

  /**
   * Runs {@code action} when {@code combination} (e.g. "Shortcut+P") is pressed in {@code view}.
   */
  public static void bind(Node view, String combination, Runnable action) {
    KeyCombination k = KeyCombination.keyCombination(combination);
    javafx.event.EventHandler<KeyEvent> handler =
        e -> {
          if (!e.isConsumed() && k.match(e) && showing(view)) {
            action.run();
            e.consume();
          }
        };
    view.sceneProperty()
        .addListener(
            (o, old, scene) -> {
              if (old != null) {
                old.removeEventHandler(KeyEvent.KEY_PRESSED, handler);
              }
              if (scene != null) {
                scene.addEventHandler(KeyEvent.KEY_PRESSED, handler);
              }
            });
    Scene now = view.getScene();
    if (now != null) {
      now.addEventHandler(KeyEvent.KEY_PRESSED, handler);
    }
  }

  /** True if the node and all its parents are visible (a tab's content is hidden by its parent). */
  public static boolean showing(Node n) {
    if (n.getScene() == null) {
      return false;
    }
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
