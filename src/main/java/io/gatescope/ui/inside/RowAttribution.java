package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Reading;
import io.gatescope.ui.common.CanvasWidget;
import io.gatescope.ui.common.ColorMap;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Which rows of the picture mattered: the 28×28 input with gradient × input laid over it (purple
 * where a pixel lowered L, orange where it raised it; optional), and beside it one bar per picture
 * row, level with that row: ΔP(target) when the row is blanked (left of the centre line: blanking
 * it lowers P(target), so the row helped). The row read at timestep t is outlined.
 */
final class RowAttribution extends CanvasWidget {
  private static final double GAP = 6;
  private static final double BOTTOM = 12; // the bars' scale
  private static final Font FONT = Font.font(9.5);
  private static final Color TEXT = Color.web("#aab1b8");
  private final ReadOnlyStringWrapper readOut = new ReadOnlyStringWrapper("");
  private float[] image; // 28×28, [0, 1]
  private float[] attribution; // gradient × input, 28×28
  private float[] occlusion; // [28], picture rows
  private int target;
  private int step;
  private Reading reading = Reading.ROWS;
  private boolean overlay = true;

  RowAttribution() {
    super(160, 100, 226, 140);
    getStyleClass().add("row-attribution");
    setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getY()));
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> readOut.set(""));
  }

  /** Shows one backward trace's picture, attribution and occlusion; null clears. */
  void show(float[] img, float[] gradTimesInput, float[] rowOcclusion, int k) {
    image = img;
    attribution = gradTimesInput;
    occlusion = rowOcclusion;
    target = k;
    setAccessibleText(Messages.get("inside.back.occlusion.a11y", k));
    readOut.set("");
    paint();
  }

  /** Outlines the slice read at timestep t (1..28). */
  void mark(int t, Reading r) {
    step = t;
    reading = r;
    paint();
  }

  void setOverlay(boolean on) {
    overlay = on;
    paint();
  }

  /** "row 5 blanked: ΔP(7) = −0.0123" under the pointer, or "". */
  ReadOnlyStringProperty readOutProperty() {
    return readOut.getReadOnlyProperty();
  }

  /** The picture row (0-based) at height y, or −1. */
  int rowAt(double y) {
    double c = side() / 28;
    int s = (int) Math.floor(y / c);
    return occlusion == null || y < 0 || s >= 28 ? -1 : s;
  }

  /** The y of the middle of picture row s (0-based). */
  double rowCentre(int s) {
    return (s + 0.5) * side() / 28;
  }

  private void hoverAt(double y) {
    int s = rowAt(y);
    readOut.set(
        s < 0
            ? ""
            : Messages.get(
                "inside.back.occlusion.hover", s + 1, target, TraceTexts.exact(occlusion[s])));
  }

  private double side() {
    return Math.max(28, Math.min(canvas.getHeight() - BOTTOM, canvas.getWidth() * 0.62));
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    double s = side();
    double c = s / 28;
    g.setFill(Color.BLACK);
    g.fillRect(0, 0, s, s);
    if (image == null) {
      return;
    }
    paintImage(g, c);
    paintBars(g, s + GAP, w - s - GAP, c);
    if (step >= 1) {
      g.setStroke(Color.web("#ffb000"));
      g.setLineWidth(2);
      int slice = reading.sliceAt(step - 1);
      if (reading == Reading.COLUMNS) {
        g.strokeRect(slice * c, 1, c, s - 2);
      } else {
        g.strokeRect(1, slice * c, s - 2, c);
      }
    }
  }

  private void paintImage(GraphicsContext g, double c) {
    double max = overlay ? maxAbs(attribution) : 0;
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        float v = image[y * 28 + x];
        if (v > 0) {
          g.setFill(Color.gray(Math.min(1, v) * (overlay ? 0.55 : 1)));
          g.fillRect(x * c, y * c, c, c);
        }
        if (max > 0) {
          float a = attribution[y * 28 + x];
          if (a != 0) {
            double strength = Math.sqrt(Math.abs(a) / max);
            g.setFill(color(ColorMap.position(a, -max, max, 0), 0.25 + 0.75 * strength));
            g.fillRect(x * c, y * c, c, c);
          }
        }
      }
    }
  }

  /** One bar per picture row from the centre line, scaled to the largest |ΔP|. */
  private void paintBars(GraphicsContext g, double x0, double bw, double c) {
    if (occlusion == null || bw < 10) {
      return;
    }
    double max = Math.max(1e-12, maxAbs(occlusion));
    double mid = x0 + bw / 2;
    for (int r = 0; r < 28; r++) {
      double len = occlusion[r] / max * (bw / 2 - 1);
      g.setFill(color(occlusion[r] < 0 ? 0.1 : 0.9, 1));
      g.fillRect(Math.min(mid, mid + len), r * c + 0.5, Math.abs(len), Math.max(1, c - 1));
    }
    g.setStroke(TEXT);
    g.setLineWidth(1);
    g.strokeLine(mid, 0, mid, 28 * c);
    g.setFont(FONT);
    g.setFill(TEXT);
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText("−" + brief(max), x0, 28 * c + 1);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText("+" + brief(max), x0 + bw, 28 * c + 1);
  }

  private static Color color(double pos, double alpha) {
    int argb = ColorMap.GRADIENT.argb(pos);
    return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, alpha);
  }

  static double maxAbs(float[] v) {
    double m = 0;
    if (v != null) {
      for (float x : v) {
        m = Math.max(m, Math.abs(x));
      }
    }
    return m;
  }

  /** A scale's end, short: "0.42", "3.1e-04". */
  static String brief(double v) {
    return v != 0 && Math.abs(v) < 0.01 ? String.format("%.1e", v) : String.format("%.2f", v);
  }
}
