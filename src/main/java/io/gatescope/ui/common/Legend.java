package io.gatescope.ui.common;

import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;

/**
 * A colour bar with its numeric range: "min ▮▮▮▮ max". The numbers are never cut: the legend's
 * minimum width is its preferred width, so a tight parent wraps or shrinks something else.
 */
public final class Legend extends HBox {
  private final Label min = new Label();
  private final Label max = new Label();
  private final Canvas bar = new Canvas(50, 10);

  public Legend() {
    super(3);
    setAlignment(Pos.CENTER_LEFT);
    getStyleClass().add("legend");
    min.getStyleClass().add("legend-label");
    max.getStyleClass().add("legend-label");
    min.setMinWidth(USE_PREF_SIZE);
    max.setMinWidth(USE_PREF_SIZE);
    setMinWidth(USE_PREF_SIZE);
    getChildren().addAll(min, bar, max);
    ColorScheme.onChange(recolour);
  }

  private ColorMap shown;
  private double shownLo;
  private double shownHi;

  /** Held here: the colour scheme holds it weakly. */
  private final javafx.beans.InvalidationListener recolour =
      o -> {
        if (shown != null) {
          show(shown, shownLo, shownHi);
        }
      };

  public void show(ColorMap map, double lo, double hi) {
    shown = map;
    shownLo = lo;
    shownHi = hi;
    int w = (int) bar.getWidth();
    int[] px = new int[w];
    for (int i = 0; i < w; i++) {
      px[i] = map.argb(i / (double) (w - 1));
    }
    WritableImage img = new WritableImage(w, 1);
    img.getPixelWriter().setPixels(0, 0, w, 1, PixelFormat.getIntArgbInstance(), px, 0, w);
    bar.getGraphicsContext2D().setImageSmoothing(false);
    bar.getGraphicsContext2D().drawImage(img, 0, 0, w, bar.getHeight());
    min.setText(format(lo));
    max.setText(format(hi));
  }

  public String minText() {
    return min.getText();
  }

  public String maxText() {
    return max.getText();
  }

  static String format(double v) {
    if (v != 0 && Math.abs(v) < 0.01) {
      return String.format("%.1e", v); // gradients: 0.00 would say nothing
    }
    return Math.abs(v) >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
  }
}
