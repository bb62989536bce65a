package io.gatescope.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * A chart with a sentence over its empty plot ("No run yet: press Start") while there is nothing to
 * show, so empty axes never pass for a result. The sentence is the chart's screen-reader text too
 * while it shows.
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
    return pane;
  }
}
