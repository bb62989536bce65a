package io.gatescope.ui.evaluate;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.ColorMap;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * What the confusion matrix's colours mean: wrong cells run from 0 to the largest wrong count on a
 * square-root scale (the same map the cells use), correct cells are one green.
 */
final class MatrixLegend extends VBox {
  private final Label min = new Label("0");
  private final Label max = new Label();
  private final Canvas bar = new Canvas(110, 10);

  MatrixLegend() {
    super(2);
    setId("evaluate-legend");
    Label caption = new Label(Messages.get("evaluate.legend"));
    caption.getStyleClass().add("legend-label");
    caption.setWrapText(true);
    caption.setMinHeight(Region.USE_PREF_SIZE);
    min.setId("evaluate-legend-min");
    max.setId("evaluate-legend-max");
    min.getStyleClass().add("legend-label");
    max.getStyleClass().add("legend-label");
    Canvas correct = new Canvas(12, 10);
    correct.getGraphicsContext2D().setFill(ConfusionMatrix.CORRECT);
    correct.getGraphicsContext2D().fillRect(0, 0, 12, 10);
    Label correctText = new Label(Messages.get("evaluate.legend.diagonal"));
    correctText.getStyleClass().add("legend-label");
    HBox scale = new HBox(4, min, bar, max);
    scale.setAlignment(Pos.CENTER_LEFT);
    HBox diagonal = new HBox(4, correct, correctText);
    diagonal.setAlignment(Pos.CENTER_LEFT);
    FlowPane row = new FlowPane(14, 2, scale, diagonal);
    getChildren().addAll(caption, row);
    paintBar();
    io.gatescope.ui.common.ColorScheme.onChange(recolour);
  }

  /** Held here: the colour scheme holds it weakly. */
  private final javafx.beans.InvalidationListener recolour = o -> paintBar();

  /** Shows the range for a matrix whose largest wrong cell holds {@code maxWrong} images. */
  void show(int maxWrong) {
    max.setText(Integer.toString(maxWrong));
  }

  private void paintBar() {
    GraphicsContext g = bar.getGraphicsContext2D();
    int w = (int) bar.getWidth();
    for (int i = 0; i < w; i++) {
      // Position on the bar = count / max, coloured as a cell of that count is.
      int argb = ColorMap.SEQUENTIAL.argb(Math.sqrt(i / (double) (w - 1)));
      g.setFill(Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF));
      g.fillRect(i, 0, 1, bar.getHeight());
    }
  }

  String minText() {
    return min.getText();
  }

  String maxText() {
    return max.getText();
  }
}
