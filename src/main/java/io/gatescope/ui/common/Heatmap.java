package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;

/**
 * A timestep × unit heatmap: x = timestep 1..T, y = unit (in the given order). The values are
 * painted into one WritableImage (one pixel per cell) and scaled onto one Canvas without smoothing:
 * no Node per cell, so a 28 × 512 map costs one image upload.
 *
 * <p>A left gutter labels rows with their real unit numbers (every 1st, 2nd, 4th, 8th, 16th, …
 * display row, as many as fit), so after reordering the numbers follow the units; a bottom gutter
 * labels timesteps.
 *
 * <p>Optionally a click on a unit number tells whose number it is ({@link #setOnUnitLabelClick}:
 * the pointer is a hand there), and a drag over the cells brushes a rectangle of display rows ×
 * steps ({@link #setOnBrush}), drawn over the map until {@link #clearBrush}.
 */
public final class Heatmap extends CanvasWidget {
  /** What the pointer is over: step (1-based), unit (model index), value. */
  public record Cell(int step, int unit, float value) {}

  /**
   * A brushed rectangle: steps {@code fromStep..toStep} (1-based), display rows {@code
   * fromRow..toRow}, and the units shown on those rows, top to bottom.
   */
  public record Brush(int fromStep, int toStep, int fromRow, int toRow, int[] units) {
    public Brush {
      units = units.clone();
    }

    @Override
    public int[] units() {
      return units.clone();
    }
  }

  private static final double TOP = HeatmapGrid.TOP;
  private static final int EMPTY_ARGB = 0xFF202428; // the plot's background: nothing shown here

  private float[][] values; // [T][H]
  private int[] order; // display row → unit
  private ColorMap map = ColorMap.SEQUENTIAL;
  private double lo = 0;
  private double hi = 1;
  private double logEps; // 0: linear colours; else signed log (see ColorMap.position)
  private WritableImage image;
  private double left = 20; // the unit gutter's width, from the widest unit number
  private final IntegerProperty cursor = new SimpleIntegerProperty(0); // step 1..T, 0 = none
  private int selectedStep = -1;
  private int selectedUnit = -1;
  private int shownSteps = Integer.MAX_VALUE; // columns after it are painted as not read yet
  private String exportName = "gatescope-heatmap";
  private final HeatmapGestures gestures;

  public Heatmap() {
    super(120, 80, 320, 200);
    getStyleClass().add("heatmap");
    setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
    cursor.addListener((o, a, b) -> paint());
    gestures = new HeatmapGestures(this, canvas);
  }

  /** The brushed rectangle shown, or null. */
  public Brush brush() {
    return gestures.brush(order);
  }

  /** Shows a brush over steps step0..step1 (1-based) and display rows row0..row1. */
  public void showBrush(int step0, int row0, int step1, int row1) {
    gestures.show(step0, row0, step1, row1);
  }

  /** Takes the brush away. */
  public void clearBrush() {
    gestures.clear(true);
  }

  /**
   * A drag over the cells brushes a rectangle, drawn while dragging and kept after; let go, it is
   * handed over. A click without a drag stays a click.
   */
  public void setOnBrush(Consumer<Brush> c) {
    gestures.setOnBrush(c);
  }

  /** A click on a unit number (left of the map) tells the unit; the pointer is a hand there. */
  public void setOnUnitLabelClick(java.util.function.IntConsumer c) {
    gestures.setOnUnitLabelClick(c);
  }

  /** Told the unit whose number is under the pointer (instead of a cell). */
  public void setOnUnitLabelHover(java.util.function.IntConsumer c) {
    gestures.setOnUnitLabelHover(c);
  }

  /**
   * The unit whose number label is nearest a point of the unit gutter (left of the plot, within
   * half a label spacing of its row's centre), or −1.
   */
  public int unitLabelAt(double x, double y) {
    int row = values == null ? -1 : grid().labelRowAt(x, y);
    return row < 0 ? -1 : order[row];
  }

  /** The centre of the unit number label of display row {@code row}, in this region. */
  public Point2D unitLabelCenter(int row) {
    return grid().unitLabelCenter(row);
  }

  /** The display row of a unit. */
  int rowOf(int unit) {
    return indexOf(order, unit);
  }

  /** Sets the data, row order, colour map and value range; repaints once. */
  public void show(float[][] v, int[] rowOrder, ColorMap cm, double min, double max) {
    show(v, rowOrder, cm, min, max, 0);
  }

  /**
   * As {@link #show(float[][], int[], ColorMap, double, double)}, on a signed-log colour scale when
   * {@code signedLogEps} is above 0. A NaN value (not computed yet) is left blank.
   */
  public void show(
      float[][] v, int[] rowOrder, ColorMap cm, double min, double max, double signedLogEps) {
    this.logEps = signedLogEps;
    setAccessibleText(Messages.get("a11y.heatmap", v.length, rowOrder.length, min, max));
    this.values = v;
    this.order = rowOrder;
    if (gestures.reaches(rowOrder.length)) {
      gestures.clear(false); // rows of another model
    }
    this.map = cm;
    this.lo = min;
    this.hi = max;
    Text widest = new Text(Integer.toString(Math.max(0, rowOrder.length - 1)));
    widest.setFont(HeatmapGrid.TICK_FONT);
    left = Math.ceil(widest.getLayoutBounds().getWidth()) + 7;
    rebuildImage();
    paint();
  }

  /**
   * Paints only the first {@code t} timesteps' columns; the rest as the empty background (the map
   * filling in as the rows are read). Every column by default.
   */
  public void showUpTo(int t) {
    shownSteps = t;
    rebuildImage();
    paint();
  }

  @Override
  protected void prepareColours() {
    if (values != null) {
      rebuildImage();
    }
  }

  /** The name exports propose, e.g. "heatmap-forget". */
  public void setExportName(String name) {
    exportName = name;
  }

  @Override
  protected String exportName() {
    return exportName;
  }

  /**
   * The map's numbers as shown: one row per timestep, one column per unit in the order shown (its
   * header names the unit), each value exactly as held.
   */
  @Override
  public CsvTable csv() {
    if (values == null) {
      return null;
    }
    java.util.List<String> header = new java.util.ArrayList<>();
    header.add(Messages.get("export.csv.timestep"));
    for (int unit : order) {
      header.add(Messages.get("export.csv.unit", unit));
    }
    CsvTable t = new CsvTable(header);
    for (int step = 0; step < values.length; step++) {
      java.util.List<String> row = new java.util.ArrayList<>();
      row.add(Integer.toString(step + 1));
      for (int unit : order) {
        row.add(CsvTable.number(values[step][unit]));
      }
      t.row(row);
    }
    return t;
  }

  public IntegerProperty stepCursorProperty() {
    return cursor;
  }

  public void select(int step, int unit) {
    selectedStep = step;
    selectedUnit = unit;
    paint();
  }

  /** Called with the cell under the pointer as it moves, and with null when it leaves a cell. */
  public void setOnCellHover(Consumer<Cell> c) {
    gestures.setOnCellHover(c);
  }

  public void setOnCellClick(Consumer<Cell> c) {
    gestures.setOnCellClick(c);
  }

  /** Where the cells and labels sit on the canvas as it is now. */
  private HeatmapGrid grid() {
    return new HeatmapGrid(
        canvas.getWidth(),
        canvas.getHeight(),
        left,
        values == null ? 0 : values.length,
        order == null ? 0 : order.length);
  }

  /** The cell under a point of this region, or null (used by hover and by tests). */
  public Cell cellAt(double x, double y) {
    int[] at = values == null ? null : grid().cellAt(x, y);
    if (at == null) {
      return null;
    }
    int unit = order[at[1]];
    return new Cell(at[0] + 1, unit, values[at[0]][unit]);
  }

  /** The centre of the cell at step (1-based) and display row, in this region's coordinates. */
  public Point2D centerOf(int step, int row) {
    return grid().centerOf(step, row);
  }

  /** The display rows that carry a unit-number label, top to bottom (for tests and a11y). */
  public int[] labelledRows() {
    return order == null ? new int[0] : grid().labelledRows();
  }

  /** The unit-number label of a display row: the real unit shown there. */
  public String unitLabel(int row) {
    return Integer.toString(order[row]);
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
    for (int row = 0; row < h; row++) {
      int unit = order[row];
      for (int t = 0; t < w; t++) {
        float v = values[t][unit];
        px[row * w + t] =
            t >= shownSteps
                ? EMPTY_ARGB
                : Float.isNaN(v) ? 0 : map.argb(ColorMap.position(v, lo, hi, logEps));
      }
    }
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
  }

  @Override
  protected void draw(GraphicsContext g, double width, double height) {
    HeatmapGrid grid = grid();
    double w = grid.plotWidth();
    double h = grid.plotHeight();
    g.setFill(Color.rgb(EMPTY_ARGB >> 16 & 0xFF, EMPTY_ARGB >> 8 & 0xFF, EMPTY_ARGB & 0xFF));
    g.fillRect(left, TOP, w, h);
    if (image == null) {
      return;
    }
    g.setImageSmoothing(false);
    g.drawImage(image, left, TOP, w, h);
    grid.paintTicks(g, order);
    double cw = w / values.length;
    if (cursor.get() >= 1) {
      g.setStroke(Color.WHITE);
      g.setLineWidth(1.5);
      g.strokeRect(left + (cursor.get() - 1) * cw + 0.5, TOP + 0.5, cw - 1, h - 1);
    }
    gestures.draw(g, left, TOP, cw, h / order.length);
    if (selectedStep >= 1 && selectedUnit >= 0) {
      int row = indexOf(order, selectedUnit);
      double ch = h / order.length;
      g.setStroke(Color.web("#ff3b30"));
      g.setLineWidth(2);
      g.strokeRect(left + (selectedStep - 1) * cw, TOP + row * ch - 1, cw, Math.max(3, ch + 2));
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
}
