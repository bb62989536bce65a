package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.GateStatistics;
import io.gatescope.ui.common.CanvasWidget;
import io.gatescope.ui.common.CsvTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * One point per unit and gate: x = share of time the gate is shut (< 0.1), y = share it is open (>
 * 0.9). Drawn on one Canvas; clicking the nearest point selects that unit.
 */
final class GateScatter extends CanvasWidget {
  private static final Color[] COLORS = {
    Color.web("#56b4e9"), Color.web("#e69f00"), Color.web("#009e73"), Color.web("#cc79a7")
  };
  private GateStatistics stats;
  private int selected = -1;
  private IntConsumer onSelect = u -> {};
  private IntConsumer onOpen = u -> {};

  GateScatter() {
    super(200, 200, 230, 230);
    // A click selects the unit of the nearest dot; a double click opens its unit card.
    canvas.setOnMouseClicked(
        e -> {
          int u = nearest(e.getX(), e.getY());
          if (u >= 0 && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
            onSelect.accept(u);
            if (e.getClickCount() == 2) {
              onOpen.accept(u);
            }
          }
        });
    canvas.setOnMouseMoved(
        e -> canvas.setCursor(nearest(e.getX(), e.getY()) >= 0 ? javafx.scene.Cursor.HAND : null));
    javafx.scene.control.Tooltip.install(
        this, new javafx.scene.control.Tooltip(Messages.get("inside.scatter.tip")));
  }

  /** What a double click on a dot does with its unit (the window opens its card in Units). */
  void setOnOpen(IntConsumer c) {
    onOpen = c;
  }

  /** The centre of unit u's dot for gate q, in this widget's coordinates (for tests). */
  javafx.geometry.Point2D dotOf(Quantity q, int u) {
    return new javafx.geometry.Point2D(px(stats.low().get(q)[u]), py(stats.high().get(q)[u]));
  }

  void show(GateStatistics s, int selectedUnit) {
    stats = s;
    setAccessibleText(
        s == null
            ? Messages.get("a11y.scatter.none")
            : Messages.get("a11y.scatter", s.images(), selectedUnit));
    double max = 0.1;
    if (s != null) {
      for (double[] v : s.low().values()) {
        for (double x : v) {
          max = Math.max(max, x);
        }
      }
      for (double[] v : s.high().values()) {
        for (double x : v) {
          max = Math.max(max, x);
        }
      }
    }
    range = Math.min(1, Math.ceil(max * 10) / 10);
    selected = selectedUnit;
    paint();
  }

  /**
   * Per unit, each gate's share of (image, timestep) pairs shut (below 0.1) and open (above 0.9).
   */
  @Override
  public CsvTable csv() {
    if (stats == null) {
      return null;
    }
    List<Quantity> gates = List.copyOf(stats.low().keySet());
    List<String> header = new ArrayList<>(List.of(Messages.get("export.csv.unitColumn")));
    for (Quantity g : gates) {
      header.add(Messages.get("export.csv.shut", g.symbol()));
      header.add(Messages.get("export.csv.open", g.symbol()));
    }
    CsvTable t = new CsvTable(header);
    int units = stats.low().get(gates.get(0)).length;
    for (int u = 0; u < units; u++) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(u)));
      for (Quantity g : gates) {
        row.add(CsvTable.number(stats.low().get(g)[u]));
        row.add(CsvTable.number(stats.high().get(g)[u]));
      }
      t.row(row);
    }
    return t;
  }

  void setOnSelect(IntConsumer c) {
    onSelect = c;
  }

  private static final double LEFT = 30; // room for the y axis title and its numbers
  private static final double BOTTOM = 30; // room for the x axis title and its numbers
  private static final double FONT = 11;

  /** Axis range: the largest share, rounded up to a tenth, so small shares are not a dot heap. */
  private double range = 1;

  private double px(double v) {
    return LEFT + v / range * (canvas.getWidth() - LEFT - 8);
  }

  private double py(double v) {
    return canvas.getHeight() - BOTTOM - v / range * (canvas.getHeight() - BOTTOM - 8);
  }

  int nearest(double x, double y) {
    if (stats == null) {
      return -1;
    }
    int best = -1;
    double bd = 100;
    for (Quantity g : stats.low().keySet()) {
      double[] lo = stats.low().get(g);
      double[] hi = stats.high().get(g);
      for (int u = 0; u < lo.length; u++) {
        double d = Math.hypot(px(lo[u]) - x, py(hi[u]) - y);
        if (d < bd) {
          bd = d;
          best = u;
        }
      }
    }
    return bd < 12 ? best : -1;
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    g.setStroke(Color.web("#4a525a"));
    g.strokeLine(px(0), py(0), px(range), py(0));
    g.strokeLine(px(0), py(0), px(0), py(range));
    g.setFill(Color.web("#b4bbc2"));
    g.setFont(Font.font(FONT));
    g.setTextBaseline(VPos.TOP);
    // Axis numbers: 0 and the range on both axes.
    String top = String.format("%.1f", range);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText("0", px(0) - 3, py(0) + 2);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText(top, px(range), py(0) + 2);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(top, px(0) - 3, py(range) + 4);
    // Axis titles, whole: in a smaller font if the axis is shorter than the title.
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.BOTTOM);
    String xTitle = Messages.get("inside.scatter.x");
    g.setFont(fitting(xTitle, px(range) - px(0)));
    g.fillText(xTitle, (px(0) + px(range)) / 2, h - 1);
    String yTitle = Messages.get("inside.scatter.y");
    g.setFont(fitting(yTitle, py(0) - py(range)));
    g.save();
    g.translate(1, (py(0) + py(range)) / 2);
    g.rotate(-90);
    g.setTextBaseline(VPos.TOP);
    g.fillText(yTitle, 0, 0);
    g.restore();
    g.setFont(Font.font(FONT));
    if (stats == null) {
      return;
    }
    int k = 0;
    double legendX = px(0.55 * range);
    for (Quantity q : stats.low().keySet()) {
      g.setFill(COLORS[k % COLORS.length]);
      double[] lo = stats.low().get(q);
      double[] hi = stats.high().get(q);
      for (int u = 0; u < lo.length; u++) {
        g.fillOval(px(lo[u]) - 2, py(hi[u]) - 2, 4, 4);
      }
      g.setTextAlign(TextAlignment.LEFT);
      g.setTextBaseline(VPos.TOP);
      g.fillText(q.symbol(), legendX + k * 26, py(range));
      k++;
    }
    if (selected >= 0) {
      g.setStroke(Color.web("#ff3b30"));
      g.setLineWidth(1.5);
      for (Quantity q : stats.low().keySet()) {
        double[] lo = stats.low().get(q);
        double[] hi = stats.high().get(q);
        if (selected < lo.length) {
          g.strokeOval(px(lo[selected]) - 4, py(hi[selected]) - 4, 8, 8);
        }
      }
    }
  }

  /** The axis-title font: FONT px, or smaller so that s fits in length px. */
  private static Font fitting(String s, double length) {
    javafx.scene.text.Text t = new javafx.scene.text.Text(s);
    for (double size = FONT; size > 7; size -= 0.5) {
      t.setFont(Font.font(size));
      if (t.getLayoutBounds().getWidth() <= length) {
        return t.getFont();
      }
    }
    return Font.font(7);
  }

  /** For tests: whether both axis titles fit whole, in a readable font (9 px or more). */
  boolean axisTitlesFit() {
    return fits(Messages.get("inside.scatter.x"), px(range) - px(0))
        && fits(Messages.get("inside.scatter.y"), py(0) - py(range));
  }

  private static boolean fits(String s, double length) {
    javafx.scene.text.Text t = new javafx.scene.text.Text(s);
    t.setFont(fitting(s, length));
    return t.getFont().getSize() >= 9 && t.getLayoutBounds().getWidth() <= length;
  }
}
