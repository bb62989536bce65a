package io.gatescope.ui.common;

import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * What the pointer does on a heatmap: hover or click a cell, hover or click a unit number (the
 * pointer a hand there), and drag over the cells to brush a rectangle of display rows × steps, held
 * and drawn over the map until it is taken away.
 */
final class HeatmapGestures {
  private final Heatmap map;
  private final Canvas canvas;
  private Consumer<Heatmap.Cell> onHover = c -> {};
  private Consumer<Heatmap.Cell> onClick = c -> {};
  private IntConsumer onLabelClick;
  private IntConsumer onLabelHover = u -> {};
  private Consumer<Heatmap.Brush> onBrush;
  private int[] brush; // fromStep, fromRow, toStep, toRow as dragged (1-based steps), or null
  private Heatmap.Cell pressed;
  private boolean draggedOver; // this press has brushed (a drag over the cells)

  HeatmapGestures(Heatmap map, Canvas canvas) {
    this.map = map;
    this.canvas = canvas;
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> moved(e.getX(), e.getY()));
    canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> onHover.accept(null));
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
  }

  void setOnCellHover(Consumer<Heatmap.Cell> c) {
    onHover = c;
  }

  void setOnCellClick(Consumer<Heatmap.Cell> c) {
    onClick = c;
  }

  void setOnUnitLabelClick(IntConsumer c) {
    onLabelClick = c;
  }

  void setOnUnitLabelHover(IntConsumer c) {
    onLabelHover = c;
  }

  void setOnBrush(Consumer<Heatmap.Brush> c) {
    onBrush = c;
  }

  private void moved(double x, double y) {
    Heatmap.Cell c = map.cellAt(x, y);
    int label = c == null && onLabelClick != null ? map.unitLabelAt(x, y) : -1;
    canvas.setCursor(label >= 0 ? Cursor.HAND : null);
    if (label >= 0) {
      onLabelHover.accept(label);
    } else {
      onHover.accept(c);
    }
  }

  private void clicked(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    if (onLabelClick != null && map.cellAt(e.getX(), e.getY()) == null) {
      int label = map.unitLabelAt(e.getX(), e.getY());
      if (label >= 0) {
        onLabelClick.accept(label);
      }
      return;
    }
    if (onBrush == null || e.isStillSincePress()) { // a drag that brushed is not a click
      Heatmap.Cell c = map.cellAt(e.getX(), e.getY());
      if (c != null) {
        onClick.accept(c);
      }
    }
  }

  private void pressed(MouseEvent e) {
    pressed =
        onBrush != null && e.getButton() == MouseButton.PRIMARY
            ? map.cellAt(e.getX(), e.getY())
            : null;
    draggedOver = false;
  }

  private void dragged(MouseEvent e) {
    Heatmap.Cell c = map.cellAt(e.getX(), e.getY());
    if (pressed != null && c != null) {
      show(pressed.step(), map.rowOf(pressed.unit()), c.step(), map.rowOf(c.unit()));
      draggedOver = true;
    }
  }

  private void released(MouseEvent e) {
    Heatmap.Cell c = map.cellAt(e.getX(), e.getY());
    Heatmap.Cell from = pressed;
    pressed = null;
    if (from == null || e.isStillSincePress() || !(draggedOver || c != null)) {
      return;
    }
    if (c != null) {
      show(from.step(), map.rowOf(from.unit()), c.step(), map.rowOf(c.unit()));
    } // let go outside the cells: the rectangle as last dragged over them
    onBrush.accept(map.brush());
  }

  /** Shows a brush over steps step0..step1 (1-based) and display rows row0..row1. */
  void show(int step0, int row0, int step1, int row1) {
    brush = new int[] {step0, row0, step1, row1};
    map.paint();
  }

  /** Takes the brush away, and paints the map without it if {@code repaint}. */
  void clear(boolean repaint) {
    brush = null;
    if (repaint) {
      map.paint();
    }
  }

  /** Whether the brush reaches display row {@code rows} or below (rows of another model). */
  boolean reaches(int rows) {
    return brush != null && Math.max(brush[1], brush[3]) >= rows;
  }

  /** The brushed rectangle with the units of {@code order} (row → unit) on its rows, or null. */
  Heatmap.Brush brush(int[] order) {
    if (brush == null || order == null) {
      return null;
    }
    int r0 = Math.min(brush[1], brush[3]);
    int r1 = Math.max(brush[1], brush[3]);
    return new Heatmap.Brush(
        Math.min(brush[0], brush[2]),
        Math.max(brush[0], brush[2]),
        r0,
        r1,
        java.util.Arrays.copyOfRange(order, r0, r1 + 1));
  }

  /** Draws the brush, if any, over cells {@code cw} × {@code ch} whose first lies at (x0, y0). */
  void draw(GraphicsContext g, double x0, double y0, double cw, double ch) {
    if (brush == null) {
      return;
    }
    int s0 = Math.min(brush[0], brush[2]);
    int s1 = Math.max(brush[0], brush[2]);
    int r0 = Math.min(brush[1], brush[3]);
    int r1 = Math.max(brush[1], brush[3]);
    double bx = x0 + (s0 - 1) * cw;
    double by = y0 + r0 * ch;
    g.setFill(Color.web("#ffffff", 0.18));
    g.fillRect(bx, by, (s1 - s0 + 1) * cw, (r1 - r0 + 1) * ch);
    g.setStroke(Color.WHITE);
    g.setLineWidth(1.5);
    g.setLineDashes(4, 3);
    g.strokeRect(bx, by, (s1 - s0 + 1) * cw, (r1 - r0 + 1) * ch);
    g.setLineDashes();
  }
}
