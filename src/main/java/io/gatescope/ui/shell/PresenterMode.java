package io.gatescope.ui.shell;

import io.gatescope.ui.common.ColorScheme;
import io.gatescope.ui.common.Presenter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;

/**
 * Applies {@link Presenter} to the window, live: the workspaces drawn larger ({@link ZoomPane}),
 * the menus and the status bar in a larger font, the colour maps in high contrast, the advanced
 * controls ({@link #ADVANCED}) hidden, and the root's style classes for anything else that follows
 * presenter mode (a lesson bar). Off, the window is exactly as without it.
 */
final class PresenterMode {
  /**
   * The controls presenter mode hides, by id: what a class does not need to see on the projector.
   * Train: the hyperparameters beyond the preset (the form; the preset, the run buttons and any
   * reason the form cannot start stay). Inside: how the units are sorted and whether the maps share
   * one range. Evaluate: the choice of which gradient the flow chart shows (it shows ∂loss/∂a⟨t⟩).
   */
  static final List<String> ADVANCED =
      List.of(
          "train-form-scroll",
          "inside-order-label",
          "inside-order",
          "inside-shared",
          "evaluate-flow-of");

  /**
   * The smallest size the workspaces are laid out at, before scaling: their size in a 1024×600
   * window, the smallest screen they are made to fit (ScreenFitTest). Below it they would cut text;
   * a larger scale on a small screen scrolls instead.
   */
  static final double FLOOR_WIDTH = 1024;

  static final double FLOOR_HEIGHT = 548;

  /**
   * The narrowest the workspaces are laid out at scale 1 when a bar above them takes room: the
   * floor less a vertical scroll bar, so a 1024-pixel window scrolls only down.
   */
  static final double FLOOR_WIDTH_PLAIN = FLOOR_WIDTH - 16;

  private final Presenter presenter;
  private final BorderPane shell;
  private final Parent body;
  private final List<Node> views; // every workspace's, shown or hidden
  private final ZoomPane zoom;
  private final BorderPane area;
  private final List<Node> scaledText;
  private final List<Hidden> hidden = new ArrayList<>();
  private boolean barAbove; // a lesson bar takes room above the workspaces

  /** A control hidden by presenter mode, with what it was before. */
  private record Hidden(Node node, boolean visible, boolean managed) {}

  /**
   * @param views every workspace's view, shown or not, also those a lesson hides (their controls
   *     are hidden too)
   * @param area where they sit under the menu (its centre; a lesson bar may take its top)
   * @param body what holds them (the area's centre)
   * @param scaledText the parts outside the workspaces whose font grows (menus, status bar)
   */
  PresenterMode(
      Presenter presenter,
      BorderPane shell,
      BorderPane area,
      List<Node> views,
      Parent body,
      List<Node> scaledText) {
    this.presenter = presenter;
    this.views = views;
    this.shell = shell;
    this.area = area;
    this.body = body;
    this.zoom = new ZoomPane(body);
    this.scaledText = scaledText;
    presenter.onProperty().addListener(o -> apply());
    presenter.percentProperty().addListener(o -> apply());
  }

  /**
   * The centre: the workspaces, or the zoom around them while presenter mode is on or a bar above
   * them takes room (at scale 1 then: the workspaces keep the height they need, and scroll).
   */
  Node centre() {
    return presenter.onProperty().get() || barAbove ? zoom : body;
  }

  /** A bar above the workspaces (the lesson bar) is shown, or gone. */
  void barAbove(boolean shown) {
    if (barAbove != shown) {
      barAbove = shown;
      apply();
    }
  }

  ZoomPane zoom() {
    return zoom;
  }

  /** Makes the window match the setting now. */
  void apply() {
    boolean on = presenter.onProperty().get();
    List<String> classes = shell.getStyleClass();
    classes.removeIf(c -> c.startsWith(Presenter.STYLE_CLASS));
    if (on) {
      classes.addAll(List.of(Presenter.STYLE_CLASS, presenter.scaleStyleClass()));
    }
    zoom.zoom(presenter.scale(), on ? FLOOR_WIDTH : FLOOR_WIDTH_PLAIN, FLOOR_HEIGHT);
    if (area.getCenter() != centre()) {
      area.setCenter(null); // the body moves between the area and the zoom
      if (centre() == zoom) {
        zoom.adopt();
      } else {
        zoom.release();
      }
      area.setCenter(centre());
    }
    String font =
        on
            ? String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", presenter.fontSize())
            : "";
    scaledText.forEach(n -> n.setStyle(font));
    ColorScheme.useHighContrast(on);
    showAdvanced(!on);
  }

  private void showAdvanced(boolean show) {
    if (show) {
      for (Hidden h : hidden) {
        h.node().setVisible(h.visible());
        h.node().setManaged(h.managed());
      }
      hidden.clear();
      return;
    }
    if (!hidden.isEmpty()) {
      return;
    }
    eachAdvanced(
        n -> {
          if (!n.visibleProperty().isBound() && !n.managedProperty().isBound()) {
            hidden.add(new Hidden(n, n.isVisible(), n.isManaged()));
            n.setVisible(false);
            n.setManaged(false);
          }
        });
  }

  /**
   * Each advanced control, found in every workspace's content (shown yet or not, tab hidden or
   * not).
   */
  private void eachAdvanced(Consumer<Node> action) {
    for (Node view : views) {
      for (String id : ADVANCED) {
        view.lookupAll("#" + id).forEach(action);
      }
    }
  }
}
