package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A timestep × unit heatmap: x = timestep 1..T, y = unit (in the given order). The values are
 * painted into one WritableImage (one pixel per cell) and scaled onto one Canvas without smoothing:
 * no Node per cell, so a 28 × 512 map costs one image upload.
 */
public final class Heatmap extends Region {
  /** What the pointer is over: step (1-based), unit (model index), value. */
  public record Cell(int step, int unit, float value) {}

  private final Canvas canvas = new Canvas();
  private float[][] values; // [T][H]
  private int[] order; // display row → unit
  private ColorMap map = ColorMap.SEQUENTIAL;
  private double lo = 0;
  private double hi = 1;
  private WritableImage image;
  private final IntegerProperty cursor = new SimpleIntegerProperty(0); // step 1..T, 0 = none
  private int selectedStep = -1;
  private int selectedUnit = -1;
  private Consumer<Cell> onHover = c -> {};
  private Consumer<Cell> onClick = c -> {};

  public Heatmap() {
    getChildren().add(canvas);
    getStyleClass().add("heatmap");
    setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
    setMinSize(120, 80);
    setPrefSize(320, 200);
    cursor.addListener((o, a, b) -> paint());
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> cellAt(e.getX(), e.getY(), onHover));
    canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> cellAt(e.getX(), e.getY(), onClick));
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> onHover.accept(null));
  }

  /** Sets the data, row order, colour map and value range; repaints once. */
  public void show(float[][] v, int[] rowOrder, ColorMap cm, double min, double max) {
    setAccessibleText(Messages.get("a11y.heatmap", v.length, rowOrder.length, min, max));
    this.values = v;
    this.order = rowOrder;
    this.map = cm;
    this.lo = min;
    this.hi = max;
    rebuildImage();
    paint();
  }

  public IntegerProperty stepCursorProperty() {
    return cursor;
  }

  public void select(int step, int unit) {
    selectedStep = step;
    selectedUnit = unit;
    paint();
  }

  public void setOnCellHover(Consumer<Cell> c) {
    onHover = c;
  }

  public void setOnCellClick(Consumer<Cell> c) {
    onClick = c;
  }

  /** The cell under a point of this region, or null (used by hover and by tests). */
  public Cell cellAt(double x, double y) {
    if (values == null || x < 0 || y < 0 || x >= canvas.getWidth() || y >= canvas.getHeight()) {
      return null;
    }
    int t = (int) (x / canvas.getWidth() * values.length);
    int row = (int) (y / canvas.getHeight() * order.length);
    t = Math.min(values.length - 1, t);
    row = Math.min(order.length - 1, row);
    int unit = order[row];
    return new Cell(t + 1, unit, values[t][unit]);
  }

  private void cellAt(double x, double y, Consumer<Cell> to) {
    Cell c = cellAt(x, y);
    if (c != null) {
      to.accept(c);
    }
  }

  private void rebuildImage() {
    if (values == null) {
      image = null;
      return;
    }
    int w = values.length;
    int h = order.length;
    if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
      image = new WritableImage(w, h);
    }
    int[] px = new int[w * h];
    double span = hi - lo == 0 ? 1 : hi - lo;
    for (int row = 0; row < h; row++) {
      int unit = order[row];
      for (int t = 0; t < w; t++) {
        px[row * w + t] = map.argb((values[t][unit] - lo) / span);
      }
    }
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
  }

  private void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.setFill(Color.web("#202428"));
    g.fillRect(0, 0, w, h);
    if (image == null) {
      return;
    }
    g.setImageSmoothing(false);
    g.drawImage(image, 0, 0, w, h);
    double cw = w / values.length;
    if (cursor.get() >= 1) {
      g.setStroke(Color.WHITE);
      g.setLineWidth(1.5);
      g.strokeRect((cursor.get() - 1) * cw + 0.5, 0.5, cw - 1, h - 1);
    }
    if (selectedStep >= 1 && selectedUnit >= 0) {
      int row = indexOf(order, selectedUnit);
      double ch = h / order.length;
      g.setStroke(Color.web("#ff3b30"));
      g.setLineWidth(2);
      g.strokeRect((selectedStep - 1) * cw, row * ch - 1, cw, Math.max(3, ch + 2));
    }
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return 0;
  }

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth() - snappedLeftInset() - snappedRightInset());
    double h = snapSizeY(getHeight() - snappedTopInset() - snappedBottomInset());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(Math.max(1, w));
      canvas.setHeight(Math.max(1, h));
      paint();
    }
    canvas.relocate(snappedLeftInset(), snappedTopInset());
  }
}
