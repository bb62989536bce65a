package io.gatescope.ui.shell;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;

/**
 * Shows its content {@code scale} times larger, as a projector needs: the content is laid out at
 * the pane's size divided by the scale, but never smaller than a floor (the smallest size the
 * workspaces are made to fit: below it their text would be cut), and drawn scaled, so text, lines,
 * heatmap cells and icons all grow together. When the floor times the scale is more than the pane,
 * scroll bars reach the rest: a scroll, never cut text.
 *
 * <p>Its own scroll bars, not a ScrollPane: a ScrollPane would take the arrow keys the workspaces
 * use to step through time.
 */
final class ZoomPane extends Region {
  private final Node content;
  private final Scale zoom = new Scale(1, 1, 0, 0);
  private final ScrollBar horizontal = new ScrollBar();
  private final ScrollBar vertical = new ScrollBar();
  private final Rectangle clip = new Rectangle();
  private double scale = 1;
  private double floorWidth;
  private double floorHeight;
  private double viewWidth;
  private double viewHeight;

  ZoomPane(Node content) {
    this.content = content;
    setId("presenter-zoom");
    content.getTransforms().add(zoom);
    vertical.setOrientation(Orientation.VERTICAL);
    for (ScrollBar bar : new ScrollBar[] {horizontal, vertical}) {
      bar.setFocusTraversable(false);
      bar.valueProperty().addListener(o -> requestLayout());
    }
    getChildren().addAll(horizontal, vertical);
    setClip(clip);
    // The wheel scrolls what the content does not scroll itself.
    addEventHandler(
        javafx.scene.input.ScrollEvent.SCROLL,
        e -> {
          if (vertical.isVisible() && e.getDeltaY() != 0) {
            vertical.setValue(clamp(vertical, vertical.getValue() - e.getDeltaY()));
            e.consume();
          }
        });
  }

  /** Takes the content in (it was elsewhere while presenter mode was off). */
  void adopt() {
    if (content.getParent() != this) {
      getChildren().add(0, content);
    }
  }

  /** Lets the content go, to be shown elsewhere at its own size. */
  void release() {
    getChildren().remove(content);
  }

  /** Draws the content {@code s} times larger, laid out at no less than {@code w} × {@code h}. */
  void zoom(double s, double w, double h) {
    scale = s;
    floorWidth = w;
    floorHeight = h;
    zoom.setX(s);
    zoom.setY(s);
    requestLayout();
  }

  double scale() {
    return scale;
  }

  /** The size the content is laid out at, before it is scaled. */
  double contentWidth() {
    return content.getLayoutBounds().getWidth();
  }

  double contentHeight() {
    return content.getLayoutBounds().getHeight();
  }

  /** What shows of the content, in the pane's coordinates: all of it but the scroll bars. */
  javafx.geometry.Bounds viewport() {
    return new javafx.geometry.BoundingBox(0, 0, viewWidth, viewHeight);
  }

  @Override
  protected double computeMinWidth(double height) {
    return 0;
  }

  @Override
  protected double computeMinHeight(double width) {
    return 0;
  }

  @Override
  protected double computePrefWidth(double height) {
    return floorWidth * scale;
  }

  @Override
  protected double computePrefHeight(double width) {
    return floorHeight * scale;
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    clip.setWidth(w);
    clip.setHeight(h);
    double bar = vertical.prefWidth(-1);
    // Which bars are needed: each one takes room from the other direction.
    boolean needH = floorWidth * scale > w;
    boolean needV = floorHeight * scale > h - (needH ? bar : 0);
    needH = floorWidth * scale > w - (needV ? bar : 0);
    double viewW = w - (needV ? bar : 0);
    double viewH = h - (needH ? bar : 0);
    viewWidth = viewW;
    viewHeight = viewH;
    double lw = Math.max(floorWidth, viewW / scale);
    double lh = Math.max(floorHeight, viewH / scale);
    setUp(horizontal, needH, lw * scale - viewW, viewW);
    setUp(vertical, needV, lh * scale - viewH, viewH);
    horizontal.resizeRelocate(0, viewH, viewW, needH ? bar : 0);
    vertical.resizeRelocate(viewW, 0, needV ? bar : 0, viewH);
    if (content.getParent() != this) {
      return;
    }
    content.resize(lw, lh);
    content.relocate(
        needH ? -Math.round(horizontal.getValue()) : 0,
        needV ? -Math.round(vertical.getValue()) : 0);
  }

  private static void setUp(ScrollBar bar, boolean needed, double overflow, double view) {
    bar.setVisible(needed);
    bar.setMin(0);
    bar.setMax(Math.max(0, overflow));
    bar.setVisibleAmount(Math.max(1, overflow * view / Math.max(1, overflow + view)));
    bar.setUnitIncrement(20);
    bar.setBlockIncrement(view * 0.8);
    bar.setValue(clamp(bar, bar.getValue()));
  }

  private static double clamp(ScrollBar bar, double v) {
    return Math.max(bar.getMin(), Math.min(bar.getMax(), v));
  }
}
