package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The 28×28 input as the model sees it, enlarged with a pixel grid, and the row being read
 * (timestep t) outlined: students see that one timestep is one row.
 */
public final class DigitImage extends CanvasWidget {
  private float[] pixels;
  private int row; // 1..28, 0 = none

  public DigitImage() {
    super(112, 112, 224, 224);
    getStyleClass().add("digit-image");
    setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
  }

  public void show(float[] px, int highlightRow) {
    show(px, highlightRow, io.gatescope.core.engine.Reading.ROWS);
  }

  /** Outlines the slice read at timestep t: a row, a column, or the permuted row. */
  public void show(float[] px, int t, io.gatescope.core.engine.Reading reading) {
    this.pixels = px;
    this.row = t;
    this.reading = reading;
    setAccessibleText(
        Messages.get(
            px == null ? "a11y.digit.none" : "a11y.digit",
            t,
            Messages.get("train.reading." + reading.name().toLowerCase())));
    paint();
  }

  private io.gatescope.core.engine.Reading reading = io.gatescope.core.engine.Reading.ROWS;
  private boolean dimUnread;

  /** Whether the slices after timestep t (not read yet) are drawn darker. Off by default. */
  public void setDimUnread(boolean dim) {
    dimUnread = dim;
    paint();
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    double s = Math.min(w, h);
    double c = s / 28;
    g.setFill(Color.BLACK);
    g.fillRect(0, 0, w, h);
    if (pixels != null) {
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          float v = pixels[y * 28 + x];
          if (v > 0) {
            g.setFill(Color.gray(Math.min(1, v)));
            g.fillRect(x * c, y * c, c, c);
          }
        }
      }
    }
    if (dimUnread && row >= 1) {
      g.setFill(Color.rgb(0, 0, 0, 0.65));
      for (int t = row; t < 28; t++) {
        int slice = reading.sliceAt(t);
        if (reading == io.gatescope.core.engine.Reading.COLUMNS) {
          g.fillRect(slice * c, 0, c, s);
        } else {
          g.fillRect(0, slice * c, s, c);
        }
      }
    }
    g.setStroke(Color.gray(0.25));
    g.setLineWidth(0.5);
    for (int i = 0; i <= 28; i++) {
      g.strokeLine(i * c, 0, i * c, s);
      g.strokeLine(0, i * c, s, i * c);
    }
    if (row >= 1) {
      g.setStroke(Color.web("#ffb000"));
      g.setLineWidth(2);
      int slice = reading.sliceAt(row - 1);
      if (reading == io.gatescope.core.engine.Reading.COLUMNS) {
        g.strokeRect(slice * c, 1, c, s - 2);
      } else {
        g.strokeRect(1, slice * c, s - 2, c);
      }
    }
  }

  /** The 28×28 pixels as the model reads them (0..1): row 1..28 down, column 1..28 across. */
  @Override
  public CsvTable csv() {
    if (pixels == null) {
      return null;
    }
    java.util.List<String> header = new java.util.ArrayList<>();
    header.add(Messages.get("export.csv.row"));
    for (int x = 1; x <= 28; x++) {
      header.add(Messages.get("export.csv.column", x));
    }
    CsvTable table = new CsvTable(header);
    for (int y = 0; y < 28; y++) {
      java.util.List<String> row = new java.util.ArrayList<>();
      row.add(Integer.toString(y + 1));
      for (int x = 0; x < 28; x++) {
        row.add(CsvTable.number(pixels[y * 28 + x]));
      }
      table.row(row);
    }
    return table;
  }

  @Override
  protected String exportName() {
    return "gatescope-digit";
  }

  /** A square: the image is never stretched. */
  @Override
  protected double[] canvasSize(double w, double h) {
    double side = Math.max(28, Math.min(w, h));
    return new double[] {side, side};
  }
}
