package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.common.Choices;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.train.TrainViewModel.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Train workspace: hyperparameters, run controls, live charts and the run list. */
public final class TrainView extends BorderPane {
  private final TrainViewModel vm;
  private final java.util.Map<Field, Control> inputs = new java.util.EnumMap<>(Field.class);
  private final java.util.Map<Field, Label> errorLabels = new java.util.EnumMap<>(Field.class);

  public TrainView(TrainViewModel vm) {
    this.vm = vm;
    setId("train-view");
    getStyleClass().add("workspace");
    getStylesheets().add(TrainView.class.getResource("train.css").toExternalForm());

    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(3);
    // Field names are never cut; the inputs take the rest of the width.
    javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
    names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
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
      Label name = new Label(f.label());
      name.setLabelFor(input);
      Label err = new Label();
      err.getStyleClass().add("field-error");
      err.setWrapText(true);
      err.setMaxWidth(170);
      err.setManaged(false);
      err.setVisible(false);
      form.add(name, 0, row);
      form.add(input, 1, row++);
      form.add(err, 0, row++, 2, 1);
      inputs.put(f, input);
      errorLabels.put(f, err);
    }
    vm.errors().addListener((MapChangeListener<Field, String>) c -> showErrors());

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
        .addListener((o, a, p) -> pause.setText(Messages.get(p ? "train.resume" : "train.pause")));
    pause.setOnAction(e -> vm.togglePause());
    pause.setTooltip(new Tooltip(Messages.get("train.pause.tip")));
    Keys.bind(this, "Shortcut+P", vm::togglePause);
    Button stop = new Button(Messages.get("train.stop"), new FontIcon("mdi2s-stop"));
    stop.setId("train-stop");
    stop.disableProperty().bind(vm.runningProperty().not());
    stop.setOnAction(e -> vm.stop());
    stop.setTooltip(new Tooltip(Messages.get("train.stop.tip")));
    Keys.bind(this, "Shortcut+Period", vm::stop);
    HBox buttons = new HBox(6, start, pause, stop);

    VBox left = new VBox(8, title(Messages.get("train.hyperparameters")), preset, form, buttons);
    left.setPadding(new Insets(10, 10, 10, 12));
    left.setPrefWidth(290);
    setLeft(left);

    ProgressBar bar = new ProgressBar();
    bar.setId("train-progress");
    bar.progressProperty().bind(vm.progressProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    Label progress = new Label();
    progress.textProperty().bind(vm.progressTextProperty());
    Label message = new Label();
    message.setId("train-message");
    message.getStyleClass().add("muted");
    message.textProperty().bind(vm.messageProperty());
    HBox.setHgrow(bar, Priority.ALWAYS);
    VBox status = new VBox(4, new HBox(10, bar, progress), message);

    LineChart<Number, Number> lossChart =
        chart(
            "loss",
            Messages.get("train.chart.loss"),
            Messages.get("train.axis.iteration"),
            Messages.get("train.axis.loss"));
    lossChart.getData().add(series(Messages.get("train.series.batchLoss"), vm.loss()));
    lossChart.getData().add(series(Messages.get("train.series.smoothed"), vm.smoothLoss()));
    lossChart.getData().add(series(Messages.get("train.series.testLoss"), vm.testLoss()));
    lossChart.setId("train-loss-chart");
    LineChart<Number, Number> accChart =
        chart(
            "accuracy",
            Messages.get("train.chart.accuracy"),
            Messages.get("train.axis.iteration"),
            Messages.get("train.axis.accuracy"));
    accChart.getData().add(series(Messages.get("train.series.batch"), vm.batchAccuracy()));
    accChart.getData().add(series(Messages.get("train.series.test"), vm.testAccuracy()));
    accChart.setId("train-acc-chart");
    LineChart<Number, Number> satChart =
        chart(
            "gate-saturation",
            Messages.get("train.chart.saturation"),
            Messages.get("train.axis.iteration"),
            Messages.get("train.axis.share"));
    vm.saturation().forEach((k, v) -> satChart.getData().add(series(k, v)));
    satChart.setId("train-sat-chart");
    GridPane charts = new GridPane();
    charts.setHgap(8);
    charts.setVgap(8);
    charts.add(lossChart, 0, 0);
    charts.add(accChart, 1, 0);
    charts.add(satChart, 0, 1);
    ListView<TrainViewModel.Run> runs = new ListView<>(vm.runs());
    runs.setId("train-runs");
    runs.setPlaceholder(new Label(Messages.get("train.runs.empty")));
    runs.setCellFactory(
        javafx.scene.control.cell.CheckBoxListCell.forListView(TrainViewModel.Run::shown));
    Button csv =
        new Button(Messages.get("train.exportCsv"), new FontIcon("mdi2f-file-delimited-outline"));
    csv.setTooltip(new Tooltip(Messages.get("train.exportCsv.tip")));
    csv.disableProperty().bind(runs.getSelectionModel().selectedItemProperty().isNull());
    csv.setOnAction(
        e -> {
          javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
          fc.setInitialFileName("run.csv");
          java.io.File f = fc.showSaveDialog(getScene().getWindow());
          if (f != null) {
            vm.exportCsv(runs.getSelectionModel().getSelectedItem(), f.toPath());
          }
        });
    vm.overlaid().addListener((javafx.beans.Observable o) -> overlay(accChart));
    List<LineChart<Number, Number>> all = List.of(lossChart, accChart, satChart);
    // The iteration axes are fixed for a run (0 to its last iteration, including ticked runs):
    // an axis that grows with every point makes new tick labels, and new nodes cost a CSS pass,
    // every frame.
    javafx.beans.InvalidationListener fixAxes =
        o -> {
          int end = vm.totalIterationsProperty().get();
          for (TrainViewModel.Run r : vm.overlaid()) {
            end = Math.max(end, r.result().iterations());
          }
          for (LineChart<Number, Number> c : all) {
            NumberAxis x = (NumberAxis) c.getXAxis();
            x.setAutoRanging(end <= 0);
            if (end > 0) {
              x.setLowerBound(0);
              x.setUpperBound(end);
              x.setTickUnit(niceStep(end / 8.0));
            }
          }
        };
    vm.totalIterationsProperty().addListener(fixAxes);
    vm.overlaid().addListener(fixAxes);
    // While another workspace is shown, the charts let go of their series: a chart lays out its
    // paths again for every new point even when hidden, and training adds points all the time.
    Map<LineChart<Number, Number>, List<XYChart.Series<Number, Number>>> own = new HashMap<>();
    all.forEach(c -> own.put(c, List.copyOf(c.getData())));
    javafx.beans.value.ChangeListener<Boolean> onShown =
        (o, was, shown) -> {
          for (LineChart<Number, Number> c : all) {
            if (shown) {
              c.getData().setAll(own.get(c));
            } else {
              c.getData().clear();
            }
          }
          if (shown) {
            overlay(accChart);
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
    VBox runBox = new VBox(4, new HBox(8, title(Messages.get("train.runs")), csv), runs);
    VBox.setVgrow(runs, Priority.ALWAYS);
    charts.add(runBox, 1, 1);
    for (int i = 0; i < 2; i++) {
      javafx.scene.layout.RowConstraints rc = new javafx.scene.layout.RowConstraints();
      rc.setPercentHeight(50);
      charts.getRowConstraints().add(rc);
      javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
      cc.setPercentWidth(50);
      charts.getColumnConstraints().add(cc);
    }
    for (var n : new javafx.scene.Node[] {lossChart, accChart, satChart, runBox}) {
      GridPane.setHgrow(n, Priority.ALWAYS);
      GridPane.setVgrow(n, Priority.ALWAYS);
    }
    VBox center = new VBox(8, status, charts);
    VBox.setVgrow(charts, Priority.ALWAYS);
    center.setPadding(new Insets(10, 12, 10, 4));
    setCenter(center);
    showErrors();
  }

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

  private void showErrors() {
    for (Field f : Field.values()) {
      String e = vm.errors().get(f);
      Label l = errorLabels.get(f);
      Control c = inputs.get(f);
      l.setText(e == null ? "" : e);
      l.setVisible(e != null);
      l.setManaged(e != null);
      c.getStyleClass().remove("invalid");
      c.setTooltip(null);
      if (e != null) {
        c.getStyleClass().add("invalid");
        c.setTooltip(new Tooltip(f.label() + ": " + e));
      }
    }
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
    c.setMinSize(200, 160);
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
  private void overlay(LineChart<Number, Number> acc) {
    acc.getData().removeIf(s -> s.getName().startsWith("#"));
    for (TrainViewModel.Run r : vm.overlaid()) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(Messages.get("train.series.runTest", r.name()));
      for (var e : r.evaluations()) {
        s.getData().add(new XYChart.Data<>(e.iteration(), e.testAccuracy()));
      }
      acc.getData().add(s);
    }
  }

  /** The smallest 1, 2 or 5 × 10^k at least {@code v}: tick spacings that read well. */
  static double niceStep(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(Math.max(v, 1e-9))));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static XYChart.Series<Number, Number> series(
      String name, javafx.collections.ObservableList<XYChart.Data<Number, Number>> data) {
    return new XYChart.Series<>(name, data);
  }

  private static Label title(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-title");
    return l;
  }
}
