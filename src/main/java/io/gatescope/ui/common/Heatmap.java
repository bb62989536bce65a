package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

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

  private static final Font TICK_FONT = Font.font(9.5);
  private static final Color TICK_COLOR = Color.web("#aab1b8");
  private static final double MIN_UNIT_SPACING = 10; // px between two unit labels
  private static final double MIN_STEP_SPACING = 18; // px between two timestep labels
  private static final double BOTTOM = 13; // the timestep gutter's height
  private static final double TOP = 5; // half a label above the first row, so it is not cut
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
  private Consumer<Cell> onHover = c -> {};
  private Consumer<Cell> onClick = c -> {};
  private int shownSteps = Integer.MAX_VALUE; // columns after it are painted as not read yet
  private String exportName = "gatescope-heatmap";
  private java.util.function.IntConsumer onLabelClick;
  private java.util.function.IntConsumer onLabelHover = u -> {};
  private Consumer<Brush> onBrush;
  private int[] brush; // fromStep, fromRow, toStep, toRow as dragged (1-based steps), or null
  private Cell pressed;
  private boolean draggedOver; // this press has brushed (a drag over the cells)

  public Heatmap() {
    super(120, 80, 320, 200);
    getStyleClass().add("heatmap");
    setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
    cursor.addListener((o, a, b) -> paint());
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> moved(e.getX(), e.getY()));
    canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> onHover.accept(null));
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
  }

  private void moved(double x, double y) {
    Cell c = cellAt(x, y);
    int label = c == null && onLabelClick != null ? unitLabelAt(x, y) : -1;
    canvas.setCursor(label >= 0 ? javafx.scene.Cursor.HAND : null);
    if (label >= 0) {
      onLabelHover.accept(label);
    } else {
      onHover.accept(c);
    }
  }

  private void clicked(MouseEvent e) {
    if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY) {
      return;
    }
    if (onLabelClick != null && cellAt(e.getX(), e.getY()) == null) {
      int label = unitLabelAt(e.getX(), e.getY());
      if (label >= 0) {
        onLabelClick.accept(label);
      }
      return;
    }
    if (onBrush == null || e.isStillSincePress()) { // a drag that brushed is not a click
      cellAt(e.getX(), e.getY(), onClick);
    }
  }

  private void pressed(MouseEvent e) {
    pressed =
        onBrush != null && e.getButton() == javafx.scene.input.MouseButton.PRIMARY
            ? cellAt(e.getX(), e.getY())
            : null;
    draggedOver = false;
  }

  private void dragged(MouseEvent e) {
    Cell c = cellAt(e.getX(), e.getY());
    if (pressed != null && c != null) {
      brush = new int[] {pressed.step(), rowOf(pressed.unit()), c.step(), rowOf(c.unit())};
      draggedOver = true;
      paint();
    }
  }

  private void released(MouseEvent e) {
    Cell c = cellAt(e.getX(), e.getY());
    Cell from = pressed;
    pressed = null;
    if (from == null || e.isStillSincePress() || !(draggedOver || c != null)) {
      return;
    }
    if (c != null) {
      showBrush(from.step(), rowOf(from.unit()), c.step(), rowOf(c.unit()));
    } // let go outside the cells: the rectangle as last dragged over them
    onBrush.accept(brush());
  }

  /** The brushed rectangle shown, or null. */
  public Brush brush() {
    if (brush == null || order == null) {
      return null;
    }
    int r0 = Math.min(brush[1], brush[3]);
    int r1 = Math.max(brush[1], brush[3]);
    return new Brush(
        Math.min(brush[0], brush[2]),
        Math.max(brush[0], brush[2]),
        r0,
        r1,
        java.util.Arrays.copyOfRange(order, r0, r1 + 1));
  }

  /** Shows a brush over steps step0..step1 (1-based) and display rows row0..row1. */
  public void showBrush(int step0, int row0, int step1, int row1) {
    brush = new int[] {step0, row0, step1, row1};
    paint();
  }

  /** Takes the brush away. */
  public void clearBrush() {
    brush = null;
    paint();
  }

  /**
   * A drag over the cells brushes a rectangle, drawn while dragging and kept after; let go, it is
   * handed over. A click without a drag stays a click.
   */
  public void setOnBrush(Consumer<Brush> c) {
    onBrush = c;
  }

  /** A click on a unit number (left of the map) tells the unit; the pointer is a hand there. */
  public void setOnUnitLabelClick(java.util.function.IntConsumer c) {
    onLabelClick = c;
  }

  /** Told the unit whose number is under the pointer (instead of a cell). */
  public void setOnUnitLabelHover(java.util.function.IntConsumer c) {
    onLabelHover = c;
  }

  /**
   * The unit whose number label is nearest a point of the unit gutter (left of the plot, within
   * half a label spacing of its row's centre), or −1.
   */
  public int unitLabelAt(double x, double y) {
    if (values == null || x < 0 || x >= left) {
      return -1;
    }
    double ch = plotHeight() / order.length;
    double reach = Math.max(ch, unitLabelEvery() * ch) / 2;
    int best = -1;
    double bestD = Double.MAX_VALUE;
    for (int row : labelledRows()) {
      double d = Math.abs(TOP + (row + 0.5) * ch - y);
      if (d <= reach && d < bestD) {
        bestD = d;
        best = order[row];
      }
    }
    return best;
  }

  /** The centre of the unit number label of display row {@code row}, in this region. */
  public Point2D unitLabelCenter(int row) {
    double ch = plotHeight() / order.length;
    return new Point2D(left / 2, TOP + (row + 0.5) * ch);
  }

  private int rowOf(int unit) {
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
    if (brush != null && Math.max(brush[1], brush[3]) >= rowOrder.length) {
      brush = null; // rows of another model
    }
    this.map = cm;
    this.lo = min;
    this.hi = max;
    Text widest = new Text(Integer.toString(Math.max(0, rowOrder.length - 1)));
    widest.setFont(TICK_FONT);
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
    onHover = c;
  }

  public void setOnCellClick(Consumer<Cell> c) {
    onClick = c;
  }

  // ---- geometry: the cells fill the plot, right of the unit gutter and above the step gutter ----

  private double plotWidth() {
    return Math.max(1, canvas.getWidth() - left);
  }

  private double plotHeight() {
    return Math.max(1, canvas.getHeight() - BOTTOM - TOP);
  }

  /** The cell under a point of this region, or null (used by hover and by tests). */
  public Cell cellAt(double x, double y) {
    double px = x - left;
    double py = y - TOP;
    if (values == null || px < 0 || py < 0 || px >= plotWidth() || py >= plotHeight()) {
      return null;
    }
    int t = (int) (px / plotWidth() * values.length);
    int row = (int) (py / plotHeight() * order.length);
    t = Math.min(values.length - 1, t);
    row = Math.min(order.length - 1, row);
    int unit = order[row];
    return new Cell(t + 1, unit, values[t][unit]);
  }

  /** The centre of the cell at step (1-based) and display row, in this region's coordinates. */
  public Point2D centerOf(int step, int row) {
    double cw = plotWidth() / values.length;
    double ch = plotHeight() / order.length;
    return new Point2D(left + (step - 0.5) * cw, TOP + (row + 0.5) * ch);
  }

  /** The display rows that carry a unit-number label, top to bottom (for tests and a11y). */
  public int[] labelledRows() {
    if (order == null) {
      return new int[0];
    }
    int every = unitLabelEvery();
    int[] rows = new int[(order.length + every - 1) / every];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i * every;
    }
    return rows;
  }

  /** The unit-number label of a display row: the real unit shown there. */
  public String unitLabel(int row) {
    return Integer.toString(order[row]);
  }

  /** Label every k-th row, k a power of two, the smallest whose labels do not overlap. */
  private int unitLabelEvery() {
    double rowHeight = plotHeight() / order.length;
    int k = 1;
    while (k < order.length && k * rowHeight < MIN_UNIT_SPACING) {
      k *= 2;
    }
    return k;
  }

  private int stepLabelEvery() {
    double colWidth = plotWidth() / values.length;
    for (int k : new int[] {1, 2, 4, 7, 14}) {
      if (k * colWidth >= MIN_STEP_SPACING) {
        return k;
      }
    }
    return values.length;
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
    double w = plotWidth();
    double h = plotHeight();
    g.setFill(Color.rgb(EMPTY_ARGB >> 16 & 0xFF, EMPTY_ARGB >> 8 & 0xFF, EMPTY_ARGB & 0xFF));
    g.fillRect(left, TOP, w, h);
    if (image == null) {
      return;
    }
    g.setImageSmoothing(false);
    g.drawImage(image, left, TOP, w, h);
    paintTicks(g, w, h);
    double cw = w / values.length;
    if (cursor.get() >= 1) {
      g.setStroke(Color.WHITE);
      g.setLineWidth(1.5);
      g.strokeRect(left + (cursor.get() - 1) * cw + 0.5, TOP + 0.5, cw - 1, h - 1);
    }
    if (brush != null) {
      double ch = h / order.length;
      int s0 = Math.min(brush[0], brush[2]);
      int s1 = Math.max(brush[0], brush[2]);
      int r0 = Math.min(brush[1], brush[3]);
      int r1 = Math.max(brush[1], brush[3]);
      double bx = left + (s0 - 1) * cw;
      double by = TOP + r0 * ch;
      g.setFill(Color.web("#ffffff", 0.18));
      g.fillRect(bx, by, (s1 - s0 + 1) * cw, (r1 - r0 + 1) * ch);
      g.setStroke(Color.WHITE);
      g.setLineWidth(1.5);
      g.setLineDashes(4, 3);
      g.strokeRect(bx, by, (s1 - s0 + 1) * cw, (r1 - r0 + 1) * ch);
      g.setLineDashes();
    }
    if (selectedStep >= 1 && selectedUnit >= 0) {
      int row = indexOf(order, selectedUnit);
      double ch = h / order.length;
      g.setStroke(Color.web("#ff3b30"));
      g.setLineWidth(2);
      g.strokeRect(left + (selectedStep - 1) * cw, TOP + row * ch - 1, cw, Math.max(3, ch + 2));
    }
  }

  private void paintTicks(GraphicsContext g, double w, double h) {
    g.setFont(TICK_FONT);
    g.setFill(TICK_COLOR);
    g.setStroke(TICK_COLOR);
    g.setLineWidth(1);
    double ch = h / order.length;
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    for (int row : labelledRows()) {
      double y = TOP + (row + 0.5) * ch;
      g.strokeLine(left - 3, y, left, y);
      g.fillText(unitLabel(row), left - 4, y);
    }
    double cw = w / values.length;
    int every = stepLabelEvery();
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    double bottom = TOP + h;
    for (int t = 1; t <= values.length; t++) {
      // Step 1 is labelled too, unless its label would crowd the first multiple.
      if (t % every == 0 || (t == 1 && (every == 1 || every >= 4))) {
        double x = left + (t - 0.5) * cw;
        g.strokeLine(x, bottom, x, bottom + 2);
        g.fillText(Integer.toString(t), Math.min(x, canvas.getWidth() - 7), bottom + 2);
      }
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
