package io.gatescope.ui.common;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
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
  /** A shortcut as bound: the keys, and the node while which shows they work. */
  public record Binding(Node scope, KeyCombination keys) {}

  /** Every binding made, its scope held weakly (a window that is gone is not kept). */
  private static final List<WeakBinding> BOUND = new ArrayList<>();

  private record WeakBinding(WeakReference<Node> scope, KeyCombination keys) {}

  private Keys() {}

  /**
   * The shortcuts bound to nodes under {@code roots} (the window and its workspaces, shown or not),
   * so a test can check no two of them (nor a menu's accelerator) answer the same keys in the same
   * place. FX thread.
   */
  public static List<Binding> bindings(List<? extends Node> roots) {
    List<Binding> out = new ArrayList<>();
    synchronized (BOUND) {
      BOUND.removeIf(b -> b.scope().get() == null);
      for (WeakBinding b : BOUND) {
        Node n = b.scope().get();
        if (n != null && under(n, roots)) {
          out.add(new Binding(n, b.keys()));
        }
      }
    }
    return out;
  }

  private static boolean under(Node n, List<? extends Node> roots) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (roots.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code action} when {@code combination} (e.g. "Shortcut+P") is pressed in {@code view}.
   */
  public static void bind(Node view, String combination, Runnable action) {
    KeyCombination k = KeyCombination.keyCombination(combination);
    synchronized (BOUND) {
      BOUND.add(new WeakBinding(new WeakReference<>(view), k));
    }
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
