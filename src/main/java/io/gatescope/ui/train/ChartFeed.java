package io.gatescope.ui.train;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * Shows a run's points in a chart series: the chart's own data, brought up to date at most once per
 * pulse (see {@link ChartPulse}) however many points arrived since, and new points appended rather
 * than the series rebuilt. A series longer than {@link #SHOWN} is drawn decimated: in each of
 * {@link #SHOWN}/2 runs of points, its lowest and highest point, so a spike stays in view; every
 * point drawn is one the run computed.
 */
final class ChartFeed {
  /** Points drawn at most per series: about two per pixel of a chart on a large screen. */
  static final int SHOWN = 800;

  private final ObservableList<Point> source;
  private final XYChart.Series<Number, Number> series;
  private boolean appendOnly = true; // only additions at the end since the last update
  private int shown; // source points drawn one for one (while not decimated)

  ChartFeed(String name, ObservableList<Point> source, ChartPulse pulse) {
    this.source = source;
    this.series = new XYChart.Series<>();
    series.setName(name);
    source.addListener(
        (ListChangeListener<Point>)
            c -> {
              while (c.next()) {
                if (c.wasRemoved() || c.wasReplaced() || c.getFrom() < shown) {
                  appendOnly = false;
                }
              }
              pulse.request(this);
            });
    update();
  }

  XYChart.Series<Number, Number> series() {
    return series;
  }

  /** Brings the chart's data up to date with the points (on the FX thread, once per pulse). */
  void update() {
    ObservableList<XYChart.Data<Number, Number>> data = series.getData();
    if (source.size() > SHOWN) {
      data.setAll(toData(decimate(source, SHOWN / 2)));
      shown = -1;
    } else if (appendOnly && shown >= 0 && shown <= source.size()) {
      if (shown < source.size()) {
        data.addAll(toData(source.subList(shown, source.size())));
      }
      shown = source.size();
    } else {
      data.setAll(toData(source));
      shown = source.size();
    }
    appendOnly = true;
  }

  private static List<XYChart.Data<Number, Number>> toData(List<Point> points) {
    List<XYChart.Data<Number, Number>> out = new ArrayList<>(points.size());
    for (Point p : points) {
      out.add(new XYChart.Data<>(p.x(), p.y()));
    }
    return out;
  }

  /**
   * The points to draw of a long series: split into {@code buckets} runs of consecutive points,
   * each run's lowest and highest point, in their order (one when they are the same point). The
   * first and the last point are always kept. A series of at most 2 × {@code buckets} points is
   * returned whole.
   */
  static List<Point> decimate(List<Point> points, int buckets) {
    int n = points.size();
    if (n <= 2 * buckets) {
      return List.copyOf(points);
    }
    List<Point> out = new ArrayList<>(2 * buckets + 2);
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      int lo = from;
      int hi = from;
      for (int i = from; i < to; i++) {
        if (points.get(i).y() < points.get(lo).y()) {
          lo = i;
        }
        if (points.get(i).y() > points.get(hi).y()) {
          hi = i;
        }
      }
      if (b == 0 && Math.min(lo, hi) != 0) {
        out.add(points.get(0));
      }
      out.add(points.get(Math.min(lo, hi)));
      if (lo != hi) {
        out.add(points.get(Math.max(lo, hi)));
      }
      if (b == buckets - 1 && Math.max(lo, hi) != n - 1) {
        out.add(points.get(n - 1));
      }
    }
    return out;
  }
}
