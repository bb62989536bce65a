package io.gatescope.ui.shell;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.Presenter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "What am I looking at?": a small ⓘ at the top right of every panel {@link HelpTopics} names, and
 * F2 for the panel under the pointer (else the one with the keyboard focus). Either opens a
 * ControlsFX PopOver next to the panel with its explanation. The ⓘ sit on a layer over the
 * workspaces (the panels themselves are not changed), placed after each layout pass, shown only
 * while their panel's corner is on screen.
 */
final class PanelHelp {
  private static final double ICON = 16;

  private final Pane layer = new Pane();
  private final Parent workspaces;
  private final List<Node> views;
  private final Map<Node, Button> buttons = new IdentityHashMap<>();
  private final Map<Node, HelpTopics.Topic> topics = new IdentityHashMap<>();
  private final HelpPopOver pop;
  private Node underPointer;
  private Point2D pointer; // where the pointer last moved, in the scene
  private long lastSearch;

  /**
   * @param workspaces what holds the workspaces on screen
   * @param views every workspace's view, shown or not (a hidden one is out of the scene)
   */
  PanelHelp(Parent workspaces, List<Node> views, Presenter presenter) {
    this.workspaces = workspaces;
    this.views = views;
    this.pop = new HelpPopOver(presenter);
    layer.setId("panel-help-layer");
    layer.setPickOnBounds(false);
    layer.setMinSize(0, 0);
    layer.setPrefSize(0, 0);
  }

  /** The layer of ⓘ buttons, to lie over the workspaces. */
  Pane layer() {
    return layer;
  }

  /** Starts placing the ⓘ after every layout of {@code scene}, and following the pointer (F2). */
  void install(Scene scene) {
    scene.addPostLayoutPulseListener(this::place);
    scene.addEventFilter(
        MouseEvent.MOUSE_MOVED,
        e -> {
          underPointer = e.getPickResult().getIntersectedNode();
          pointer = new Point2D(e.getSceneX(), e.getSceneY());
        });
  }

  /**
   * F2: the panel under the pointer, else the one holding the focus; false when none. The pointer
   * may not have moved since the workspace under it changed (a switch by the keyboard): then the
   * panel shown where it rests.
   */
  boolean explainPointedOrFocused(Scene scene) {
    Optional<Node> panel = panelOf(underPointer);
    if (panel.isEmpty()) {
      panel = panelAt(pointer);
    }
    if (panel.isEmpty()) {
      panel = panelOf(scene.getFocusOwner());
    }
    panel.ifPresent(this::explain);
    return panel.isPresent();
  }

  private Optional<Node> panelOf(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (topics.containsKey(p) && onScreen(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the panel, or part of it, is on screen: its ⓘ may not be, when presenter mode's zoom
   * shows part of the panel without its corner.
   */
  private boolean onScreen(Node panel) {
    Button b = buttons.get(panel);
    return b != null && (b.isVisible() || shownPart(panel) != null);
  }

  /** The part of the panel on screen, in the layer's coordinates; null when none of it is. */
  private Bounds shownPart(Node panel) {
    if (panel.getScene() == null || layer.getScene() == null || !showing(panel)) {
      return null;
    }
    return visible(inLayer(panel));
  }

  /** The innermost panel on screen whose bounds hold {@code p} (scene coordinates). */
  private Optional<Node> panelAt(Point2D p) {
    if (p == null) {
      return Optional.empty();
    }
    return buttons.keySet().stream()
        .filter(n -> n.getScene() != null && onScreen(n))
        .filter(n -> n.localToScene(n.getLayoutBounds()).contains(p))
        .min(
            java.util.Comparator.comparingDouble(
                n -> n.getLayoutBounds().getWidth() * n.getLayoutBounds().getHeight()));
  }

  /**
   * Opens the explanation of {@code panel} next to its ⓘ; when the ⓘ is out of view (presenter
   * mode's zoom), pointing at the middle of the part of the panel in view.
   */
  void explain(Node panel) {
    HelpTopics.Topic t = topics.get(panel);
    Button b = buttons.get(panel);
    if (t == null || b == null) {
      return;
    }
    if (b.isVisible()) {
      pop.open(t, b);
      return;
    }
    Bounds part = shownPart(panel);
    if (part != null) {
      pop.openAt(t, panel, layer.localToScreen(part.getCenterX(), part.getCenterY()));
    }
  }

  /** Opens the explanation of the panel with id {@code nodeId}; false when none of it is shown. */
  boolean explain(String nodeId) {
    Optional<Node> panel =
        buttons.keySet().stream().filter(n -> nodeId.equals(n.getId()) && onScreen(n)).findFirst();
    panel.ifPresent(this::explain);
    return panel.isPresent();
  }

  /**
   * The middle of the on-screen part of the panel with id {@code nodeId}, in screen coordinates,
   * when its ⓘ is out of view and that part is at least {@code min} pixels each way (for tests).
   */
  Optional<Point2D> iconlessPartOf(String nodeId, double min) {
    return buttons.keySet().stream()
        .filter(n -> nodeId.equals(n.getId()) && !buttons.get(n).isVisible())
        .map(this::shownPart)
        .filter(b -> b != null && b.getWidth() >= min && b.getHeight() >= min)
        .map(b -> layer.localToScreen(b.getCenterX(), b.getCenterY()))
        .findFirst();
  }

  /** The topic whose explanation is open, if any. */
  Optional<HelpTopics.Topic> shown() {
    return pop.shown();
  }

  /** The pop-over's text as shown (for tests). */
  String shownText() {
    return pop.shownText();
  }

  PopOver popOver() {
    return pop.popOver();
  }

  /** The ⓘ of the panel with id {@code nodeId}, if that panel was found. */
  Optional<Button> buttonOf(String nodeId) {
    return buttons.entrySet().stream()
        .filter(e -> nodeId.equals(e.getKey().getId()))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  // ---- placing the ⓘ ----

  /** Finds the panels and places their ⓘ now, not after the next layout. */
  void placeNow() {
    lastSearch = 0;
    place();
  }

  private void place() {
    findPanels();
    for (Map.Entry<Node, Button> e : buttons.entrySet()) {
      Node panel = e.getKey();
      Button b = e.getValue();
      Point2D corner = corner(panel);
      boolean show = corner != null;
      if (b.isVisible() != show) {
        b.setVisible(show);
      }
      if (show && (b.getLayoutX() != corner.getX() || b.getLayoutY() != corner.getY())) {
        b.relocate(corner.getX(), corner.getY());
      }
    }
  }

  /** Looks for panels not found yet (some are built only when first shown), twice a second. */
  private void findPanels() {
    long now = System.nanoTime();
    if (lastSearch != 0
        && (buttons.size() >= HelpTopics.ALL.size() && now - lastSearch < 5_000_000_000L
            || now - lastSearch < 500_000_000L)) {
      return;
    }
    lastSearch = now;
    for (HelpTopics.Topic t : HelpTopics.ALL) {
      for (Node n : lookupAll("#" + t.nodeId())) {
        if (!buttons.containsKey(n)) {
          topics.put(n, t);
          buttons.put(n, button(n, t));
        }
      }
    }
  }

  /**
   * In every workspace's view, shown or not, and in the tabs inside them (a tab's content is in its
   * skin only later).
   */
  private java.util.Set<Node> lookupAll(String selector) {
    java.util.Set<Node> out = new java.util.LinkedHashSet<>(workspaces.lookupAll(selector));
    views.forEach(v -> out.addAll(v.lookupAll(selector)));
    views.stream()
        .flatMap(v -> v.lookupAll(".tab-pane").stream())
        .filter(javafx.scene.control.TabPane.class::isInstance)
        .flatMap(tp -> ((javafx.scene.control.TabPane) tp).getTabs().stream())
        .filter(tab -> tab.getContent() != null)
        .forEach(tab -> out.addAll(tab.getContent().lookupAll(selector)));
    return out;
  }

  private Button button(Node panel, HelpTopics.Topic t) {
    FontIcon icon = new FontIcon("mdi2i-information-outline");
    icon.setIconSize((int) ICON - 2);
    Button b = new Button(null, icon);
    b.setId("help-" + t.nodeId());
    b.getStyleClass().add("panel-help-button");
    b.setFocusTraversable(false);
    b.setManaged(false);
    b.resize(ICON, ICON);
    b.setVisible(false);
    b.setTooltip(new Tooltip(Messages.get("help.tip", Messages.get(t.titleKey()))));
    b.setOnAction(e -> explain(panel));
    layer.getChildren().add(b);
    return b;
  }

  /**
   * Where the panel's ⓘ goes, in the layer's coordinates: by its top right corner, as its topic
   * says ({@link HelpTopics.Place}); null when the panel is not shown or that spot is scrolled or
   * clipped out of sight.
   */
  private Point2D corner(Node panel) {
    Bounds b = shownPart(panel);
    if (b == null || b.getWidth() < 3 * ICON || b.getHeight() < ICON) {
      return null;
    }
    // By the panel's own corner, never by the edge of the part in view (presenter mode's zoom
    // shows part of a panel): there the ⓘ would cover the panel's text.
    b = inLayer(panel);
    HelpTopics.Place place = topics.get(panel).place();
    double x =
        switch (place) {
          case RIGHT -> b.getMaxX() + 2;
          case BESIDE_SCROLL_BAR -> b.getMaxX() - 2 * ICON - 2;
          default -> b.getMaxX() - ICON - 1;
        };
    double y = place == HelpTopics.Place.ABOVE ? b.getMinY() - ICON - 1 : b.getMinY() + 1;
    Bounds at = new javafx.geometry.BoundingBox(x, y, ICON, ICON);
    for (Parent p = panel.getParent(); p != null; p = p.getParent()) {
      if (p instanceof ScrollPane sp && !within(at, inLayer(sp))) {
        return null;
      }
    }
    if (!within(at, layer.getLayoutBounds()) || !within(at, shownArea())) {
      return null;
    }
    return new Point2D(at.getMinX(), at.getMinY());
  }

  /**
   * The part of {@code b} on screen: presenter mode's zoom shows only part of the workspaces, and
   * an ⓘ beyond it would open its explanation off screen. Null when none of it is.
   */
  private Bounds visible(Bounds b) {
    return Overlap.of(b, shownArea());
  }

  /** The part of the workspaces on screen, in the layer's coordinates. */
  private Bounds shownArea() {
    Parent view = workspaces.getParent();
    if (view == null) {
      return layer.getLayoutBounds();
    }
    Bounds shown = view instanceof ZoomPane z ? z.viewport() : view.getLayoutBounds();
    return layer.sceneToLocal(view.localToScene(shown));
  }

  private Bounds inLayer(Node n) {
    return layer.sceneToLocal(n.localToScene(n.getLayoutBounds()));
  }

  private static boolean within(Bounds b, Bounds area) {
    return b.getMinX() >= area.getMinX() - 0.5
        && b.getMaxX() <= area.getMaxX() + 0.5
        && b.getMinY() >= area.getMinY() - 0.5
        && b.getMaxY() <= area.getMaxY() + 0.5;
  }

  private static boolean showing(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
