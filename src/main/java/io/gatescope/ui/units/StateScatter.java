package io.gatescope.ui.units;

import io.gatescope.core.Messages;
import io.gatescope.core.inspect.StateMap;
import io.gatescope.ui.common.CanvasWidget;
import java.util.function.IntFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The state map: every state (image × step) a dot at its two principal coordinates, coloured by the
 * image's true digit (Okabe–Ito's eight colours, then grey and wine: told apart with the common
 * colour-vision deficiencies), a legend of the ten digits, the axes with the share of variance each
 * explains; the shown digit's path up to the current step as a line; under the pointer, the nearest
 * dot's image.
 */
final class StateScatter extends CanvasWidget {
  /** One colour per digit 0..9. */
  static final Color[] PALETTE = {
    Color.web("#F2F2F2"),
    Color.web("#E69F00"),
    Color.web("#56B4E9"),
    Color.web("#009E73"),
    Color.web("#F0E442"),
    Color.web("#0072B2"),
    Color.web("#D55E00"),
    Color.web("#CC79A7"),
    Color.web("#8C8C8C"),
    Color.web("#A6761D")
  };

  private static final Font FONT = Font.font(11);
  private static final double LEFT = 22;
  private static final double BOTTOM = 20;
  private static final double LEGEND = 44;

  /** A dot: image and step (0-based). */
  record Dot(int image, int step) {}

  private StateMap map;
  private double[][] path;
  private int steps = 28;
  private Dot hovered;
  private double[] thumbnailBox; // x, y, side of the hovered dot's image as drawn, or null
  private IntFunction<float[]> pixels = i -> null;
  private double x0;
  private double x1;
  private double y0;
  private double y1;

  StateScatter() {
    super(240, 200, 560, 420);
    getStyleClass().add("state-map");
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(dotAt(e.getX(), e.getY())));
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(null));
  }

  void show(StateMap m) {
    map = m;
    hovered = null;
    if (m != null) {
      x0 = y0 = Double.POSITIVE_INFINITY;
      x1 = y1 = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < m.images(); i++) {
        for (int t = 0; t < 28; t++) {
          x0 = Math.min(x0, m.x(i, t));
          x1 = Math.max(x1, m.x(i, t));
          y0 = Math.min(y0, m.y(i, t));
          y1 = Math.max(y1, m.y(i, t));
        }
      }
      if (!(x1 > x0)) {
        x1 = x0 + 1;
      }
      if (!(y1 > y0)) {
        y1 = y0 + 1;
      }
    }
    paint();
  }

  /** The shown digit's path, [step][x, y], drawn up to {@code upTo} steps (1..28). */
  void path(double[][] p, int upTo) {
    path = p;
    steps = upTo;
    paint();
  }

  /** The path's points drawn: as many as the current step. */
  int pathPointsDrawn() {
    return path == null ? 0 : Math.min(steps, path.length);
  }

  void setPixels(IntFunction<float[]> p) {
    pixels = p;
  }

  Dot hovered() {
    return hovered;
  }

  /** Where the hovered dot's image was drawn last: x, y, side (this widget's pixels), or null. */
  double[] thumbnailBox() {
    return thumbnailBox == null ? null : thumbnailBox.clone();
  }

  private void hover(Dot d) {
    if (d == null ? hovered != null : !d.equals(hovered)) {
      hovered = d;
      paint();
    }
  }

  private double plotW() {
    return Math.max(1, canvas.getWidth() - LEFT - LEGEND - 6);
  }

  private double plotH() {
    return Math.max(1, canvas.getHeight() - BOTTOM - 6);
  }

  /** The screen point of map coordinates (x, y), in this widget's coordinates. */
  double[] toScreen(double x, double y) {
    return new double[] {
      LEFT + (x - x0) / (x1 - x0) * plotW(), 6 + plotH() - (y - y0) / (y1 - y0) * plotH()
    };
  }

  /** The dot nearest (within 6 px) to a point, or null. */
  Dot dotAt(double sx, double sy) {
    if (map == null) {
      return null;
    }
    Dot best = null;
    double bestD = 36;
    for (int i = 0; i < map.images(); i++) {
      for (int t = 0; t < 28; t++) {
        double[] p = toScreen(map.x(i, t), map.y(i, t));
        double d = (p[0] - sx) * (p[0] - sx) + (p[1] - sy) * (p[1] - sy);
        if (d < bestD) {
          bestD = d;
          best = new Dot(i, t);
        }
      }
    }
    return best;
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    if (map == null) {
      return;
    }
    double[] ratio = map.plane().explainedVarianceRatio();
    g.setFont(FONT);
    g.setFill(Color.web("#aab1b8"));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.BOTTOM);
    g.fillText(Messages.get("units.map.axis1", ratio[0] * 100), LEFT + plotW() / 2, h - 2);
    g.save();
    g.translate(12, 6 + plotH() / 2);
    g.rotate(-90);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(Messages.get("units.map.axis2", ratio[1] * 100), 0, 0);
    g.restore();
    g.setStroke(Color.web("#4a525a"));
    g.strokeRect(LEFT, 6, plotW(), plotH());
    for (int i = 0; i < map.images(); i++) {
      g.setFill(PALETTE[map.label(i)].deriveColor(0, 1, 1, 0.45));
      for (int t = 0; t < 28; t++) {
        double[] p = toScreen(map.x(i, t), map.y(i, t));
        g.fillRect(p[0] - 1.5, p[1] - 1.5, 3, 3);
      }
    }
    drawLegend(g, w);
    drawPath(g);
    drawHovered(g);
  }

  private void drawLegend(GraphicsContext g, double w) {
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    for (int d = 0; d < 10; d++) {
      double y = 14 + d * 18;
      g.setFill(PALETTE[d]);
      g.fillRect(w - LEGEND + 6, y - 5, 10, 10);
      g.setFill(Color.web("#d8dde2"));
      g.fillText(Integer.toString(d), w - LEGEND + 22, y);
    }
  }

  private void drawPath(GraphicsContext g) {
    int n = pathPointsDrawn();
    if (n == 0) {
      return;
    }
    // A white line edged in black: seen over every digit's colour.
    for (int pass = 0; pass < 2; pass++) {
      g.setStroke(pass == 0 ? Color.BLACK : Color.WHITE);
      g.setLineWidth(pass == 0 ? 5 : 2.5);
      g.beginPath();
      for (int t = 0; t < n; t++) {
        double[] p = toScreen(path[t][0], path[t][1]);
        if (t == 0) {
          g.moveTo(p[0], p[1]);
        } else {
          g.lineTo(p[0], p[1]);
        }
      }
      g.stroke();
    }
    double[] last = toScreen(path[n - 1][0], path[n - 1][1]);
    g.setFill(Color.WHITE);
    g.setStroke(Color.BLACK);
    g.setLineWidth(2);
    g.fillOval(last[0] - 5, last[1] - 5, 10, 10);
    g.strokeOval(last[0] - 5, last[1] - 5, 10, 10);
    g.setLineWidth(1);
  }

  private void drawHovered(GraphicsContext g) {
    thumbnailBox = null;
    if (hovered == null) {
      return;
    }
    float[] px = pixels.apply(hovered.image());
    double[] p =
        toScreen(map.x(hovered.image(), hovered.step()), map.y(hovered.image(), hovered.step()));
    g.setStroke(Color.web("#D55E00"));
    g.setLineWidth(2);
    g.strokeOval(p[0] - 5, p[1] - 5, 10, 10);
    if (px == null) {
      return;
    }
    double side = 64;
    double bx = p[0] + 10 + side > LEFT + plotW() ? p[0] - 10 - side : p[0] + 10;
    double by = Math.max(6, Math.min(6 + plotH() - side - 16, p[1] - side / 2));
    g.setFill(Color.web("#202428"));
    g.fillRect(bx - 2, by - 2, side + 4, side + 18);
    g.setImageSmoothing(false);
    g.drawImage(Thumbnail.image(px), bx, by, side, side);
    thumbnailBox = new double[] {bx, by, side};
    g.setFill(Color.web("#d8dde2"));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    g.fillText(
        Messages.get(
            "units.map.dot", hovered.image(), map.label(hovered.image()), hovered.step() + 1),
        bx + side / 2,
        by + side + 1);
    g.setLineWidth(1);
  }
}
