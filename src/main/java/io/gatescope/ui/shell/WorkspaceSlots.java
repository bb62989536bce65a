package io.gatescope.ui.shell;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

/**
 * Each tab's content is a slot that holds its workspace only while the tab is selected. JavaFX
 * keeps a hidden tab's content in the scene: laid out with the window, and every change in it
 * (training updates Train's progress and charts many times a second) is drawn again over the
 * workspace on screen. Out of the scene, a hidden workspace costs nothing per frame; its view-model
 * keeps its state, and it is laid out once when shown again.
 *
 * <p>Every workspace is in the window for its first layout, so that its controls have their skins
 * (a scroll pane's content, for one, is found by id only through its skin) before it leaves.
 */
final class WorkspaceSlots {
  private final TabPane tabs;
  private final List<Node> views;
  private final List<StackPane> slots; // one per view, holding it until the first layout
  private boolean primed; // every workspace has been laid out once

  /**
   * @param views every workspace's view, in {@link io.gatescope.ui.common.Workspace} order
   */
  WorkspaceSlots(TabPane tabs, List<Node> views) {
    this.tabs = tabs;
    this.views = List.copyOf(views);
    this.slots = this.views.stream().map(WorkspaceSlots::slotOf).toList();
    tabs.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (primed) {
                show(a, b);
              }
            });
  }

  /** The slot to put in the tab of the {@code i}-th view. */
  StackPane slot(int i) {
    return slots.get(i);
  }

  private static StackPane slotOf(Node view) {
    StackPane slot = new StackPane(view);
    slot.getStyleClass().add("workspace-slot");
    slot.setUserData(view);
    return slot;
  }

  /** After the first layout of {@code scene}, the workspaces not shown leave it. */
  void primeAfterFirstLayout(Scene scene) {
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          scene.removePostLayoutPulseListener(once[0]);
          primed = true;
          Tab shown = tabs.getSelectionModel().getSelectedItem();
          // every slot but the shown one, also those of tabs a lesson has hidden
          slots.stream()
              .filter(slot -> shown == null || shown.getContent() != slot)
              .forEach(slot -> slot.getChildren().clear());
        };
    scene.addPostLayoutPulseListener(once[0]);
  }

  /** Every workspace's view, in the scene or not (to find controls by id in all of them). */
  List<Node> views() {
    return views;
  }

  private static void show(Tab hidden, Tab shown) {
    if (hidden != null && hidden.getContent() instanceof StackPane slot) {
      slot.getChildren().clear();
    }
    if (shown != null && shown.getContent() instanceof StackPane slot) {
      slot.getChildren().setAll((Node) slot.getUserData());
    }
  }
}
