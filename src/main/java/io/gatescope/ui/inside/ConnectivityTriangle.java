package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.CanvasWidget;
import io.gatescope.ui.common.ColorMap;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The connectivity triangle: row t (the answer after reading t rows, P(· | rows 1..t)), column s
 * (the row read at step s ≤ t), colour = how strongly that answer depends on that input, ‖∂ log
 * P(target | rows 1..t) / ∂x⟨s⟩‖, on a log scale over three decades (the sequential map; black: no
 * dependence, above the diagonal the model cannot look ahead). The row of the shared timestep is
 * outlined, as the P(digit | rows 1..t) strip outlines its column; a click picks that timestep.
 */
final class ConnectivityTriangle extends CanvasWidget {
  private static final double LEFT = 16;
  private static final double BOTTOM = 12;
  private static final double LEGEND = 40;
  private static final double DECADES = 3;
  private static final Font FONT = Font.font(9.5);
  private static final Color TEXT = Color.web("#aab1b8");
  private final ReadOnlyStringWrapper readOut = new ReadOnlyStringWrapper("");
  private float[][] values; // [t][s]
  private double max;
  private int cursor;
  private IntConsumer onStepSelect = t -> {};

  ConnectivityTriangle() {
    super(140, 100, 226, 170);
    getStyleClass().add("connectivity");
    setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> readOut.set(""));
    canvas.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          int t = stepAt(e.getY());
          if (t >= 1 && e.getX() >= LEFT) {
            onStepSelect.accept(t);
          }
        });
  }

  void show(float[][] connectivity) {
    values = connectivity;
    max = 0;
    if (connectivity != null) {
      for (float[] row : connectivity) {
        for (float v : row) {
          max = Math.max(max, v);
        }
      }
    }
    setAccessibleText(Messages.get("inside.back.triangle.a11y"));
    paint();
  }

  /** Outlines the row of timestep t (1..28). */
  void mark(int t) {
    cursor = t;
    paint();
  }

  /** The outlined timestep. */
  int marked() {
    return cursor;
  }

  void setOnStepSelect(IntConsumer c) {
    onStepSelect = c;
  }

  ReadOnlyStringProperty readOutProperty() {
    return readOut.getReadOnlyProperty();
  }

  private double cell() {
    return Math.max(1, Math.min(canvas.getWidth() - LEFT - LEGEND, canvas.getHeight() - BOTTOM))
        / 28;
  }

  /** The timestep (1..28) of the row at height y, or −1. */
  int stepAt(double y) {
    int t = (int) Math.floor(y / cell()) + 1;
    return values == null || y < 0 || t > 28 ? -1 : t;
  }

  /** The centre of cell (t, s), both 1-based, in this widget's coordinates. */
  javafx.geometry.Point2D centreOf(int t, int s) {
    double c = cell();
    return new javafx.geometry.Point2D(LEFT + (s - 0.5) * c, (t - 0.5) * c);
  }

  private void hoverAt(double x, double y) {
    int t = stepAt(y);
    int s = (int) Math.floor((x - LEFT) / cell()) + 1;
    if (t < 1 || s < 1 || s > 28) {
      readOut.set("");
      return;
    }
    readOut.set(
        Messages.get("inside.back.triangle.hover", t, s, TraceTexts.exact(values[t - 1][s - 1])));
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    double c = cell();
    double side = 28 * c;
    g.setFill(Color.BLACK);
    g.fillRect(LEFT, 0, side, side);
    g.setFont(FONT);
    g.setFill(TEXT);
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.RIGHT);
    for (int t : new int[] {1, 7, 14, 21, 28}) {
      g.fillText(Integer.toString(t), LEFT - 3, (t - 0.5) * c);
    }
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.CENTER);
    for (int s : new int[] {1, 7, 14, 21, 28}) {
      g.fillText(Integer.toString(s), LEFT + (s - 0.5) * c, side + 1);
    }
    paintLegend(g, LEFT + side + 6, side);
    if (values == null || max <= 0) {
      return;
    }
    for (int t = 0; t < 28; t++) {
      for (int s = 0; s <= t; s++) {
        float v = values[t][s];
        if (v > 0) {
          g.setFill(color(1 + Math.log10(v / max) / DECADES));
          g.fillRect(LEFT + s * c, t * c, Math.ceil(c), Math.ceil(c));
        }
      }
    }
    if (cursor >= 1) {
      g.setStroke(Color.WHITE);
      g.setLineWidth(1.5);
      g.strokeRect(LEFT + 0.5, (cursor - 1) * c, side - 1, c);
    }
  }

  /** A vertical bar from the largest value down three decades, with its ends. */
  private void paintLegend(GraphicsContext g, double x, double height) {
    int n = Math.max(2, (int) height);
    for (int i = 0; i < n; i++) {
      g.setFill(color(1 - i / (double) (n - 1)));
      g.fillRect(x, i * height / n, 7, Math.ceil(height / n));
    }
    if (max <= 0) {
      return;
    }
    g.setFill(TEXT);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.fillText(RowAttribution.brief(max), x + 9, 0);
    g.setTextBaseline(VPos.BOTTOM);
    g.fillText(RowAttribution.brief(max / Math.pow(10, DECADES)), x + 9, height);
  }

  private static Color color(double pos) {
    int argb = ColorMap.SEQUENTIAL.argb(pos);
    return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF);
  }
}
