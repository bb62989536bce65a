package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.common.ChartPlaceholder;
import io.gatescope.ui.common.Choices;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.train.TrainViewModel.Field;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Train workspace: hyperparameters, run controls, live charts and the run list. */
public final class TrainView extends BorderPane {
  /** Loss axis before any run: up to a little above ln 10 ≈ 2.30, an untrained model's loss. */
  static final double EMPTY_LOSS_MAX = 2.5;

  private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");

  private final TrainViewModel vm;
  private final Map<Field, Control> inputs = new EnumMap<>(Field.class);
  private FormValidation validation;
  private final LineChart<Number, Number> lossChart;
  private final LineChart<Number, Number> accChart;
  private final LineChart<Number, Number> satChart;
  private final List<LineChart<Number, Number>> charts;
  private final ListView<TrainViewModel.Run> runList = new ListView<>();

  public TrainView(TrainViewModel vm) {
    this.vm = vm;
    setId("train-view");
    getStyleClass().add("workspace");
    getStylesheets().add(TrainView.class.getResource("train.css").toExternalForm());

    lossChart = buildLossChart();
    accChart = buildAccuracyChart();
    satChart = buildSaturationChart();
    charts = List.of(lossChart, accChart, satChart);
    fixAxes();
    releaseSeriesWhileHidden();

    setLeft(buildLeftColumn());
    VBox center = new VBox(8, buildStatus(), buildChartGrid());
    VBox.setVgrow(center.getChildren().get(1), Priority.ALWAYS);
    center.setPadding(new Insets(10, 12, 10, 4));
    setCenter(center);
  }

  // ---- left: preset, form (scrolls), run buttons (always in view) ----

  private Node buildLeftColumn() {
    ScrollPane formScroll = new ScrollPane(FormValidation.decorated(buildForm()));
    formScroll.setId("train-form-scroll");
    formScroll.setFitToWidth(true);
    formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    formScroll.getStyleClass().add("edge-to-edge");
    // As tall as the form when there is room (the buttons right under it), shorter and scrolling
    // when there is not.
    formScroll.setMaxHeight(Region.USE_PREF_SIZE);
    formScroll.setMinHeight(80);
    VBox left =
        new VBox(
            8,
            title(Messages.get("train.hyperparameters")),
            buildPreset(),
            formScroll,
            buildReasons(),
            buildButtons());
    VBox.setVgrow(formScroll, Priority.ALWAYS);
    left.setPadding(new Insets(10, 10, 10, 12));
    left.setPrefWidth(290);
    left.setMinWidth(250);
    return left;
  }

  private GridPane buildForm() {
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(3);
    form.setPadding(new Insets(0, 8, 0, 0)); // room for the scroll bar
    // Field names are never cut; the inputs take the rest of the width.
    ColumnConstraints names = new ColumnConstraints();
    names.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    values.setFillWidth(true);
    form.getColumnConstraints().addAll(names, values);
    int row = 0;
    for (Field f : Field.values()) {
      Control input;
      if (f == Field.CELL) {
        input = combo(f, "cell", "lstm", "gru", "rnn");
      } else if (f == Field.READING) {
        input = combo(f, "reading", "rows", "columns", "permuted_rows");
      } else if (f == Field.OPTIMIZER) {
        input = combo(f, "optimizer", "adam", "sgd", "momentum", "rmsprop");
      } else {
        TextField tf = new TextField();
        tf.textProperty().bindBidirectional(vm.textProperty(f));
        tf.setPrefColumnCount(7);
        input = tf;
      }
      input.setId("train-" + f.name().toLowerCase().replace('_', '-'));
      input.setMinWidth(60);
      Label name = new Label(f.label());
      name.setLabelFor(input);
      name.setMinWidth(Region.USE_PREF_SIZE);
      form.add(name, 0, row);
      form.add(input, 1, row++);
      inputs.put(f, input);
    }
    validation = new FormValidation(vm, inputs);
    return form;
  }

  /** Why the form cannot start, field by field; in view even while the form scrolls. */
  private Label buildReasons() {
    Label reasons = new Label();
    reasons.setId("train-form-errors");
    reasons.getStyleClass().add("field-error");
    reasons.setWrapText(true);
    reasons.setMinHeight(Region.USE_PREF_SIZE);
    reasons.textProperty().bind(validation.summary());
    reasons.visibleProperty().bind(reasons.textProperty().isNotEmpty());
    reasons.managedProperty().bind(reasons.visibleProperty());
    return reasons;
  }

  private ComboBox<String> buildPreset() {
    ComboBox<String> preset =
        new ComboBox<>(FXCollections.observableArrayList("classic", "quick", "compare"));
    showAs(preset, "train.preset.");
    preset.setPromptText(Messages.get("train.preset"));
    preset.setOnAction(
        e -> {
          if ("compare".equals(preset.getValue())) {
            vm.requestComparison(); // LSTM vs GRU vs RNN lives in Evaluate
          } else if (preset.getValue() != null) {
            vm.applyPreset(
                "quick".equals(preset.getValue())
                    ? TrainingConfig.quickDemo()
                    : TrainingConfig.classic());
          }
        });
    preset.setId("train-preset");
    preset.setMaxWidth(Double.MAX_VALUE);
    return preset;
  }

  /** Start, Pause/Resume, Stop: never cut; they wrap to a second line before they shrink. */
  private Node buildButtons() {
    Button start = new Button(Messages.get("train.start"), new FontIcon("mdi2p-play"));
    start.setId("train-start");
    start.setTooltip(new Tooltip(Messages.get("train.start.tip")));
    start.disableProperty().bind(vm.validProperty().not().or(vm.runningProperty()));
    start.setOnAction(e -> vm.start());
    Keys.bind(
        this,
        "Shortcut+Enter",
        () -> {
          if (!start.isDisabled()) {
            vm.start();
          }
        });
    Button pause = new Button(Messages.get("train.pause"), new FontIcon("mdi2p-pause"));
    pause.setId("train-pause");
    pause.disableProperty().bind(vm.runningProperty().not());
    vm.pausedProperty()
        .addListener(
            (o, a, p) -> {
              pause.setText(Messages.get(p ? "train.resume" : "train.pause"));
              pause.setGraphic(new FontIcon(p ? "mdi2p-play" : "mdi2p-pause"));
            });
    pause.setOnAction(e -> vm.togglePause());
    pause.setTooltip(new Tooltip(Messages.get("train.pause.tip")));
    Keys.bind(this, "Shortcut+P", vm::togglePause);
    Button stop = new Button(Messages.get("train.stop"), new FontIcon("mdi2s-stop"));
    stop.setId("train-stop");
    stop.disableProperty().bind(vm.runningProperty().not());
    stop.setOnAction(e -> vm.stop());
    stop.setTooltip(new Tooltip(Messages.get("train.stop.tip")));
    Keys.bind(this, "Shortcut+Period", vm::stop);
    FlowPane buttons = new FlowPane(6, 6, start, pause, stop);
    for (Button b : List.of(start, pause, stop)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    return buttons;
  }

  // ---- status: progress, the paused badge, the last message ----

  private Node buildStatus() {
    ProgressBar bar = new ProgressBar();
    bar.setId("train-progress");
    bar.progressProperty().bind(vm.progressProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.setMinWidth(60);
    Label paused = new Label();
    paused.setId("train-paused");
    paused.getStyleClass().add("paused-badge");
    paused.setGraphic(new FontIcon("mdi2p-pause-circle-outline"));
    paused.setMinWidth(Region.USE_PREF_SIZE);
    BooleanBinding isPaused = vm.pausedAtProperty().greaterThanOrEqualTo(0);
    paused
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> Messages.get("train.paused", Math.max(0, vm.pausedAtProperty().get())),
                vm.pausedAtProperty()));
    paused.visibleProperty().bind(isPaused);
    paused.managedProperty().bind(isPaused);
    isPaused.addListener((o, was, now) -> bar.pseudoClassStateChanged(PAUSED, now));
    Label progress = new Label();
    progress.setId("train-progress-text");
    progress.textProperty().bind(vm.progressTextProperty());
    progress.setMinWidth(Region.USE_PREF_SIZE);
    Label message = new Label();
    message.setId("train-message");
    message.getStyleClass().add("muted");
    message.setWrapText(true); // a long message (a skipped run file) wraps, never cut
    message.textProperty().bind(vm.messageProperty());
    HBox.setHgrow(bar, Priority.ALWAYS);
    HBox row = new HBox(10, bar, paused, progress);
    row.setAlignment(Pos.CENTER_LEFT);
    return new VBox(4, row, message);
  }

  // ---- charts ----

  private LineChart<Number, Number> buildLossChart() {
    LineChart<Number, Number> c =
        chart(
            "loss",
            Messages.get("train.chart.loss"),
            Messages.get("train.axis.iteration"),
            Messages.get("train.axis.loss"));
    c.getData().add(series(Messages.get("train.series.batchLoss"), vm.loss()));
    c.getData().add(series(Messages.get("train.series.smoothed"), vm.smoothLoss()));
    c.getData().add(series(Messages.get("train.series.testLoss"), vm.testLoss()));
    c.setId("train-loss-chart");
    // Before any point: the range an untrained model starts in, not an arbitrary one.
    fitWhileEmpty((NumberAxis) c.getYAxis(), vm.loss(), EMPTY_LOSS_MAX, 0.5);
    return c;
  }

  private LineChart<Number, Number> buildAccuracyChart() {
    LineChart<Number, Number> c =
        chart(
            "accuracy",
            Messages.get("train.chart.accuracy"),
            Messages.get("train.axis.iteration"),
            Messages.get("train.axis.accuracy"));
    c.getData().add(series(Messages.get("train.series.batch"), vm.batchAccuracy()));
    c.getData().add(series(Messages.get("train.series.test"), vm.testAccuracy()));
    c.setId("train-acc-chart");
    vm.overlaid().addListener((javafx.beans.Observable o) -> overlay());
    fixedUnitRange((NumberAxis) c.getYAxis()); // an accuracy is never above 1
    return c;
  }

  private LineChart<Number, Number> buildSaturationChart() {
    LineChart<Number, Number> c =
        chart(
            "gate-saturation",
            Messages.get("train.chart.saturation"),
            Messages.get("train.axis.iteration"),
            Messages.get("train.axis.share"));
    vm.saturation().forEach((k, v) -> c.getData().add(series(k, v)));
    c.setId("train-sat-chart");
    c.setLegendSide(Side.RIGHT); // six entries: a column beside the plot, not a cut-off row
    NumberAxis share = (NumberAxis) c.getYAxis();
    share.setForceZeroInRange(true);
    fitWhileEmpty(share, vm.saturation().values().iterator().next(), 1, 0.2);
    return c;
  }

  private Node buildChartGrid() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.add(withPlaceholder(lossChart), 0, 0);
    grid.add(withPlaceholder(accChart), 1, 0);
    grid.add(withPlaceholder(satChart), 0, 1);
    grid.add(buildRuns(), 1, 1);
    for (int i = 0; i < 2; i++) {
      RowConstraints rc = new RowConstraints();
      rc.setPercentHeight(50);
      rc.setVgrow(Priority.ALWAYS);
      grid.getRowConstraints().add(rc);
      ColumnConstraints cc = new ColumnConstraints();
      cc.setPercentWidth(50);
      cc.setHgrow(Priority.ALWAYS);
      grid.getColumnConstraints().add(cc);
    }
    for (Node n : grid.getChildren()) {
      GridPane.setHgrow(n, Priority.ALWAYS);
      GridPane.setVgrow(n, Priority.ALWAYS);
    }
    grid.setMinHeight(0);
    return grid;
  }

  /** "No run yet: press Start (N iterations planned)" over a chart until the first point. */
  private StackPane withPlaceholder(LineChart<Number, Number> c) {
    BooleanBinding idle = Bindings.isEmpty(vm.loss()).and(vm.runningProperty().not());
    return ChartPlaceholder.over(
        c,
        idle,
        Bindings.createStringBinding(
            () ->
                vm.plannedIterationsProperty().get() > 0
                    ? Messages.get("train.chart.planned", vm.plannedIterationsProperty().get())
                    : Messages.get("train.chart.empty"),
            vm.plannedIterationsProperty()));
  }

  /**
   * The iteration axes are fixed: to the planned run while idle, to the run (and any ticked run)
   * while training. An axis that grows with every point makes new tick labels, and new nodes cost a
   * CSS pass, every frame.
   */
  private void fixAxes() {
    InvalidationListener fit =
        o -> {
          boolean idle = vm.loss().isEmpty() && !vm.runningProperty().get();
          int end =
              idle && vm.plannedIterationsProperty().get() > 0
                  ? vm.plannedIterationsProperty().get()
                  : vm.totalIterationsProperty().get();
          for (TrainViewModel.Run r : vm.overlaid()) {
            end = Math.max(end, r.result().iterations());
          }
          end = Math.max(end, 1);
          for (LineChart<Number, Number> c : charts) {
            NumberAxis x = (NumberAxis) c.getXAxis();
            x.setAutoRanging(false);
            x.setLowerBound(0);
            x.setUpperBound(end);
            x.setTickUnit(io.gatescope.ui.common.Ticks.niceStep(end / 8.0));
          }
        };
    vm.totalIterationsProperty().addListener(fit);
    vm.plannedIterationsProperty().addListener(fit);
    vm.runningProperty().addListener(fit);
    vm.overlaid().addListener(fit);
    fit.invalidated(null);
  }

  /** While {@code data} is empty the axis shows 0..max; with data it fits the data. */
  private static void fitWhileEmpty(
      NumberAxis axis, javafx.collections.ObservableList<?> data, double max, double tick) {
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
  static void fixedUnitRange(NumberAxis axis) {
    axis.setAutoRanging(false);
    axis.setLowerBound(0);
    axis.setUpperBound(1);
    axis.setTickUnit(0.2);
  }

  /**
   * While another workspace is shown, the charts let go of their series: a chart lays out its paths
   * again for every new point even when hidden, and training adds points all the time.
   */
  private void releaseSeriesWhileHidden() {
    Map<LineChart<Number, Number>, List<XYChart.Series<Number, Number>>> own = new HashMap<>();
    charts.forEach(c -> own.put(c, List.copyOf(c.getData())));
    javafx.beans.value.ChangeListener<Boolean> onShown =
        (o, was, shown) -> {
          for (LineChart<Number, Number> c : charts) {
            if (shown) {
              c.getData().setAll(own.get(c));
            } else {
              c.getData().clear();
            }
          }
          if (shown) {
            overlay();
          }
        };
    parentProperty()
        .addListener(
            (o, old, parent) -> {
              if (old != null) {
                old.visibleProperty().removeListener(onShown);
              }
              if (parent != null) {
                parent.visibleProperty().addListener(onShown);
              }
            });
  }

  // ---- the run list ----

  private Node buildRuns() {
    runList.setItems(vm.runs());
    runList.setId("train-runs");
    Label empty = new Label(Messages.get("train.runs.empty"));
    empty.setWrapText(true);
    empty.setPadding(new Insets(8));
    runList.setPlaceholder(empty);
    var checkBoxCells = CheckBoxListCell.forListView(TrainViewModel.Run::shown);
    runList.setCellFactory(
        lv -> {
          // A long summary wraps onto a second line instead of ending in "…".
          ListCell<TrainViewModel.Run> cell = checkBoxCells.call(lv);
          cell.setWrapText(true);
          cell.prefWidthProperty().bind(lv.widthProperty().subtract(18));
          cell.setMaxWidth(Region.USE_PREF_SIZE);
          return cell;
        });
    Button csv =
        new Button(Messages.get("train.exportCsv"), new FontIcon("mdi2f-file-delimited-outline"));
    csv.setId("train-export");
    csv.setTooltip(new Tooltip(Messages.get("train.exportCsv.tip")));
    csv.setMinWidth(Region.USE_PREF_SIZE);
    // Enabled for the ticked runs or the selected one: exportTargets says which it writes.
    csv.disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> exportTargets().isEmpty(),
                runList.getSelectionModel().selectedItemProperty(),
                vm.overlaid()));
    csv.setOnAction(
        e -> {
          javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
          fc.setInitialFileName("gatescope-runs.csv");
          java.io.File f = fc.showSaveDialog(getScene().getWindow());
          if (f != null) {
            vm.exportCsv(exportTargets(), f.toPath());
          }
        });
    FlowPane head = new FlowPane(8, 4, title(Messages.get("train.runs")), csv);
    head.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(4, head, runList);
    VBox.setVgrow(runList, Priority.ALWAYS);
    box.setMinSize(0, 0);
    return box;
  }

  List<TrainViewModel.Run> exportTargets() {
    return vm.exportTargets(runList.getSelectionModel().getSelectedItem());
  }

  // ---- helpers ----

  private ComboBox<String> combo(Field f, String kind, String... items) {
    ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(items));
    c.setPrefWidth(60); // the column, not the longest item, sets the width
    c.setMaxWidth(Double.MAX_VALUE);
    c.valueProperty().bindBidirectional(vm.textProperty(f));
    showAs(c, "train." + kind + ".");
    return c;
  }

  /** Shows each item as the text under {@code prefix + item}; the values stay the items. */
  static void showAs(ComboBox<String> c, String prefix) {
    Choices.showAs(c, item -> Messages.get(prefix + item));
  }

  private static LineChart<Number, Number> chart(String id, String title, String x, String y) {
    NumberAxis xa = new NumberAxis();
    xa.setLabel(x);
    xa.setForceZeroInRange(true); // iterations from 0: same ticks on every chart
    NumberAxis ya = new NumberAxis();
    ya.setLabel(y);
    LineChart<Number, Number> c = new LineChart<>(xa, ya);
    io.gatescope.ui.common.ChartSummary.attach(c); // what a screen reader says
    c.setTitle(title);
    c.setAnimated(false);
    c.setCreateSymbols(false);
    c.setMinSize(160, 120);
    c.setPrefSize(420, 260);
    javafx.scene.control.MenuItem png =
        new javafx.scene.control.MenuItem(Messages.get("chart.savePng"));
    png.setOnAction(
        e -> {
          javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
          fc.setInitialFileName(id + ".png");
          java.io.File f = fc.showSaveDialog(c.getScene().getWindow());
          if (f != null) {
            try {
              io.gatescope.core.AtomicFile.write(
                  f.toPath(), io.gatescope.ui.common.Files2.png(c.snapshot(null, null)));
            } catch (java.io.IOException ex) {
              new javafx.scene.control.Alert(
                      javafx.scene.control.Alert.AlertType.ERROR,
                      Messages.get("file.saveFailed", f, ex.getMessage()))
                  .show();
            }
          }
        });
    c.setOnContextMenuRequested(
        e -> new javafx.scene.control.ContextMenu(png).show(c, e.getScreenX(), e.getScreenY()));
    return c;
  }

  /** Test-accuracy curves of the ticked runs, next to the current run's. */
  private void overlay() {
    accChart.getData().removeAll(overlays);
    overlays.clear();
    for (TrainViewModel.Run r : vm.overlaid()) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(Messages.get("train.series.runTest", r.name()));
      overlays.add(s);
      for (var e : r.evaluations()) {
        s.getData().add(new XYChart.Data<>(e.iteration(), e.testAccuracy()));
      }
      accChart.getData().add(s);
    }
  }

  private final List<XYChart.Series<Number, Number>> overlays = new java.util.ArrayList<>();

  private static XYChart.Series<Number, Number> series(
      String name, javafx.collections.ObservableList<XYChart.Data<Number, Number>> data) {
    return new XYChart.Series<>(name, data);
  }

  private static Label title(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-title");
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }
}
