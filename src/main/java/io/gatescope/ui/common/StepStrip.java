package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * P(digit | rows 1..t) for t = 1..28: one column per timestep, one row per digit, brightness =
 * probability. Shows the model changing its mind as it reads down the image.
 */
public final class StepStrip extends Region {
  private final Canvas canvas = new Canvas();
  private float[][] steps; // [T][10]
  private int cursor;

  public StepStrip() {
    getChildren().add(canvas);
    getStyleClass().add("step-strip");
    setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
    setMinSize(200, 90);
    setPrefSize(420, 130);
  }

  public void show(float[][] stepProbs, int cursorStep) {
    steps = stepProbs;
    cursor = cursorStep;
    if (stepProbs == null || cursorStep < 1 || cursorStep > stepProbs.length) {
      setAccessibleText(Messages.get("a11y.strip.none"));
    } else {
      float[] p = stepProbs[cursorStep - 1];
      int best = io.gatescope.core.engine.RecurrentClassifier.argmax(p);
      setAccessibleText(Messages.get("a11y.strip", cursorStep, best, 100 * p[best]));
    }
    paint();
  }

  private void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.clearRect(0, 0, w, h);
    double left = 18;
    double bottom = 14;
    double cw = (w - left) / 28;
    double ch = (h - bottom) / 10;
    g.setFont(Font.font(Math.max(8, Math.min(11, ch * 0.8))));
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.CENTER);
    g.setFill(Color.web("#a0a6ac"));
    for (int k = 0; k < 10; k++) {
      g.fillText(Integer.toString(k), left / 2, k * ch + ch / 2);
    }
    for (int t = 1; t <= 28; t += 3) {
      g.fillText(Integer.toString(t), left + (t - 0.5) * cw, h - bottom / 2);
    }
    if (steps == null) {
      return;
    }
    for (int t = 0; t < steps.length; t++) {
      for (int k = 0; k < 10; k++) {
        g.setFill(
            Color.rgb(
                ColorMap.SEQUENTIAL.argb(steps[t][k]) >> 16 & 0xFF,
                ColorMap.SEQUENTIAL.argb(steps[t][k]) >> 8 & 0xFF,
                ColorMap.SEQUENTIAL.argb(steps[t][k]) & 0xFF));
        g.fillRect(left + t * cw, k * ch, Math.ceil(cw), Math.ceil(ch));
      }
    }
    if (cursor >= 1) {
      g.setStroke(Color.WHITE);
      g.setLineWidth(1.5);
      g.strokeRect(left + (cursor - 1) * cw, 0.5, cw, 10 * ch - 1);
    }
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(Math.max(1, getWidth()));
    canvas.setHeight(Math.max(1, getHeight()));
    paint();
  }
}
