package io.gatescope.ui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * A widget drawn on one Canvas that fills it (inside its insets): the canvas follows the widget's
 * size, and the widget paints again whenever that size changes. Subclasses draw; they call {@link
 * #paint()} when what they show changes.
 *
 * <p>Shown magnified (presenter mode), it paints at the size it is shown ({@link ZoomedCanvas}), so
 * its text and lines stay sharp.
 *
 * <p>Every canvas widget has the {@link PictureExport} menu on right-click: Copy image, Save PNG
 * (drawn again at twice the size: {@link #render}), and Save CSV of the numbers {@link #csv} gives.
 */
public abstract class CanvasWidget extends Region {
  static {
    TextLayoutGuard.install(); // canvas text is laid out on the render thread
  }

  /** The canvas the widget paints on; its size is the widget's content area. */
  protected final Canvas canvas = new Canvas();

  /**
   * @param minWidth smallest width the widget is laid out at
   * @param minHeight smallest height
   * @param prefWidth preferred width
   * @param prefHeight preferred height
   */
  protected CanvasWidget(double minWidth, double minHeight, double prefWidth, double prefHeight) {
    getChildren().addAll(canvas, zoomed.node());
    localToSceneTransformProperty()
        .addListener(
            o -> {
              if (getScene() != null && ZoomedCanvas.zoomOf(this) != zoom) {
                requestLayout();
              }
            });
    setMinSize(minWidth, minHeight);
    setPrefSize(prefWidth, prefHeight);
    PictureExport.attach(this, new PictureExport.Source(this::exportName, this::render, this::csv));
    ColorScheme.onChange(recolour);
  }

  /** Draws sharp while the widget is shown magnified (presenter mode). */
  private final ZoomedCanvas zoomed = new ZoomedCanvas(canvas);

  /** How much larger than its size the widget was last painted for (1: not magnified). */
  private double zoom = 1;

  /** Held here: the colour scheme holds it weakly. */
  private final javafx.beans.InvalidationListener recolour = o -> recoloured();

  /**
   * The colour scheme changed (presenter mode's high contrast): paint again with the new colours.
   * Widgets that keep colours in an image make it again first.
   */
  protected void recoloured() {
    prepareColours();
    paint();
  }

  /**
   * Makes again what the widget keeps coloured (an image of its cells) with the colour maps as they
   * are now; nothing by default. Called when the scheme changes and around an export that paints in
   * other colours than the window.
   */
  protected void prepareColours() {}

  private boolean exporting;

  /**
   * The widget drawn again into a new canvas {@code scale} times its size: the same drawing at a
   * finer resolution (text and lines stay sharp), on the window's background, in the colours of
   * exports ({@link ColorScheme#inExportColours}: the usual maps, even in presenter mode, unless
   * asked). FX thread.
   */
  public final WritableImage render(double scale) {
    if (!ColorScheme.exportChangesColours()) {
      return renderNow(scale);
    }
    try {
      return ColorScheme.inExportColours(
          () -> {
            prepareColours();
            return renderNow(scale);
          });
    } finally {
      prepareColours(); // the window's colours again, for the next paint
    }
  }

  private WritableImage renderNow(double scale) {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    Canvas c = new Canvas(Math.round(w * scale), Math.round(h * scale));
    GraphicsContext g = c.getGraphicsContext2D();
    g.setFill(PictureExport.BACKGROUND);
    g.fillRect(0, 0, c.getWidth(), c.getHeight());
    g.scale(scale, scale);
    exporting = true;
    try {
      draw(g, w, h);
    } finally {
      exporting = false;
    }
    javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
    p.setFill(PictureExport.BACKGROUND);
    return c.snapshot(p, null);
  }

  /**
   * True while {@link #render} draws: leave out what belongs to the pointer or the focus (a hover
   * read-out, a keyboard outline), which a picture for slides should not carry.
   */
  protected final boolean exporting() {
    return exporting;
  }

  /** The numbers behind the picture, exactly as the widget holds them, or null when none. */
  public CsvTable csv() {
    return null;
  }

  /** The file name an export proposes, without extension. */
  protected String exportName() {
    return "gatescope-" + getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /** Paints the widget afresh: clears the canvas, then {@link #draw draws} what it shows. */
  protected final void paint() {
    GraphicsContext g = zoomed.begin(zoom);
    try {
      draw(g, canvas.getWidth(), canvas.getHeight());
    } finally {
      zoomed.end();
    }
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
    double z = getScene() == null ? zoom : ZoomedCanvas.zoomOf(this);
    if (canvas.getWidth() != size[0] || canvas.getHeight() != size[1]) {
      canvas.setWidth(size[0]);
      canvas.setHeight(size[1]);
      zoom = z;
      resized();
      paint();
    } else if (z != zoom) {
      zoom = z;
      paint();
    }
  }
}
