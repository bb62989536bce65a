package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * P(digit | rows 1..t) for t = 1..28: one column per timestep, one row per digit, colour =
 * probability on the sequential scale drawn at the right (0 to 1). Shows the model changing its
 * mind as it reads down the image. Hovering reads one cell out; clicking or dragging picks a
 * timestep (see {@link #setOnStepSelect}).
 */
public final class StepStrip extends CanvasWidget {
  private static final double LEFT = 18; // digit labels
  private static final double BOTTOM = 14; // timestep labels
  private static final double LEGEND = 34; // colour scale and its numbers
  private final ReadOnlyStringWrapper hover = new ReadOnlyStringWrapper("");
  private float[][] steps; // [T][10]
  private int cursor;
  private IntConsumer onStepSelect = t -> {};
  private double mouseX = -1;
  private double mouseY = -1;

  public StepStrip() {
    super(200, 90, 420, 130);
    getStyleClass().add("step-strip");
    setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::select);
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::select);
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hoverAt);
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::hoverAt);
    canvas.addEventHandler(
        MouseEvent.MOUSE_EXITED,
        e -> {
          mouseX = -1;
          hover.set("");
          paint();
        });
  }

  public void show(float[][] stepProbs, int cursorStep) {
    steps = stepProbs;
    cursor = cursorStep;
    if (stepProbs == null || cursorStep < 1 || cursorStep > stepProbs.length) {
      setAccessibleText(Messages.get("a11y.strip.none"));
    } else {
      float[] p = stepProbs[cursorStep - 1];
      int best = io.gatescope.core.engine.Softmax.argmax(p);
      setAccessibleText(Messages.get("a11y.strip", cursorStep, best, 100 * p[best]));
    }
    updateHover();
    paint();
  }

  /** P(digit | rows 1..t) as shown: one row per timestep, one column per digit, as held. */
  @Override
  public CsvTable csv() {
    if (steps == null) {
      return null;
    }
    java.util.List<String> header = new java.util.ArrayList<>();
    header.add(Messages.get("export.csv.timestep"));
    for (int k = 0; k < 10; k++) {
      header.add(Messages.get("export.csv.digitP", k));
    }
    CsvTable table = new CsvTable(header);
    for (int t = 0; t < steps.length; t++) {
      java.util.List<String> row = new java.util.ArrayList<>();
      row.add(Integer.toString(t + 1));
      for (int k = 0; k < steps[t].length; k++) {
        row.add(CsvTable.number(steps[t][k]));
      }
      table.row(row);
    }
    return table;
  }

  @Override
  protected String exportName() {
    return "gatescope-prediction-by-row";
  }

  /** Called with the timestep 1..28 of the column clicked or dragged over. */
  public void setOnStepSelect(IntConsumer action) {
    onStepSelect = action == null ? t -> {} : action;
  }

  /** The value under the mouse ("row t: P(digit d) = 0.873"), or "" when it is elsewhere. */
  public ReadOnlyStringProperty readOutProperty() {
    return hover.getReadOnlyProperty();
  }

  /** The timestep 1..28 of the column at x (clamped to the strip). */
  public int stepAt(double x) {
    double cw = columnWidth();
    int t = (int) Math.floor((x - LEFT) / cw) + 1;
    return Math.max(1, Math.min(28, t));
  }

  /** The x of the middle of timestep t's column, in this strip's coordinates. */
  public double columnCentre(int t) {
    return LEFT + (t - 0.5) * columnWidth();
  }

  private double columnWidth() {
    return Math.max(1, (canvas.getWidth() - LEFT - LEGEND) / 28);
  }

  private double rowHeight() {
    return Math.max(1, (canvas.getHeight() - BOTTOM) / 10);
  }

  private void select(MouseEvent e) {
    if (e.isPrimaryButtonDown() && e.getX() >= LEFT && e.getX() < canvas.getWidth() - LEGEND) {
      onStepSelect.accept(stepAt(e.getX()));
    }
  }

  private void hoverAt(MouseEvent e) {
    mouseX = e.getX();
    mouseY = e.getY();
    updateHover();
    paint();
  }

  private void updateHover() {
    double w = canvas.getWidth();
    boolean inside =
        steps != null
            && mouseX >= LEFT
            && mouseX < w - LEGEND
            && mouseY >= 0
            && mouseY < 10 * rowHeight();
    if (!inside) {
      hover.set("");
      return;
    }
    int t = Math.min(steps.length, stepAt(mouseX));
    int d = Math.max(0, Math.min(9, (int) Math.floor(mouseY / rowHeight())));
    hover.set(Messages.get("strip.hover", t, d, steps[t - 1][d]));
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    double cw = columnWidth();
    double ch = rowHeight();
    Font font = Font.font(Math.max(8, Math.min(11, ch * 0.8)));
    g.setFont(font);
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.CENTER);
    g.setFill(Color.web("#a0a6ac"));
    for (int k = 0; k < 10; k++) {
      g.fillText(Integer.toString(k), LEFT / 2, k * ch + ch / 2);
    }
    for (int t = 1; t <= 28; t += 3) {
      g.fillText(Integer.toString(t), LEFT + (t - 0.5) * cw, h - BOTTOM / 2);
    }
    paintLegend(g, w - LEGEND + 6, 10 * ch);
    if (steps == null) {
      return;
    }
    for (int t = 0; t < steps.length; t++) {
      for (int k = 0; k < 10; k++) {
        g.setFill(color(steps[t][k]));
        g.fillRect(LEFT + t * cw, k * ch, Math.ceil(cw), Math.ceil(ch));
      }
    }
    if (cursor >= 1) {
      g.setStroke(Color.WHITE);
      g.setLineWidth(1.5);
      g.strokeRect(LEFT + (cursor - 1) * cw, 0.5, cw, 10 * ch - 1);
    }
    paintHover(g, w, font);
  }

  /** A vertical colour bar, 1 at the top, 0 at the bottom, with its numbers. */
  private void paintLegend(GraphicsContext g, double x, double height) {
    double bw = 8;
    int n = Math.max(2, (int) height);
    for (int i = 0; i < n; i++) {
      g.setFill(color(1 - i / (double) (n - 1)));
      g.fillRect(x, i * height / n, bw, Math.ceil(height / n));
    }
    g.setStroke(Color.web("#4a525a"));
    g.setLineWidth(1);
    g.strokeRect(x, 0, bw, height);
    g.setFill(Color.web("#a0a6ac"));
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.fillText("1", x + bw + 3, 0);
    g.setTextBaseline(VPos.CENTER);
    g.fillText("0.5", x + bw + 3, height / 2);
    g.setTextBaseline(VPos.BOTTOM);
    g.fillText("0", x + bw + 3, height);
  }

  /** The hovered value in a small box beside the mouse, kept inside the strip. */
  private void paintHover(GraphicsContext g, double w, Font font) {
    String s = hover.get();
    if (s.isEmpty() || exporting()) {
      return;
    }
    Text measure = new Text(s);
    measure.setFont(font);
    double tw = measure.getLayoutBounds().getWidth() + 8;
    double th = measure.getLayoutBounds().getHeight() + 4;
    double x = mouseX + 12 + tw <= w ? mouseX + 12 : Math.max(0, mouseX - 12 - tw);
    double y = Math.max(0, Math.min(canvas.getHeight() - th, mouseY - th - 4));
    g.setFill(Color.rgb(20, 23, 27, 0.9));
    g.fillRect(x, y, tw, th);
    g.setStroke(Color.web("#ffb000"));
    g.setLineWidth(1);
    g.strokeRect(x + 0.5, y + 0.5, tw - 1, th - 1);
    g.setFill(Color.WHITE);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(s, x + 4, y + th / 2);
  }

  private static Color color(double v) {
    int argb = ColorMap.SEQUENTIAL.argb(v);
    return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF);
  }

  /** The read-out under the pointer belongs to the old size's columns. */
  @Override
  protected void resized() {
    updateHover();
  }
}
