package io.gatescope.ui.evaluate;

import static io.gatescope.ui.common.Controls.note;
import static io.gatescope.ui.common.Controls.title;
import static io.gatescope.ui.common.Controls.workspace;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.inspect.CellComparison;
import io.gatescope.core.inspect.GradientFlow;
import io.gatescope.core.train.Evaluation;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.common.ChartPlaceholder;
import io.gatescope.ui.common.ChartSummary;
import io.gatescope.ui.common.Choices;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.common.PictureExport;
import io.gatescope.ui.common.Ticks;
import io.gatescope.ui.common.Workspace;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Evaluate workspace: confusion matrix and mistakes of the current model, gradient flow per
 * timestep, and the LSTM vs GRU vs RNN comparison. Three columns that share the width; the matrix
 * column's table scrolls when the window is short.
 */
public final class EvaluateView extends BorderPane {
  private final EvaluateViewModel vm;
  private final ConfusionMatrix matrix = new ConfusionMatrix();
  private final MatrixLegend legend = new MatrixLegend();
  private final Gallery gallery = new Gallery();
  private final LineChart<Number, Number> flowChart;
  private final LineChart<Number, Number> compareChart;
  private final Label perClass = new Label();
  private final ComboBox<String> flowOf = new ComboBox<>();

  public EvaluateView(EvaluateViewModel vm) {
    this.vm = vm;
    workspace(this, "evaluate-view", "evaluate.css");
    flowChart = buildFlowChart();
    compareChart = buildCompareChart();
    setTop(buildToolbar());
    setCenter(buildColumns());
    bindRefresh();
  }

  private void bindRefresh() {
    vm.evaluationProperty().addListener(o -> refreshMatrix());
    vm.selectedCellProperty().addListener(o -> refreshMatrix());
    vm.gallery()
        .addListener(
            (Observable o) ->
                gallery.show(
                    vm.gallery(),
                    vm::testImage,
                    i -> vm.testLabel(i) + " → " + vm.evaluationProperty().get().predicted()[i]));
    vm.flows().addListener((Observable o) -> refreshFlows());
    vm.comparison().addListener((Observable o) -> refreshComparison());
    refreshMatrix();
  }

  // ---- toolbar: buttons wrap to a second line before they are cut; the status has its own ----

  private Node buildToolbar() {
    Button evaluate = new Button(Messages.get("evaluate.run"), new FontIcon("mdi2c-check-all"));
    evaluate.setId("evaluate-run");
    evaluate.setTooltip(new Tooltip(Messages.get("evaluate.run.tip")));
    evaluate.disableProperty().bind(vm.busyProperty());
    evaluate.setOnAction(e -> vm.evaluate());
    Keys.bind(this, "Shortcut+E", vm::evaluate);
    Button compare =
        new Button(Messages.get("train.preset.compare"), new FontIcon("mdi2c-compare"));
    compare.setId("evaluate-compare");
    compare.setTooltip(new Tooltip(Messages.get("evaluate.compare.tip")));
    compare.disableProperty().bind(vm.busyProperty());
    compare.setOnAction(e -> vm.compare());
    Button stop = new Button(Messages.get("train.stop"), new FontIcon("mdi2s-stop"));
    stop.setId("evaluate-stop");
    stop.disableProperty().bind(vm.busyProperty().not());
    stop.setOnAction(e -> vm.cancel());
    ProgressBar bar = new ProgressBar();
    bar.progressProperty().bind(vm.progressProperty());
    bar.setPrefWidth(160);
    ComboBox<Reading> reading = new ComboBox<>(FXCollections.observableArrayList(Reading.values()));
    reading.valueProperty().bindBidirectional(vm.readingProperty());
    reading.setTooltip(new Tooltip(Messages.get("evaluate.reading.tip")));
    Choices.showAs(reading, r -> Messages.get("train.reading." + r.name().toLowerCase()));
    Label readingName = new Label(Messages.get("train.field.reading"));
    readingName.setLabelFor(reading);
    HBox readingBox = new HBox(6, readingName, reading);
    readingBox.setAlignment(Pos.CENTER_LEFT);
    for (Region r : new Region[] {evaluate, compare, stop, readingName, reading}) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    FlowPane controls = new FlowPane(10, 6, evaluate, compare, readingBox, stop, bar);
    controls.setAlignment(Pos.CENTER_LEFT);
    Label status = new Label();
    status.setId("evaluate-status");
    status.setWrapText(true);
    status.textProperty().bind(vm.statusProperty());
    VBox top = new VBox(4, controls, status);
    top.setPadding(new Insets(8, 12, 4, 12));
    return top;
  }

  /** Matrix, mistakes, charts: shares of the width, so the window's edge cuts none of them. */
  private Node buildColumns() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.add(buildMatrixColumn(), 0, 0);
    grid.add(buildGalleryColumn(), 1, 0);
    grid.add(buildChartColumn(), 2, 0);
    for (double share : new double[] {34, 24, 42}) {
      ColumnConstraints c = new ColumnConstraints();
      c.setPercentWidth(share);
      c.setHgrow(Priority.ALWAYS);
      c.setFillWidth(true);
      grid.getColumnConstraints().add(c);
    }
    RowConstraints row = new RowConstraints();
    row.setVgrow(Priority.ALWAYS);
    row.setFillHeight(true);
    grid.getRowConstraints().add(row);
    grid.setPadding(new Insets(4, 12, 8, 12));
    grid.setMinSize(0, 0);
    return grid;
  }

  private Node buildMatrixColumn() {
    matrix.setOnSelect(vm::selectCell);
    matrix.setId("evaluate-matrix");
    perClass.getStyleClass().add("mono");
    perClass.setMinHeight(Region.USE_PREF_SIZE);
    Label matrixHint = note(Messages.get("evaluate.matrix.hint"));
    // Under the matrix and its legend: the hint and the per-digit table, scrolling when short.
    VBox more = new VBox(6, matrixHint, perClass);
    ScrollPane scroll = new ScrollPane(more);
    scroll.setId("evaluate-per-class");
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("edge-to-edge");
    // The whole table where the window has room (the matrix gives way down to its smallest).
    scroll.setPrefHeight(Region.USE_COMPUTED_SIZE);
    scroll.setMinHeight(50);
    VBox left = new VBox(6, title(Messages.get("evaluate.matrix")), matrix, legend, scroll);
    VBox.setVgrow(matrix, Priority.ALWAYS);
    left.setMinSize(0, 0);
    return left;
  }

  private Node buildGalleryColumn() {
    Label galleryTitle = title(null);
    galleryTitle.textProperty().bind(vm.galleryTitleProperty());
    // The keys make it long: its own lines, never cutting the title.
    Label galleryHint = note(Messages.get("evaluate.gallery.hint"));
    gallery.setOnOpen(
        (i, b) -> vm.open(i, b == MouseButton.SECONDARY ? Workspace.DRAW : Workspace.INSIDE));
    gallery.setId("evaluate-gallery");
    gallery.setMinWidth(120);
    PictureExport.Source galleryPicture =
        new PictureExport.Source(
            () -> "gatescope-mistakes", s -> PictureExport.snapshot(gallery, s), this::galleryCsv);
    PictureExport.attach(gallery, galleryPicture);
    PictureExport.attach(galleryTitle, galleryPicture);
    VBox center = new VBox(4, galleryTitle, galleryHint, gallery);
    VBox.setVgrow(gallery, Priority.ALWAYS);
    center.setMinSize(0, 0);
    return center;
  }

  private Node buildChartColumn() {
    flowOf
        .getItems()
        .setAll(Messages.get("evaluate.flow.a"), Messages.get("evaluate.flow.x.input"));
    flowOf.getSelectionModel().select(0);
    flowOf.valueProperty().addListener(o -> refreshFlows());
    flowOf.setTooltip(new Tooltip(Messages.get("evaluate.flowOf.tip")));
    flowOf.setMinWidth(Region.USE_PREF_SIZE);
    Label flowOfName = new Label(Messages.get("evaluate.flowOf"));
    flowOfName.setMinWidth(Region.USE_PREF_SIZE);
    flowOfName.setLabelFor(flowOf);
    FlowPane flowRow = new FlowPane(8, 4, flowOfName, flowOf);
    flowRow.setId("evaluate-flow-of");
    flowRow.setAlignment(Pos.CENTER_LEFT);
    Node flow =
        ChartPlaceholder.over(
            flowChart,
            Bindings.isEmpty(vm.flows()),
            new SimpleStringProperty(Messages.get("evaluate.flow.empty")));
    Node compare =
        ChartPlaceholder.over(
            compareChart,
            Bindings.isEmpty(vm.comparison()),
            new SimpleStringProperty(Messages.get("evaluate.compare.empty")));
    VBox right = new VBox(8, flowRow, flow, compare);
    VBox.setVgrow(flow, Priority.ALWAYS);
    VBox.setVgrow(compare, Priority.ALWAYS);
    right.setMinSize(0, 0);
    return right;
  }

  /** The gallery's images: test index, true digit, prediction and its probability, as held. */
  io.gatescope.ui.common.CsvTable galleryCsv() {
    Evaluation ev = vm.evaluationProperty().get();
    if (ev == null || vm.gallery().isEmpty()) {
      return null;
    }
    io.gatescope.ui.common.CsvTable t =
        new io.gatescope.ui.common.CsvTable(
            java.util.List.of(
                Messages.get("export.csv.testIndex"),
                Messages.get("export.csv.label"),
                Messages.get("export.csv.prediction"),
                Messages.get("export.csv.probability")));
    for (int i : vm.gallery()) {
      t.row(
          java.util.List.of(
              Integer.toString(i),
              Integer.toString(vm.testLabel(i)),
              Integer.toString(ev.predicted()[i]),
              io.gatescope.ui.common.CsvTable.number(ev.confidence()[i])));
    }
    return t;
  }

  // ---- charts ----

  private LineChart<Number, Number> buildFlowChart() {
    LineChart<Number, Number> c =
        chart("evaluate-flow", "evaluate.flow", "evaluate.flow.x", "evaluate.flow.y");
    Axes.fix((NumberAxis) c.getXAxis(), 1, 28, 3);
    // No flow yet, no scale: the numbers would be made up.
    c.getYAxis().tickLabelsVisibleProperty().bind(Bindings.isNotEmpty(vm.flows()));
    // Four entries (three cells and the current model) are too wide for one row at 1024 px, and
    // a legend that needs two rows is not drawn at all: a column beside the plot instead.
    c.setLegendSide(javafx.geometry.Side.RIGHT);
    return c;
  }

  private LineChart<Number, Number> buildCompareChart() {
    LineChart<Number, Number> c =
        chart(
            "evaluate-compare-chart",
            "evaluate.compareChart",
            "train.axis.iteration",
            "train.axis.accuracy");
    // The comparison trains the quick demo: its iterations are known before it starts.
    TrainingConfig quick = TrainingConfig.quickDemo();
    int planned = quick.epochs() * quick.iterationsPerEpoch();
    Axes.fix((NumberAxis) c.getXAxis(), 0, planned, Ticks.niceStep(planned / 6.0));
    Axes.fitAccuracy((NumberAxis) c.getYAxis(), 0, 1);
    return c;
  }

  private void refreshMatrix() {
    Evaluation ev = vm.evaluationProperty().get();
    matrix.show(ev == null ? null : ev.confusion(), vm.selectedCellProperty().get());
    legend.setVisible(ev != null);
    legend.setManaged(ev != null);
    if (ev == null) {
      perClass.setText("");
      return;
    }
    legend.show(ConfusionMatrix.maxWrong(ev.confusion()));
    perClass.setText(EvaluateViewModel.perClassText(ev));
  }

  private void refreshFlows() {
    flowChart.getData().clear();
    for (GradientFlow f : vm.flows()) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(vm.flowName(f));
      double[] norms = flowOf.getSelectionModel().getSelectedIndex() == 1 ? f.input() : f.hidden();
      for (int t = 0; t < norms.length; t++) {
        s.getData().add(new XYChart.Data<>(t + 1, Math.log10(Math.max(1e-30, norms[t]))));
      }
      flowChart.getData().add(s);
    }
  }

  private void refreshComparison() {
    compareChart.getData().clear();
    double lo = 1;
    double hi = 0;
    double end = ((NumberAxis) compareChart.getXAxis()).getUpperBound();
    for (CellComparison.Outcome o : vm.comparison()) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(Messages.get("evaluate.outcome", o.cell(), 100 * o.result().finalAccuracy()));
      for (double[] p : o.curve()) {
        s.getData().add(new XYChart.Data<>(p[0], p[1]));
        lo = Math.min(lo, p[1]);
        hi = Math.max(hi, p[1]);
        end = Math.max(end, p[0]);
      }
      compareChart.getData().add(s);
    }
    ((NumberAxis) compareChart.getXAxis()).setUpperBound(end);
    if (lo <= hi) {
      Axes.fitAccuracy((NumberAxis) compareChart.getYAxis(), lo, hi);
    } else {
      Axes.fitAccuracy((NumberAxis) compareChart.getYAxis(), 0, 1);
    }
  }

  /** A line chart without symbols or animation; its title and axis labels are message keys. */
  private static LineChart<Number, Number> chart(String id, String title, String x, String y) {
    LineChart<Number, Number> c = new LineChart<>(axis(x), axis(y));
    c.setId(id);
    ChartSummary.attach(c); // what a screen reader says
    c.setTitle(Messages.get(title));
    c.setAnimated(false);
    c.setCreateSymbols(false);
    c.setMinSize(160, 140);
    PictureExport.attachChart(c, "gatescope-" + id);
    return c;
  }

  private static NumberAxis axis(String labelKey) {
    NumberAxis a = new NumberAxis();
    a.setLabel(Messages.get(labelKey));
    a.setForceZeroInRange(false);
    return a;
  }
}
