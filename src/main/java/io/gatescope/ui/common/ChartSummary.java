package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.XYChart;

/**
 * Keeps a chart's screen-reader text up to date: its title and, for each series, the last point
 * ("Accuracy: test 0.97 at iteration 400; batch 0.95 at iteration 400").
 */
public final class ChartSummary {
  private ChartSummary() {}

  public static <X, Y> void attach(XYChart<X, Y> chart) {
    InvalidationListener update = o -> chart.setAccessibleText(summary(chart));
    chart
        .getData()
        .addListener(
            (ListChangeListener<XYChart.Series<X, Y>>)
                c -> {
                  while (c.next()) {
                    c.getAddedSubList().forEach(s -> s.getData().addListener(update));
                  }
                  update.invalidated(null);
                });
    chart.getData().forEach(s -> s.getData().addListener(update));
    chart.titleProperty().addListener(update);
    update.invalidated(null);
  }

  static <X, Y> String summary(XYChart<X, Y> chart) {
    List<String> parts = new ArrayList<>();
    for (XYChart.Series<X, Y> s : chart.getData()) {
      if (!s.getData().isEmpty()) {
        XYChart.Data<X, Y> last = s.getData().get(s.getData().size() - 1);
        parts.add(
            Messages.get(
                "a11y.chart.series",
                s.getName(),
                ((Number) last.getYValue()).doubleValue(),
                chart.getXAxis().getLabel(),
                ((Number) last.getXValue()).doubleValue()));
      }
    }
    return parts.isEmpty()
        ? Messages.get("a11y.chart.empty", chart.getTitle())
        : Messages.get("a11y.chart", chart.getTitle(), String.join("; ", parts));
  }
}
