package io.gatescope.ui.common;

import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Transform;

/**
 * Keeps a canvas sharp when it is shown magnified (presenter mode draws the workspaces 1.5 to 2
 * times larger): a canvas scales as a bitmap, so its text and lines would be soft. While its owner
 * is shown {@code z} times larger, the drawing goes into a second canvas {@code z} times the size,
 * drawn scaled back down over the first (it lets the pointer through): on screen one pixel of it is
 * one pixel of the display. The first canvas stays the widget's surface (its size, the pointer's
 * coordinates), cleared.
 *
 * <p>The owner adds {@link #node()} after its canvas, asks {@link #zoomOf} in its layout, and
 * paints through {@link #begin}/{@link #end}. FX thread.
 */
public final class ZoomedCanvas {
  /** Beyond this the sharp copy would cost more memory than it is worth. */
  private static final double MAX_ZOOM = 4;

  private final Canvas surface;
  private final Canvas fine = new Canvas(1, 1);
  private final Scale down = new Scale(1, 1, 0, 0);
  private GraphicsContext open;

  /**
   * @param surface the owner's canvas, which the sharp one lies over exactly
   */
  public ZoomedCanvas(Canvas surface) {
    this.surface = surface;
    fine.layoutXProperty().bind(surface.layoutXProperty());
    fine.layoutYProperty().bind(surface.layoutYProperty());
    fine.setMouseTransparent(true);
    fine.setManaged(false);
    fine.setVisible(false);
    fine.getTransforms().add(down);
    fine.getStyleClass().add("zoomed-canvas");
  }

  /** The sharp canvas: add it to the owner's children, over the surface. */
  public Node node() {
    return fine;
  }

  /** True while the drawing goes into the sharp canvas (the owner is shown magnified). */
  public boolean active() {
    return fine.isVisible();
  }

  /**
   * How much larger than its own size {@code n} is shown now, from its transform to the scene (a
   * zoom around it), in hundredths; 1 when not magnified.
   */
  public static double zoomOf(Node n) {
    Transform t = n.getLocalToSceneTransform();
    double z = Math.round(100 * Math.hypot(t.getMxx(), t.getMyx())) / 100.0;
    return z <= 1.0 ? 1 : Math.min(MAX_ZOOM, z);
  }

  /**
   * Clears the surface and gives the graphics to draw it on, in its own coordinates (the surface's
   * size): the surface's own when {@code zoom} is 1, else the sharp canvas's, scaled by {@code
   * zoom}. Call {@link #end} after drawing.
   */
  public GraphicsContext begin(double zoom) {
    double w = surface.getWidth();
    double h = surface.getHeight();
    GraphicsContext g = surface.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    if (zoom <= 1) {
      if (fine.isVisible()) {
        fine.setVisible(false);
        fine.setWidth(1); // its memory back
        fine.setHeight(1);
      }
      open = null;
      return g;
    }
    double fw = Math.ceil(w * zoom);
    double fh = Math.ceil(h * zoom);
    if (fine.getWidth() != fw || fine.getHeight() != fh) {
      fine.setWidth(fw);
      fine.setHeight(fh);
    }
    down.setX(1 / zoom);
    down.setY(1 / zoom);
    fine.setVisible(true);
    open = fine.getGraphicsContext2D();
    open.clearRect(0, 0, fw, fh);
    open.save();
    open.scale(zoom, zoom);
    return open;
  }

  /** Ends what {@link #begin} started. */
  public void end() {
    if (open != null) {
      open.restore();
      open = null;
    }
  }
}
