package io.gatescope.ui.evaluate;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.CanvasWidget;
import io.gatescope.ui.common.ColorMap;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A 10×10 confusion matrix on one Canvas: rows = true digit, columns = predicted digit, counts in
 * the cells, off-diagonal cells shaded by their count. Clicking a cell reports (true, predicted).
 */
final class ConfusionMatrix extends CanvasWidget {
  /** The colour of the diagonal (correct) cells. */
  static final int CORRECT_ARGB = 0xFF1F4D3A;

  static final Color CORRECT = Color.rgb(0x1F, 0x4D, 0x3A);

  private int[][] counts;
  private int[] selected;
  private Consumer<int[]> onSelect = c -> {};
  private final int[] cursor = {0, 0}; // the keyboard's cell: (true, predicted)

  ConfusionMatrix() {
    super(200, 200, 320, 320);
    setFocusTraversable(true);
    canvas.setOnMouseClicked(
        e -> {
          if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY) {
            return; // the right button opens the export menu
          }
          int[] cell = cellAt(e.getX(), e.getY());
          requestFocus();
          if (cell != null) {
            cursor[0] = cell[0];
            cursor[1] = cell[1];
            onSelect.accept(cell);
          }
        });
    // Keyboard: arrows move the outlined cell, Enter or Space shows its images.
    addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          switch (e.getCode()) {
            case UP -> cursor[0] = Math.max(0, cursor[0] - 1);
            case DOWN -> cursor[0] = Math.min(9, cursor[0] + 1);
            case LEFT -> cursor[1] = Math.max(0, cursor[1] - 1);
            case RIGHT -> cursor[1] = Math.min(9, cursor[1] + 1);
            case ENTER, SPACE -> onSelect.accept(cursor.clone());
            default -> {
              return;
            }
          }
          e.consume();
          paint();
        });
    focusedProperty().addListener(o -> paint());
  }

  void show(int[][] c, int[] sel) {
    counts = c;
    selected = sel;
    if (c == null) {
      setAccessibleText(Messages.get("a11y.matrix.none"));
    } else {
      long all = 0;
      long right = 0;
      for (int i = 0; i < c.length; i++) {
        for (int j = 0; j < c[i].length; j++) {
          all += c[i][j];
          right += i == j ? c[i][j] : 0;
        }
      }
      setAccessibleText(Messages.get("a11y.matrix", all, all - right));
    }
    paint();
  }

  /** The counts as shown: one row per true digit, one column per predicted digit. */
  @Override
  public io.gatescope.ui.common.CsvTable csv() {
    if (counts == null) {
      return null;
    }
    java.util.List<String> header = new java.util.ArrayList<>();
    header.add(Messages.get("export.csv.trueVsPredicted"));
    for (int p = 0; p < 10; p++) {
      header.add(Integer.toString(p));
    }
    io.gatescope.ui.common.CsvTable t = new io.gatescope.ui.common.CsvTable(header);
    for (int a = 0; a < counts.length; a++) {
      java.util.List<String> row = new java.util.ArrayList<>();
      row.add(Integer.toString(a));
      for (int n : counts[a]) {
        row.add(Integer.toString(n));
      }
      t.row(row);
    }
    return t;
  }

  @Override
  protected String exportName() {
    return "gatescope-confusion-matrix";
  }

  void setOnSelect(Consumer<int[]> c) {
    onSelect = c;
  }

  /** The band of digit labels above the columns and left of the rows. */
  private static final double LABELS = 24;

  /**
   * Width kept free at the right: the window's ⓘ for this panel sits inside its top right corner
   * (16 px and a 1 px margin), which would otherwise cover the "9" column's label, or the corner
   * cell where no labels row is above it.
   */
  static final double HELP_ROOM = 18;

  private double cell() {
    return Math.max(
            0, Math.min(canvas.getWidth() - LABELS - HELP_ROOM, canvas.getHeight() - LABELS))
        / 10;
  }

  /** The labels and the cells as drawn, in the widget's coordinates (for tests). */
  javafx.geometry.Bounds drawnBounds() {
    double side = LABELS + 10 * cell();
    return canvas.localToParent(new javafx.geometry.BoundingBox(0, 0, side, side));
  }

  int[] cellAt(double x, double y) {
    double s = cell();
    int col = (int) ((x - 24) / s);
    int row = (int) ((y - 24) / s);
    return x < 24 || y < 24 || col > 9 || row > 9 ? null : new int[] {row, col};
  }

  @Override
  protected void draw(GraphicsContext g, double width, double height) {
    double s = cell();
    g.setFont(Font.font(Math.max(9, s * 0.32)));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.setFill(Color.web("#9aa1a8"));
    for (int k = 0; k < 10; k++) {
      g.fillText(Integer.toString(k), 24 + (k + 0.5) * s, 12);
      g.fillText(Integer.toString(k), 12, 24 + (k + 0.5) * s);
    }
    if (counts == null) {
      return;
    }
    int maxOff = Math.max(1, maxWrong(counts));
    for (int a = 0; a < 10; a++) {
      for (int p = 0; p < 10; p++) {
        int n = counts[a][p];
        double x = 24 + p * s;
        double y = 24 + a * s;
        int argb = a == p ? CORRECT_ARGB : ColorMap.SEQUENTIAL.argb(Math.sqrt(n / (double) maxOff));
        g.setFill(
            n == 0 && a != p
                ? Color.web("#202428")
                : Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF));
        g.fillRect(x + 1, y + 1, s - 2, s - 2);
        if (n > 0) {
          double l = ColorMap.lightness(argb);
          g.setFill(a == p || l < 55 ? Color.WHITE : Color.BLACK);
          g.fillText(Integer.toString(n), x + s / 2, y + s / 2);
        }
      }
    }
    if (selected != null) {
      g.setStroke(Color.web("#ff3b30"));
      g.setLineWidth(2.5);
      g.strokeRect(24 + selected[1] * s, 24 + selected[0] * s, s, s);
    }
    if (isFocused() && !exporting()) {
      g.setStroke(Color.web("#ffb000"));
      g.setLineWidth(2);
      g.setLineDashes(4, 3);
      g.strokeRect(24 + cursor[1] * s + 2, 24 + cursor[0] * s + 2, s - 4, s - 4);
      g.setLineDashes();
    }
  }

  /** The largest off-diagonal count: the top of the colour scale. */
  static int maxWrong(int[][] c) {
    int max = 0;
    for (int a = 0; a < c.length; a++) {
      for (int p = 0; p < c[a].length; p++) {
        if (a != p) {
          max = Math.max(max, c[a][p]);
        }
      }
    }
    return max;
  }
}
