package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Ten horizontal bars, one per digit, the most probable highlighted. Drawn on one Canvas. */
public final class ProbabilityBars extends CanvasWidget {
  private float[] probs;

  public ProbabilityBars() {
    super(160, 160, 260, 230);
    getStyleClass().add("probability-bars");
    setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
  }

  public void show(float[] p) {
    probs = p;
    if (p == null) {
      setAccessibleText(Messages.get("a11y.bars.none"));
    } else {
      int best = io.gatescope.core.engine.Softmax.argmax(p);
      setAccessibleText(Messages.get("a11y.bars", best, 100 * p[best]));
    }
    paint();
  }

  /** One row per digit: its probability as held. */
  @Override
  public CsvTable csv() {
    if (probs == null) {
      return null;
    }
    CsvTable t =
        new CsvTable(
            java.util.List.of(
                Messages.get("export.csv.digit"), Messages.get("export.csv.probability")));
    for (int k = 0; k < probs.length; k++) {
      t.row(java.util.List.of(Integer.toString(k), CsvTable.number(probs[k])));
    }
    return t;
  }

  @Override
  protected String exportName() {
    return "gatescope-probabilities";
  }

  public float[] shown() {
    return probs;
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    double rowH = h / 10;
    int best = -1;
    if (probs != null) {
      best = 0;
      for (int k = 1; k < 10; k++) {
        if (probs[k] > probs[best]) {
          best = k;
        }
      }
    }
    g.setFont(Font.font(Math.max(10, rowH * 0.55)));
    g.setTextBaseline(VPos.CENTER);
    double labelW = 22;
    double valueW = 56;
    double barMax = Math.max(10, w - labelW - valueW);
    for (int k = 0; k < 10; k++) {
      double y = k * rowH;
      g.setTextAlign(TextAlignment.LEFT);
      g.setFill(Color.web("#d0d4d8"));
      g.fillText(Integer.toString(k), 4, y + rowH / 2);
      g.setFill(Color.web("#2a2f35"));
      g.fillRect(labelW, y + rowH * 0.18, barMax, rowH * 0.64);
      if (probs != null) {
        g.setFill(k == best ? Color.web("#ffb000") : Color.web("#4c9be8"));
        g.fillRect(labelW, y + rowH * 0.18, barMax * probs[k], rowH * 0.64);
        g.setFill(Color.web("#d0d4d8"));
        g.fillText(String.format("%5.1f%%", 100 * probs[k]), labelW + barMax + 4, y + rowH / 2);
      }
    }
  }
}
