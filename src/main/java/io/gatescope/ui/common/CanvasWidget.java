package io.gatescope.ui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A widget drawn on one Canvas that fills it (inside its insets): the canvas follows the widget's
 * size, and the widget paints again whenever that size changes. Subclasses draw; they call {@link
 * #paint()} when what they show changes.
 */
public abstract class CanvasWidget extends Region {
  /** The canvas the widget paints on; its size is the widget's content area. */
  protected final Canvas canvas = new Canvas();

  /**
   * @param minWidth smallest width the widget is laid out at
   * @param minHeight smallest height
   * @param prefWidth preferred width
   * @param prefHeight preferred height
   */
  protected CanvasWidget(double minWidth, double minHeight, double prefWidth, double prefHeight) {
    getChildren().add(canvas);
    setMinSize(minWidth, minHeight);
    setPrefSize(prefWidth, prefHeight);
  }

  /** Paints the widget afresh: clears the canvas, then {@link #draw draws} what it shows. */
  protected final void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    draw(g, canvas.getWidth(), canvas.getHeight());
  }

  /** Draws everything the widget shows onto the cleared canvas, {@code w} × {@code h}. */
  protected abstract void draw(GraphicsContext g, double w, double h);

  /**
   * The canvas's size for a content area of {@code w} × {@code h}: all of it, unless overridden.
   */
  protected double[] canvasSize(double w, double h) {
    return new double[] {Math.max(1, w), Math.max(1, h)};
  }

  /** Called after the canvas took a new size, before it is painted. */
  protected void resized() {}

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth() - snappedLeftInset() - snappedRightInset());
    double h = snapSizeY(getHeight() - snappedTopInset() - snappedBottomInset());
    double[] size = canvasSize(w, h);
    canvas.relocate(snappedLeftInset(), snappedTopInset());
    if (canvas.getWidth() != size[0] || canvas.getHeight() != size[1]) {
      canvas.setWidth(size[0]);
      canvas.setHeight(size[1]);
      resized();
      paint();
    }
  }
}
