package io.gatescope.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** The small pieces every workspace builds its screen from, made one way everywhere. */
public final class Controls {
  private Controls() {}

  /** A section's title that wraps onto more lines rather than being cut. */
  public static Label title(String text) {
    return wrap(heading(text));
  }

  /** A section's title on one line. */
  public static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("section-title");
    return l;
  }

  /** A muted sentence that wraps onto more lines rather than being cut. */
  public static Label note(String text) {
    Label l = wrap(new Label(text));
    l.getStyleClass().add("muted");
    return l;
  }

  /** Lets a label wrap, as tall as its lines need. */
  public static Label wrap(Label l) {
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  /** A button with an icon and a tooltip that runs {@code action}. */
  public static Button button(String text, String icon, String tip, Runnable action) {
    Button b = new Button(text, new FontIcon(icon));
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }

  /** Controls in a row that wraps onto a second line before any is cut. */
  public static FlowPane flow(Node... children) {
    FlowPane f = new FlowPane(8, 6, children);
    f.setAlignment(Pos.CENTER_LEFT);
    return f;
  }

  /** Controls in a row, centred vertically. */
  public static HBox row(double gap, Node... children) {
    HBox row = new HBox(gap, children);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  /** Takes the spare width of a row. */
  public static Region spacer() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }

  /** Keeps each control at least as wide as its text. */
  public static void keepWidth(Region... regions) {
    for (Region r : regions) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
  }

  /**
   * Makes {@code view} a workspace: its id, the style class every workspace has and its own style
   * sheet, {@code css} next to its class.
   */
  public static void workspace(Region view, String id, String css) {
    view.setId(id);
    view.getStyleClass().add("workspace");
    view.getStylesheets().add(view.getClass().getResource(css).toExternalForm());
  }
}
