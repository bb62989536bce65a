package io.gatescope.ui.evaluate;

import io.gatescope.core.Messages;
import io.gatescope.core.inspect.CellComparison;
import io.gatescope.core.inspect.GradientFlow;
import io.gatescope.core.train.Evaluation;
import io.gatescope.ui.common.Choices;
import io.gatescope.ui.common.Keys;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Evaluate workspace: confusion matrix and mistakes of the current model, gradient flow per
 * timestep, and the LSTM vs GRU vs RNN comparison.
 */
public final class EvaluateView extends BorderPane {
  private final EvaluateViewModel vm;
  private final ConfusionMatrix matrix = new ConfusionMatrix();
  private final Gallery gallery = new Gallery();
  private final LineChart<Number, Number> flowChart;
  private final LineChart<Number, Number> compareChart;
  private final Label perClass = new Label();
  private final javafx.scene.control.ComboBox<String> flowOf =
      new javafx.scene.control.ComboBox<>();

  public EvaluateView(EvaluateViewModel vm) {
    this.vm = vm;
    setId("evaluate-view");
    getStyleClass().add("workspace");
    getStylesheets().add(EvaluateView.class.getResource("evaluate.css").toExternalForm());

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
    stop.disableProperty().bind(vm.busyProperty().not());
    stop.setOnAction(e -> vm.cancel());
    ProgressBar bar = new ProgressBar();
    bar.progressProperty().bind(vm.progressProperty());
    bar.setPrefWidth(180);
    Label status = new Label();
    status.setId("evaluate-status");
    status.textProperty().bind(vm.statusProperty());
    javafx.scene.control.ComboBox<io.gatescope.core.engine.Reading> reading =
        new javafx.scene.control.ComboBox<>(
            javafx.collections.FXCollections.observableArrayList(
                io.gatescope.core.engine.Reading.values()));
    reading.valueProperty().bindBidirectional(vm.readingProperty());
    reading.setTooltip(new Tooltip(Messages.get("evaluate.reading.tip")));
    Choices.showAs(reading, r -> Messages.get("train.reading." + r.name().toLowerCase()));
    HBox top =
        new HBox(
            10,
            evaluate,
            compare,
            new Label(Messages.get("train.field.reading")),
            reading,
            stop,
            bar,
            status);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(8, 12, 4, 12));
    setTop(top);

    matrix.setOnSelect(vm::selectCell);
    matrix.setId("evaluate-matrix");
    gallery.setId("evaluate-gallery");
    perClass.getStyleClass().add("mono");
    Label matrixHint = new Label(Messages.get("evaluate.matrix.hint"));
    matrixHint.getStyleClass().add("muted");
    VBox left = new VBox(6, title(Messages.get("evaluate.matrix")), matrix, matrixHint, perClass);
    left.setPadding(new Insets(4, 8, 8, 12));
    VBox.setVgrow(matrix, Priority.ALWAYS);
    setLeft(left);

    Label galleryTitle = new Label();
    galleryTitle.getStyleClass().add("section-title");
    galleryTitle.textProperty().bind(vm.galleryTitleProperty());
    Label galleryHint = new Label(Messages.get("evaluate.gallery.hint"));
    galleryHint.getStyleClass().add("muted");
    gallery.setOnOpen((i, b) -> vm.open(i, b == MouseButton.SECONDARY ? "draw" : "inside"));
    galleryHint.setWrapText(true); // the keys make it long: its own line, never cutting the title
    VBox center = new VBox(4, galleryTitle, galleryHint, gallery);
    VBox.setVgrow(gallery, Priority.ALWAYS);
    center.setPadding(new Insets(4, 8, 8, 8));
    setCenter(center);

    flowChart =
        chart(
            Messages.get("evaluate.flow"),
            Messages.get("evaluate.flow.x"),
            Messages.get("evaluate.flow.y"));
    NumberAxis steps = (NumberAxis) flowChart.getXAxis();
    steps.setAutoRanging(false);
    steps.setLowerBound(1);
    steps.setUpperBound(28);
    steps.setTickUnit(3);
    flowChart.setId("evaluate-flow");
    compareChart =
        chart(
            Messages.get("evaluate.compareChart"),
            Messages.get("train.axis.iteration"),
            Messages.get("train.axis.accuracy"));
    compareChart.setId("evaluate-compare-chart");
    flowOf
        .getItems()
        .setAll(Messages.get("evaluate.flow.a"), Messages.get("evaluate.flow.x.input"));
    flowOf.getSelectionModel().select(0);
    flowOf.valueProperty().addListener(o -> refreshFlows());
    flowOf.setTooltip(new Tooltip(Messages.get("evaluate.flowOf.tip")));
    VBox right =
        new VBox(
            8,
            new HBox(8, new Label(Messages.get("evaluate.flowOf")), flowOf),
            flowChart,
            compareChart);
    right.setPadding(new Insets(4, 12, 8, 4));
    right.setPrefWidth(440);
    VBox.setVgrow(flowChart, Priority.ALWAYS);
    VBox.setVgrow(compareChart, Priority.ALWAYS);
    setRight(right);

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

  private void refreshMatrix() {
    Evaluation ev = vm.evaluationProperty().get();
    matrix.show(ev == null ? null : ev.confusion(), vm.selectedCellProperty().get());
    if (ev == null) {
      perClass.setText("");
      return;
    }
    StringBuilder sb = new StringBuilder(Messages.get("evaluate.perClass.head")).append('\n');
    for (int d = 0; d < 10; d++) {
      sb.append(
              String.format(
                  "  %d    %5.1f%%    %5.1f%%", d, 100 * ev.recall()[d], 100 * ev.precision()[d]))
          .append('\n');
    }
    perClass.setText(sb.toString());
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
    for (CellComparison.Outcome o : vm.comparison()) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(Messages.get("evaluate.outcome", o.cell(), 100 * o.result().finalAccuracy()));
      for (double[] p : o.curve()) {
        s.getData().add(new XYChart.Data<>(p[0], p[1]));
      }
      compareChart.getData().add(s);
    }
  }

  private static LineChart<Number, Number> chart(String title, String x, String y) {
    NumberAxis xa = new NumberAxis();
    xa.setLabel(x);
    xa.setForceZeroInRange(false);
    NumberAxis ya = new NumberAxis();
    ya.setLabel(y);
    ya.setForceZeroInRange(false);
    LineChart<Number, Number> c = new LineChart<>(xa, ya);
    io.gatescope.ui.common.ChartSummary.attach(c); // what a screen reader says
    c.setTitle(title);
    c.setAnimated(false);
    c.setCreateSymbols(false);
    c.setMinSize(240, 180);
    return c;
  }

  private static Label title(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-title");
    return l;
  }
}
