package io.gatescope.ui.units;

import io.gatescope.ui.common.CanvasWidget;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A test image, small, with one row outlined (where the unit peaks) and a caption under it ("#123 ·
 * 0.9731"). Clicking it is the gallery's business.
 */
final class Thumbnail extends CanvasWidget {
  static final int SIDE = 28;
  private static final double CAPTION = 28;
  private static final Font FONT = Font.font(11);

  private WritableImage image;
  private int row = -1;
  private String caption = "";
  private int testIndex = -1;

  Thumbnail() {
    super(64, 64 + CAPTION, 88, 88 + CAPTION);
    getStyleClass().add("unit-thumbnail");
  }

  /**
   * @param px the 784 pixels (ink = 1)
   * @param outlined the row to outline, 0-based, or −1
   */
  void show(int index, float[] px, int outlined, String text) {
    testIndex = index;
    image = px == null ? null : image(px);
    row = outlined;
    caption = text;
    setAccessibleText(text);
    paint();
  }

  /** The test image shown, or −1. */
  int testIndex() {
    return testIndex;
  }

  /** The outlined row (0-based), or −1. */
  int outlinedRow() {
    return row;
  }

  String caption() {
    return caption;
  }

  static WritableImage image(float[] px) {
    WritableImage img = new WritableImage(SIDE, SIDE);
    var w = img.getPixelWriter();
    for (int i = 0; i < SIDE * SIDE; i++) {
      double v = 1 - Math.max(0, Math.min(1, px[i]));
      w.setColor(i % SIDE, i / SIDE, Color.gray(v));
    }
    return img;
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    if (image == null) {
      return;
    }
    double side = Math.max(1, Math.min(w, h - CAPTION));
    double x0 = (w - side) / 2;
    g.setImageSmoothing(false);
    g.drawImage(image, x0, 0, side, side);
    g.setStroke(Color.web("#aaaaaa"));
    g.setLineWidth(1);
    g.strokeRect(x0 + 0.5, 0.5, side - 1, side - 1);
    if (row >= 0) {
      double cell = side / SIDE;
      g.setStroke(Color.web("#D55E00"));
      g.setLineWidth(2);
      g.strokeRect(x0 + 1, row * cell, side - 2, cell);
    }
    g.setFill(Color.web("#d8dde2"));
    g.setFont(FONT);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    String[] lines = caption.split("\n");
    for (int i = 0; i < lines.length; i++) {
      g.fillText(lines[i], w / 2, side + 1 + 13 * i, w);
    }
  }
}
