package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.ChartPlaceholder;
import io.gatescope.ui.common.Ticks;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ObservableList;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;

/**
 * The three live charts (loss, accuracy, gate saturation), fed from the run's points at most once
 * per pulse ({@link ChartFeed}), with axes that stay still while a run grows and the ticked runs'
 * test accuracy overlaid.
 */
final class TrainCharts {
  /** Loss axis before any run: up to a little above ln 10 ≈ 2.30, an untrained model's loss. */
  static final double EMPTY_LOSS_MAX = 2.5;

  private final TrainViewModel vm;
  private final ChartPulse pulse = new ChartPulse();
  private final LineChart<Number, Number> loss;
  private final LineChart<Number, Number> accuracy;
  private final LineChart<Number, Number> saturation;
  private final List<LineChart<Number, Number>> all;
  private final List<XYChart.Series<Number, Number>> overlays = new ArrayList<>();

  TrainCharts(TrainViewModel vm) {
    this.vm = vm;
    loss = buildLossChart();
    accuracy = buildAccuracyChart();
    saturation = buildSaturationChart();
    all = List.of(loss, accuracy, saturation);
    fixIterationAxes();
  }

  private LineChart<Number, Number> buildLossChart() {
    RunSeries s = vm.series();
    LineChart<Number, Number> c = chart("loss", "train.chart.loss", "train.axis.loss");
    feed(c, "train.series.batchLoss", s.loss());
    feed(c, "train.series.smoothed", s.smoothLoss());
    feed(c, "train.series.testLoss", s.testLoss());
    c.setId("train-loss-chart");
    // Before any point: the range an untrained model starts in, not an arbitrary one.
    fitWhileEmpty((NumberAxis) c.getYAxis(), s.loss(), EMPTY_LOSS_MAX, 0.5);
    return c;
  }

  private LineChart<Number, Number> buildAccuracyChart() {
    LineChart<Number, Number> c = chart("accuracy", "train.chart.accuracy", "train.axis.accuracy");
    feed(c, "train.series.batch", vm.series().batchAccuracy());
    feed(c, "train.series.test", vm.series().testAccuracy());
    c.setId("train-acc-chart");
    vm.history().overlaid().addListener((Observable o) -> overlay());
    unitRange((NumberAxis) c.getYAxis()); // an accuracy is never above 1
    return c;
  }

  private LineChart<Number, Number> buildSaturationChart() {
    LineChart<Number, Number> c =
        chart("gate-saturation", "train.chart.saturation", "train.axis.share");
    vm.series()
        .saturation()
        .forEach((k, v) -> c.getData().add(new ChartFeed(k, v, pulse).series()));
    c.setId("train-sat-chart");
    c.setLegendSide(Side.RIGHT); // six entries: a column beside the plot, not a cut-off row
    NumberAxis share = (NumberAxis) c.getYAxis();
    share.setForceZeroInRange(true);
    fitWhileEmpty(share, vm.series().saturation().values().iterator().next(), 1, 0.2);
    return c;
  }

  private static LineChart<Number, Number> chart(String id, String title, String axis) {
    return TrainChart.create(
        id, Messages.get(title), Messages.get("train.axis.iteration"), Messages.get(axis));
  }

  private void feed(LineChart<Number, Number> c, String name, ObservableList<Point> points) {
    c.getData().add(new ChartFeed(Messages.get(name), points, pulse).series());
  }

  /** The charts in the grid's order, each with its "No run yet" sentence over it. */
  List<Node> panes() {
    return all.stream().map(this::withPlaceholder).map(Node.class::cast).toList();
  }

  /**
   * A primary click in the loss chart's plot tells the iteration under the pointer (the time-lapse
   * shows its nearest frame).
   */
  void onLossClick(java.util.function.DoubleConsumer atIteration) {
    loss.addEventHandler(
        javafx.scene.input.MouseEvent.MOUSE_CLICKED,
        e -> {
          Node plot = loss.lookup(".chart-plot-background");
          if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY
              || plot == null
              || !plot.getLayoutBounds()
                  .contains(plot.sceneToLocal(e.getSceneX(), e.getSceneY()))) {
            return;
          }
          NumberAxis x = (NumberAxis) loss.getXAxis();
          double local = x.sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
          atIteration.accept(x.getValueForDisplay(local).doubleValue());
        });
  }

  LineChart<Number, Number> accuracyChart() {
    return accuracy;
  }

  /** Brings every chart up to date now, without waiting for the pulse (for tests). */
  void flush() {
    pulse.flush();
  }

  /** "No run yet: press Start (N iterations planned)" over a chart until the first point. */
  private StackPane withPlaceholder(LineChart<Number, Number> c) {
    var planned = vm.form().plannedIterationsProperty();
    BooleanBinding idle =
        Bindings.isEmpty(vm.series().loss()).and(vm.run().runningProperty().not());
    return ChartPlaceholder.over(
        c,
        idle,
        Bindings.createStringBinding(
            () ->
                planned.get() > 0
                    ? Messages.get("train.chart.planned", planned.get())
                    : Messages.get("train.chart.empty"),
            planned));
  }

  /**
   * The iteration axes are fixed: to the planned run while idle, to the run (and any ticked run)
   * while training. An axis that grows with every point makes new tick labels, and new nodes cost a
   * CSS pass, every frame.
   */
  private void fixIterationAxes() {
    var planned = vm.form().plannedIterationsProperty();
    var total = vm.run().totalIterationsProperty();
    var running = vm.run().runningProperty();
    InvalidationListener fit =
        o -> {
          boolean idle = vm.series().loss().isEmpty() && !running.get();
          int end = idle && planned.get() > 0 ? planned.get() : total.get();
          for (Run r : vm.history().overlaid()) {
            end = Math.max(end, r.result().iterations());
          }
          end = Math.max(end, 1);
          for (LineChart<Number, Number> c : all) {
            NumberAxis x = (NumberAxis) c.getXAxis();
            x.setAutoRanging(false);
            x.setLowerBound(0);
            x.setUpperBound(end);
            x.setTickUnit(Ticks.niceStep(end / 8.0));
          }
        };
    total.addListener(fit);
    planned.addListener(fit);
    running.addListener(fit);
    vm.history().overlaid().addListener(fit);
    fit.invalidated(null);
  }

  /** While {@code data} is empty the axis shows 0..max; with data it fits the data. */
  private static void fitWhileEmpty(
      NumberAxis axis, ObservableList<?> data, double max, double tick) {
    InvalidationListener fit =
        o -> {
          axis.setAutoRanging(!data.isEmpty());
          if (data.isEmpty()) {
            axis.setLowerBound(0);
            axis.setUpperBound(max);
            axis.setTickUnit(tick);
          }
        };
    data.addListener(fit);
    fit.invalidated(null);
  }

  /** 0 to 1 in steps of 0.2, always: accuracies and shares. */
  static void unitRange(NumberAxis axis) {
    axis.setAutoRanging(false);
    axis.setLowerBound(0);
    axis.setUpperBound(1);
    axis.setTickUnit(0.2);
  }

  /** Test-accuracy curves of the ticked runs, next to the current run's. */
  private void overlay() {
    accuracy.getData().removeAll(overlays);
    overlays.clear();
    for (Run r : vm.history().overlaid()) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(Messages.get("train.series.runTest", r.name()));
      overlays.add(s);
      for (var e : r.evaluations()) {
        s.getData().add(new XYChart.Data<>(e.iteration(), e.testAccuracy()));
      }
      accuracy.getData().add(s);
    }
  }
}
