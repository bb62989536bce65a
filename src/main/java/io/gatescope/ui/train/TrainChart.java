package io.gatescope.ui.train;

import io.gatescope.ui.common.ChartSummary;
import io.gatescope.ui.common.PictureExport;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;

/**
 * A Train chart: a line chart of iterations against a measure, without symbols or animation (a live
 * chart must stay cheap to redraw), with a screen-reader summary and the export menu (copy, PNG at
 * 2×, CSV of the series) on right-click.
 */
final class TrainChart {
  private TrainChart() {}

  static LineChart<Number, Number> create(String id, String title, String x, String y) {
    NumberAxis xa = new NumberAxis();
    xa.setLabel(x);
    xa.setForceZeroInRange(true); // iterations from 0: same ticks on every chart
    NumberAxis ya = new NumberAxis();
    ya.setLabel(y);
    ya.setAnimated(false);
    xa.setAnimated(false);
    LineChart<Number, Number> c = new LineChart<>(xa, ya);
    ChartSummary.attach(c); // what a screen reader says
    c.setTitle(title);
    c.setAnimated(false);
    c.setCreateSymbols(false);
    c.setMinSize(160, 120);
    c.setPrefSize(420, 260);
    PictureExport.attachChart(c, "gatescope-" + id);
    return c;
  }
}
