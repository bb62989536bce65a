package io.gatescope.ui.common;

import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Where a heatmap's parts sit on a canvas of {@code width} × {@code height}: the cells fill the
 * plot right of the unit gutter ({@code left} wide) and above the step gutter, and the gutters
 * label as many rows and steps as fit without crowding.
 */
record HeatmapGrid(double width, double height, double left, int steps, int rows) {
  static final Font TICK_FONT = Font.font(9.5);
  static final double TOP = 5; // half a label above the first row, so it is not cut
  private static final Color TICK_COLOR = Color.web("#aab1b8");
  private static final double MIN_UNIT_SPACING = 10; // px between two unit labels
  private static final double MIN_STEP_SPACING = 18; // px between two timestep labels
  private static final double BOTTOM = 13; // the timestep gutter's height

  double plotWidth() {
    return Math.max(1, width - left);
  }

  double plotHeight() {
    return Math.max(1, height - BOTTOM - TOP);
  }

  /** The step (0-based) and display row under a point, or null outside the plot. */
  int[] cellAt(double x, double y) {
    double px = x - left;
    double py = y - TOP;
    if (px < 0 || py < 0 || px >= plotWidth() || py >= plotHeight()) {
      return null;
    }
    int t = (int) (px / plotWidth() * steps);
    int row = (int) (py / plotHeight() * rows);
    return new int[] {Math.min(steps - 1, t), Math.min(rows - 1, row)};
  }

  /** The centre of the cell at step (1-based) and display row. */
  Point2D centerOf(int step, int row) {
    double cw = plotWidth() / steps;
    double ch = plotHeight() / rows;
    return new Point2D(left + (step - 0.5) * cw, TOP + (row + 0.5) * ch);
  }

  /**
   * The display row whose unit label is nearest a point of the unit gutter (within half a label
   * spacing of the row's centre), or −1.
   */
  int labelRowAt(double x, double y) {
    if (x < 0 || x >= left) {
      return -1;
    }
    double ch = plotHeight() / rows;
    double reach = Math.max(ch, unitLabelEvery() * ch) / 2;
    int best = -1;
    double bestD = Double.MAX_VALUE;
    for (int row : labelledRows()) {
      double d = Math.abs(TOP + (row + 0.5) * ch - y);
      if (d <= reach && d < bestD) {
        bestD = d;
        best = row;
      }
    }
    return best;
  }

  /** The centre of the unit label of display row {@code row}. */
  Point2D unitLabelCenter(int row) {
    double ch = plotHeight() / rows;
    return new Point2D(left / 2, TOP + (row + 0.5) * ch);
  }

  /** The display rows that carry a unit label, top to bottom. */
  int[] labelledRows() {
    int every = unitLabelEvery();
    int[] labelled = new int[(rows + every - 1) / every];
    for (int i = 0; i < labelled.length; i++) {
      labelled[i] = i * every;
    }
    return labelled;
  }

  /** Label every k-th row, k a power of two, the smallest whose labels do not overlap. */
  private int unitLabelEvery() {
    double rowHeight = plotHeight() / rows;
    int k = 1;
    while (k < rows && k * rowHeight < MIN_UNIT_SPACING) {
      k *= 2;
    }
    return k;
  }

  private int stepLabelEvery() {
    double colWidth = plotWidth() / steps;
    for (int k : new int[] {1, 2, 4, 7, 14}) {
      if (k * colWidth >= MIN_STEP_SPACING) {
        return k;
      }
    }
    return steps;
  }

  /** The gutters: each labelled row's unit number ({@code order}: row → unit), the steps below. */
  void paintTicks(GraphicsContext g, int[] order) {
    double w = plotWidth();
    double h = plotHeight();
    g.setFont(TICK_FONT);
    g.setFill(TICK_COLOR);
    g.setStroke(TICK_COLOR);
    g.setLineWidth(1);
    double ch = h / rows;
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    for (int row : labelledRows()) {
      double y = TOP + (row + 0.5) * ch;
      g.strokeLine(left - 3, y, left, y);
      g.fillText(Integer.toString(order[row]), left - 4, y);
    }
    double cw = w / steps;
    int every = stepLabelEvery();
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    double bottom = TOP + h;
    for (int t = 1; t <= steps; t++) {
      // Step 1 is labelled too, unless its label would crowd the first multiple.
      if (t % every == 0 || (t == 1 && (every == 1 || every >= 4))) {
        double x = left + (t - 0.5) * cw;
        g.strokeLine(x, bottom, x, bottom + 2);
        g.fillText(Integer.toString(t), Math.min(x, width - 7), bottom + 2);
      }
    }
  }
}
