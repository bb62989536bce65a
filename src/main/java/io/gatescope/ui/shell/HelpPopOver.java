package io.gatescope.ui.shell;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.FlowText;
import io.gatescope.ui.common.Presenter;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.controlsfx.control.PopOver;

/**
 * The explanation of a panel: a ControlsFX PopOver by the panel's ⓘ with the topic's title and text
 * at presenter mode's font size, a fixed width, on the window's side of the ⓘ and kept inside the
 * window.
 */
final class HelpPopOver {
  private final Presenter presenter;
  private final PopOver popOver = new PopOver();
  private final Label popTitle = new Label();
  private final TextFlow popText = new TextFlow(); // words as Text nodes: FlowText
  private HelpTopics.Topic shown;

  HelpPopOver(Presenter presenter) {
    this.presenter = presenter;
    buildPopOver();
  }

  private void buildPopOver() {
    popTitle.getStyleClass().add("section-title");
    popTitle.setId("panel-help-title");
    popText.setId("panel-help-text");
    popTitle.setMaxWidth(Double.MAX_VALUE);
    popTitle.setMinHeight(Label.USE_PREF_SIZE);
    popText.setMinHeight(Region.USE_PREF_SIZE);
    VBox box = new VBox(6, popTitle, popText);
    box.getStyleClass().add("panel-help");
    popOver.setContentNode(box);
    popOver.setDetachable(false);
    popOver.setAutoHide(true);
    popOver.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
    popOver.setOnHidden(e -> shown = null);
    // No fades: a fading hide ends a pulse later with a hide of its own, which closed an
    // explanation opened in the meantime (Esc and at once F2, or one ⓘ and then another).
    popOver.setAnimated(false);
    // A pop-up is a window of its own: it needs the style sheet itself, over the pop-over's own.
    popOver.getStyleClass().add("panel-help-popover");
    popOver
        .getScene()
        .getRoot()
        .getStylesheets()
        .add(HelpPopOver.class.getResource("shell.css").toExternalForm());
  }

  /** Opens the explanation of {@code t} next to its ⓘ {@code b}. */
  void open(HelpTopics.Topic t, Button b) {
    prepare(t, b);
    // show() closes a showing pop-over itself, at once.
    popOver.setArrowLocation(towardsTheMiddle(b.localToScene(b.getBoundsInLocal()), b.getScene()));
    popOver.show(b);
    keepInside(b.getScene().getWindow());
  }

  /**
   * Opens the explanation of {@code t} pointing at {@code screen} (screen coordinates) in {@code
   * panel}: for a panel whose ⓘ is out of presenter mode's zoomed view.
   */
  void openAt(HelpTopics.Topic t, Node panel, Point2D screen) {
    prepare(t, panel);
    Node root = panel.getScene().getRoot();
    Point2D inScene = root.localToScene(root.screenToLocal(screen));
    popOver.setArrowLocation(
        towardsTheMiddle(new BoundingBox(inScene.getX(), inScene.getY(), 0, 0), panel.getScene()));
    popOver.show(panel, screen.getX(), screen.getY());
    javafx.stage.Window w = panel.getScene().getWindow();
    keepInside(w);
    // Shown at a point, the pop-over places itself again once its content is laid out (its height
    // is known only then): keep it inside after that too.
    javafx.application.Platform.runLater(() -> keepInside(w));
  }

  /** The title, the text and a width for {@code t}, at presenter mode's size. */
  private void prepare(HelpTopics.Topic t, Node by) {
    popTitle.setText(Messages.get(t.titleKey()));
    FlowText.show(popText, Messages.get(t.textKey()), "panel-help-word");
    double font = presenter.fontSize();
    // A fixed width (30 characters of the current size), so the text wraps the same every time and
    // the pop-over's frame is measured around it.
    double width = Math.min(font * 30, windowWidth(by) * 0.45);
    VBox box = (VBox) popOver.getContentNode();
    box.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx; -fx-padding: 10;", font));
    box.setMinWidth(width);
    box.setPrefWidth(width);
    box.setMaxWidth(width);
    shown = t;
  }

  /** Moves the shown pop-over back inside {@code w} where it would run past an edge. */
  private void keepInside(javafx.stage.Window w) {
    double x =
        Math.max(w.getX(), Math.min(popOver.getX(), w.getX() + w.getWidth() - popOver.getWidth()));
    double y =
        Math.max(
            w.getY(), Math.min(popOver.getY(), w.getY() + w.getHeight() - popOver.getHeight()));
    popOver.setX(x);
    popOver.setY(y);
  }

  /**
   * The arrow's corner that puts the pop-over on the window's side of its ⓘ (or point): to the left
   * of an ⓘ in the right half, above one in the lower half. What still runs past an edge (a tall
   * text near the top) {@link #keepInside} moves back.
   */
  private static PopOver.ArrowLocation towardsTheMiddle(Bounds on, Scene scene) {
    boolean right = on.getCenterX() > scene.getWidth() / 2;
    boolean low = on.getCenterY() > scene.getHeight() / 2;
    if (low) {
      return right ? PopOver.ArrowLocation.BOTTOM_RIGHT : PopOver.ArrowLocation.BOTTOM_LEFT;
    }
    return right ? PopOver.ArrowLocation.TOP_RIGHT : PopOver.ArrowLocation.TOP_LEFT;
  }

  private static double windowWidth(Node b) {
    return b.getScene() == null ? Double.MAX_VALUE : b.getScene().getWidth();
  }

  /** The topic whose explanation is open, if any. */
  Optional<HelpTopics.Topic> shown() {
    return popOver.isShowing() ? Optional.ofNullable(shown) : Optional.empty();
  }

  /** The pop-over's text as shown (for tests). */
  String shownText() {
    return popText.getAccessibleText();
  }

  PopOver popOver() {
    return popOver;
  }
}
