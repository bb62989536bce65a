package io.gatescope.ui.units;

import io.gatescope.ui.common.CanvasWidget;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A small chart of values over categories or steps: bars from 0 (the mean per true digit 0–9) or a
 * line (the mean per step 1–28), with its range written at the left.
 */
final class Bars extends CanvasWidget {
  private static final Font FONT = Font.font(10);
  private static final double LEFT = 44;
  private static final double BOTTOM = 14;

  private double[] values = new double[0];
  private boolean line;
  private int firstLabel;

  Bars(boolean line, int firstLabel) {
    super(140, 80, 240, 110);
    this.line = line;
    this.firstLabel = firstLabel;
    getStyleClass().add("unit-chart");
  }

  void show(double[] v) {
    values = v == null ? new double[0] : v.clone();
    paint();
  }

  double[] values() {
    return values.clone();
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    int n = values.length;
    if (n == 0) {
      return;
    }
    double lo = 0;
    double hi = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (line) { // a line need not start at 0
      lo = Double.POSITIVE_INFINITY;
      hi = Double.NEGATIVE_INFINITY;
      for (double v : values) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    double pw = w - LEFT - 4;
    double ph = h - BOTTOM - 6;
    double top = 6;
    final double lo0 = lo;
    final double span = hi - lo;
    java.util.function.DoubleUnaryOperator y = v -> top + ph - (v - lo0) / span * ph;
    g.setFont(FONT);
    g.setFill(Color.web("#aab1b8"));
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(String.format("%.3f", hi), LEFT - 4, top);
    g.fillText(String.format("%.3f", lo), LEFT - 4, top + ph);
    g.setStroke(Color.web("#4a525a"));
    g.setLineWidth(1);
    g.strokeLine(LEFT, top + ph, LEFT + pw, top + ph);
    double slot = pw / n;
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    int every = slot >= 14 ? 1 : slot >= 7 ? 3 : 9;
    for (int i = 0; i < n; i++) {
      int label = i + firstLabel;
      if (i % every == 0 || i == n - 1) {
        g.setFill(Color.web("#aab1b8"));
        g.fillText(Integer.toString(label), LEFT + (i + 0.5) * slot, top + ph + 2);
      }
    }
    if (line) {
      g.setStroke(Color.web("#56B4E9"));
      g.setLineWidth(2);
      g.beginPath();
      for (int i = 0; i < n; i++) {
        double x = LEFT + (i + 0.5) * slot;
        if (i == 0) {
          g.moveTo(x, y.applyAsDouble(values[i]));
        } else {
          g.lineTo(x, y.applyAsDouble(values[i]));
        }
      }
      g.stroke();
      return;
    }
    double zero = y.applyAsDouble(0);
    g.setFill(Color.web("#56B4E9"));
    for (int i = 0; i < n; i++) {
      double v = y.applyAsDouble(values[i]);
      g.fillRect(LEFT + i * slot + slot * 0.15, Math.min(v, zero), slot * 0.7, Math.abs(zero - v));
    }
  }
}
