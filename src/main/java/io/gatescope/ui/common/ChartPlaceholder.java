package io.gatescope.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * A chart with a sentence over its empty plot ("No run yet: press Start") while there is nothing to
 * show, so empty axes never pass for a result. The sentence sits on the plot area, clear of the
 * axes and the legend.
 */
public final class ChartPlaceholder {
  private ChartPlaceholder() {}

  public static StackPane over(
      XYChart<?, ?> chart, ObservableBooleanValue empty, ObservableStringValue text) {
    Label note = new Label();
    note.getStyleClass().add("chart-placeholder");
    note.textProperty().bind(text);
    note.setWrapText(true);
    note.setMaxWidth(260);
    note.visibleProperty().bind(empty);
    note.setMouseTransparent(true);
    StackPane pane = new StackPane(chart, note);
    pane.setMinSize(0, 0);
    Node plot = chart.lookup(".chart-plot-background");
    if (plot != null) {
      Runnable center =
          () -> {
            Bounds b = pane.sceneToLocal(plot.localToScene(plot.getLayoutBounds()));
            if (b == null || b.getWidth() <= 0) {
              return;
            }
            note.setMaxWidth(Math.max(80, b.getWidth() - 12));
            note.setTranslateX(b.getCenterX() - pane.getWidth() / 2);
            note.setTranslateY(b.getCenterY() - pane.getHeight() / 2);
          };
      // After the pulse's layout is done: the plot is placed only after the pane has been.
      // Moving the note (a translation) does not lay anything out again.
      InvalidationListener place = o -> javafx.application.Platform.runLater(center);
      plot.boundsInParentProperty().addListener(place);
      plot.layoutBoundsProperty().addListener(place);
      pane.widthProperty().addListener(place);
      pane.heightProperty().addListener(place);
    }
    return pane;
  }
}
