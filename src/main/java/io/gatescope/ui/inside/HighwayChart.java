package io.gatescope.ui.inside;

import io.gatescope.ui.common.CanvasWidget;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The gradient highway: ‖∂L/∂c⟨t⟩‖ and ‖∂L/∂a⟨t⟩‖ against t = 1..28 on a log axis, for this digit,
 * with the compared cells' ‖∂L/∂a⟨t⟩‖ beside them. The LSTM's c keeps its size far back; a vanilla
 * RNN's a fades. Colours and dashes from a colour-blind-safe set, named in the legend.
 */
final class HighwayChart extends CanvasWidget {
  private static final double LEFT = 38;
  private static final double BOTTOM = 14;
  private static final double TOP = 4;
  private static final double RIGHT = 6;
  private static final Font FONT = Font.font(9.5);
  private static final Color TEXT = Color.web("#aab1b8");
  private static final Color GRID = Color.web("#3a4046");
  private List<HighwaySeries> series = List.of();

  HighwayChart() {
    super(200, 90, 330, 130);
    getStyleClass().add("highway-chart");
    setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
  }

  void show(List<HighwaySeries> s) {
    series = List.copyOf(s);
    StringBuilder a11y = new StringBuilder();
    for (HighwaySeries h : series) {
      a11y.append(h.label()).append(". ");
    }
    setAccessibleText(a11y.toString());
    paint();
  }

  /** The series shown (for tests). */
  List<HighwaySeries> series() {
    return series;
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    double pw = Math.max(1, w - LEFT - RIGHT);
    double ph = Math.max(1, h - BOTTOM - TOP);
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (HighwaySeries s : series) {
      for (double v : s.values()) {
        if (v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    g.setFont(FONT);
    g.setFill(TEXT);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (int t : new int[] {1, 7, 14, 21, 28}) {
      g.fillText(Integer.toString(t), LEFT + (t - 1) / 27.0 * pw, TOP + ph + 2);
    }
    if (hi <= 0) {
      return;
    }
    int d0 = (int) Math.floor(Math.log10(lo));
    int d1 = (int) Math.ceil(Math.log10(hi));
    if (d1 == d0) {
      d1++;
    }
    int every = Math.max(1, (int) Math.ceil((d1 - d0) / Math.max(1.0, ph / 16)));
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    g.setLineWidth(1);
    for (int d = d0; d <= d1; d += every) {
      double y = TOP + ph * (1 - (d - d0) / (double) (d1 - d0));
      g.setStroke(GRID);
      g.strokeLine(LEFT, y, LEFT + pw, y);
      g.fillText("1e" + d, LEFT - 3, y);
    }
    for (HighwaySeries s : series) {
      style(g, s.line());
      double[] v = s.values();
      boolean down = false;
      g.beginPath();
      for (int t = 0; t < v.length; t++) {
        if (v[t] <= 0) {
          down = false;
          continue;
        }
        double x = LEFT + t / (double) (v.length - 1) * pw;
        double y = TOP + ph * (1 - (Math.log10(v[t]) - d0) / (d1 - d0));
        if (down) {
          g.lineTo(x, y);
        } else {
          g.moveTo(x, y);
          down = true;
        }
      }
      g.stroke();
    }
    g.setLineDashes();
    paintLegend(g);
  }

  /** The legend in the plot's upper left (the gradient is small early on): style and label. */
  private void paintLegend(GraphicsContext g) {
    double widest = 0;
    for (HighwaySeries s : series) {
      Text t = new Text(s.label());
      t.setFont(FONT);
      widest = Math.max(widest, t.getLayoutBounds().getWidth());
    }
    double x = LEFT + 4;
    double y = TOP + 4;
    g.setFill(Color.rgb(20, 23, 27, 0.8));
    g.fillRect(x - 2, y - 2, widest + 26, series.size() * 12 + 4);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    for (HighwaySeries s : series) {
      style(g, s.line());
      g.strokeLine(x, y + 5, x + 18, y + 5);
      g.setLineDashes();
      g.setFill(TEXT);
      g.fillText(s.label(), x + 22, y + 5);
      y += 12;
    }
  }

  private static void style(GraphicsContext g, HighwaySeries.Line line) {
    g.setLineWidth(line == HighwaySeries.Line.CELL || line == HighwaySeries.Line.HIDDEN ? 2 : 1.5);
    switch (line) {
      case CELL -> {
        g.setStroke(Color.web("#e69f00"));
        g.setLineDashes();
      }
      case HIDDEN -> {
        g.setStroke(Color.web("#56b4e9"));
        g.setLineDashes();
      }
      case COMPARED_GRU -> {
        g.setStroke(Color.web("#009e73"));
        g.setLineDashes(6, 3);
      }
      case COMPARED_RNN -> {
        g.setStroke(Color.web("#cc79a7"));
        g.setLineDashes(2, 3);
      }
    }
  }
}
