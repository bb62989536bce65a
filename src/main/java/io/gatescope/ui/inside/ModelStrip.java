package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.Softmax;
import io.gatescope.ui.common.CanvasWidget;
import io.gatescope.ui.common.ColorMap;
import io.gatescope.ui.common.CsvTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The whole model at the current timestep, one stage after another: the row x⟨t⟩ (28) → the
 * projection's output (P) → the top layer's a⟨t⟩ (H) → softmax (10), each as a strip of its values
 * in the maps' colours with its shape written. Every value is the trace's. A click on a stage asks
 * for the view that shows it.
 */
public final class ModelStrip extends CanvasWidget {
  /** The model's stages, in the order the data flows. */
  public enum Stage {
    INPUT,
    PROJECTION,
    RECURRENT,
    OUTPUT
  }

  private static final Color TEXT = Color.web("#d0d4d8");
  private static final Color MUTED = Color.web("#8a9099");
  private static final Color ACCENT = Color.web("#ffb000");

  private float[] row; // x⟨t⟩ [28]
  private float[] projected; // [P], or null
  private float[] hidden; // a⟨t⟩ of the top layer [H]
  private float[] probs; // P(digit | rows 1..t) [10]
  private String cell = "LSTM";
  private final List<Bounds> stages = new ArrayList<>();
  private final List<Stage> stageKinds = new ArrayList<>();
  private Consumer<Stage> onStage = s -> {};

  public ModelStrip() {
    super(420, 46, 900, 60);
    setId("model-strip");
    setAccessibleRole(AccessibleRole.TEXT);
    addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
  }

  /** What a click on a stage asks for. */
  public void setOnStage(Consumer<Stage> action) {
    onStage = action;
  }

  /** The stages at step t (1-based) of a trace whose input, in reading order, is {@code input}. */
  public void show(GateTrace tr, float[] input, int t) {
    int i = t - 1;
    row = new float[28];
    System.arraycopy(input, i * 28, row, 0, 28);
    projected = tr.projected() == null ? null : tr.projected()[i];
    hidden = tr.top(Quantity.HIDDEN)[i];
    probs = tr.stepProbabilities()[i];
    cell = tr.cell().name();
    int best = Softmax.argmax(probs);
    setAccessibleText(
        Messages.get(
            "inside.strip.a11y",
            t,
            projected == null ? 0 : projected.length,
            hidden.length,
            best,
            100 * probs[best]));
    paint();
  }

  /** Every stage's values at this step, as held: stage, index, value. */
  @Override
  public CsvTable csv() {
    if (row == null) {
      return null;
    }
    CsvTable t =
        new CsvTable(
            List.of(
                Messages.get("export.csv.stage"),
                Messages.get("export.csv.index"),
                Messages.get("export.csv.value")));
    for (Stage s : Stage.values()) {
      float[] v = values(s);
      for (int i = 0; v != null && i < v.length; i++) {
        t.row(List.of(stageName(s), Integer.toString(i), CsvTable.number(v[i])));
      }
    }
    return t;
  }

  private static String stageName(Stage s) {
    return switch (s) {
      case INPUT -> "x⟨t⟩";
      case PROJECTION -> "x⟨t⟩·Wp + bp";
      case RECURRENT -> "a⟨t⟩";
      case OUTPUT -> Messages.get("inside.steps"); // P(digit | rows 1..t)
    };
  }

  /** For tests: the values a stage shows (null when the model has no such stage). */
  float[] values(Stage s) {
    return switch (s) {
      case INPUT -> row;
      case PROJECTION -> projected;
      case RECURRENT -> hidden;
      case OUTPUT -> probs;
    };
  }

  /** For tests: the stage drawn under a point of the widget, or null. */
  Stage stageAt(double x, double y) {
    for (int k = 0; k < stages.size(); k++) {
      if (stages.get(k).contains(x, y)) {
        return stageKinds.get(k);
      }
    }
    return null;
  }

  /** For tests: the centre of a stage, in the widget's coordinates, or null if not drawn. */
  double[] centreOf(Stage s) {
    int k = stageKinds.indexOf(s);
    return k < 0 ? null : new double[] {stages.get(k).getCenterX(), stages.get(k).getCenterY()};
  }

  private void click(MouseEvent e) {
    Stage s = stageAt(e.getX(), e.getY());
    if (s != null) {
      onStage.accept(s);
    }
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    stages.clear();
    stageKinds.clear();
    if (row == null) {
      return;
    }
    List<Stage> shown = new ArrayList<>(List.of(Stage.INPUT));
    if (projected != null) {
      shown.add(Stage.PROJECTION);
    }
    shown.add(Stage.RECURRENT);
    shown.add(Stage.OUTPUT);
    double arrow = 26;
    double each = (w - arrow * (shown.size() - 1)) / shown.size();
    double x = 0;
    g.setFont(Font.font(11));
    g.setTextBaseline(VPos.TOP);
    for (int k = 0; k < shown.size(); k++) {
      Stage s = shown.get(k);
      drawStage(g, s, x, each, h);
      stages.add(new BoundingBox(x, 0, each, h));
      stageKinds.add(s);
      x += each;
      if (k < shown.size() - 1) {
        drawArrow(g, x + 4, x + arrow - 4, h * 0.62);
        x += arrow;
      }
    }
  }

  private void drawStage(GraphicsContext g, Stage s, double x, double w, double h) {
    float[] v =
        switch (s) {
          case INPUT -> row;
          case PROJECTION -> projected;
          case RECURRENT -> hidden;
          case OUTPUT -> probs;
        };
    String title =
        switch (s) {
          case INPUT -> Messages.get("inside.strip.input", v.length);
          case PROJECTION -> Messages.get("inside.strip.projection", 28, v.length);
          case RECURRENT -> Messages.get("inside.strip.recurrent", cell, v.length);
          case OUTPUT -> Messages.get("inside.strip.output", v.length);
        };
    g.setFill(TEXT);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(title, x, 2, w);
    double top = 20;
    double bh = Math.max(10, h - top - 6);
    double cw = w / v.length;
    double range = s == Stage.PROJECTION ? maxAbs(v) : 1;
    int best = s == Stage.OUTPUT ? Softmax.argmax(v) : -1;
    for (int j = 0; j < v.length; j++) {
      int argb =
          switch (s) {
            case INPUT -> grey(v[j]);
            case OUTPUT -> ColorMap.SEQUENTIAL.argb(v[j]);
            default -> ColorMap.DIVERGING.argb(0.5 + 0.5 * v[j] / range);
          };
      g.setFill(Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF));
      g.fillRect(x + j * cw, top, Math.max(1, cw - (cw > 3 ? 0.5 : 0)), bh);
    }
    g.setStroke(MUTED);
    g.setLineWidth(1);
    g.strokeRect(x + 0.5, top + 0.5, w - 1, bh - 1);
    if (best >= 0) {
      g.setStroke(ACCENT);
      g.setLineWidth(2);
      g.strokeRect(x + best * cw + 1, top + 1, cw - 2, bh - 2);
      g.setFill(Color.BLACK);
      g.setTextAlign(TextAlignment.CENTER);
      g.fillText(Integer.toString(best), x + (best + 0.5) * cw, top + bh / 2 - 7);
    }
  }

  private static int grey(float v) {
    int c = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
    return 0xFF000000 | c << 16 | c << 8 | c;
  }

  private static double maxAbs(float[] v) {
    double m = 1e-6;
    for (float f : v) {
      m = Math.max(m, Math.abs(f));
    }
    return m;
  }

  private static void drawArrow(GraphicsContext g, double x0, double x1, double y) {
    g.setStroke(MUTED);
    g.setLineWidth(1.5);
    g.strokeLine(x0, y, x1, y);
    g.strokeLine(x1 - 6, y - 4, x1, y);
    g.strokeLine(x1 - 6, y + 4, x1, y);
  }
}
