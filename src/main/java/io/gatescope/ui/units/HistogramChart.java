package io.gatescope.ui.units;

import io.gatescope.core.inspect.Histogram;
import io.gatescope.ui.common.CanvasWidget;
import java.util.function.DoubleConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A histogram (bins over [lo, hi]) with a title, and optionally a threshold θ: the bins it keeps (≥
 * θ) drawn strong, the others pale; clicking or dragging on it moves θ.
 */
final class HistogramChart extends CanvasWidget {
  private static final Font FONT = Font.font(10);
  private static final double BOTTOM = 14;
  private static final double TOP = 14;

  private Histogram histogram;
  private String title = "";
  private double theta = Double.NaN;
  private DoubleConsumer onTheta;

  HistogramChart() {
    super(100, 60, 160, 80);
    getStyleClass().add("unit-chart");
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> thetaAt(e.getX()));
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> thetaAt(e.getX()));
  }

  void show(Histogram h, String heading) {
    histogram = h;
    title = heading;
    paint();
  }

  /** Shows θ (NaN: none). */
  void theta(double t) {
    theta = t;
    paint();
  }

  /** θ as shown (NaN: none). */
  double theta() {
    return theta;
  }

  /** The x of value v on this chart (where a click sets θ to v). */
  double xOf(double v) {
    return 2
        + (v - histogram.lo())
            / (histogram.hi() - histogram.lo())
            * Math.max(1, canvas.getWidth() - 4);
  }

  /** Called with θ where the user clicks or drags. */
  void setOnTheta(DoubleConsumer c) {
    onTheta = c;
  }

  private void thetaAt(double x) {
    if (onTheta != null && histogram != null) {
      double f = Math.max(0, Math.min(1, (x - 2) / Math.max(1, canvas.getWidth() - 4)));
      onTheta.accept(histogram.lo() + f * (histogram.hi() - histogram.lo()));
    }
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    g.setFont(FONT);
    g.setFill(Color.web("#d8dde2"));
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(title, 2, 0, w - 4);
    if (histogram == null) {
      return;
    }
    long[] counts = histogram.counts();
    long most = 1;
    for (long c : counts) {
      most = Math.max(most, c);
    }
    double pw = w - 4;
    double ph = h - TOP - BOTTOM;
    double bw = pw / counts.length;
    for (int k = 0; k < counts.length; k++) {
      boolean kept =
          Double.isNaN(theta)
              || histogram.edge(k) + (histogram.hi() - histogram.lo()) / counts.length > theta;
      g.setFill(kept ? Color.web("#56B4E9") : Color.web("#56B4E9", 0.25));
      double bh = ph * counts[k] / (double) most;
      g.fillRect(2 + k * bw, TOP + ph - bh, Math.max(1, bw - 1), bh);
    }
    g.setStroke(Color.web("#4a525a"));
    g.strokeLine(2, TOP + ph, 2 + pw, TOP + ph);
    g.setFill(Color.web("#aab1b8"));
    g.fillText(String.format("%.2f", histogram.lo()), 2, TOP + ph + 1);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText(String.format("%.2f", histogram.hi()), w - 2, TOP + ph + 1);
    if (!Double.isNaN(theta)) {
      double x = 2 + (theta - histogram.lo()) / (histogram.hi() - histogram.lo()) * pw;
      x = Math.max(2, Math.min(2 + pw, x));
      g.setStroke(Color.web("#D55E00"));
      g.setLineWidth(2);
      g.strokeLine(x, TOP, x, TOP + ph);
      g.setLineWidth(1);
    }
  }
}
