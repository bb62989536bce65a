package io.gatescope.ui.evaluate;

import io.gatescope.core.inspect.CellComparison;
import io.gatescope.core.inspect.GradientFlow;
import io.gatescope.core.train.Evaluation;
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

    Button evaluate = new Button("Evaluate model", new FontIcon("mdi2c-check-all"));
    evaluate.setId("evaluate-run");
    evaluate.setTooltip(new Tooltip("Test accuracy, confusion matrix, mistakes, gradient flow"));
    evaluate.disableProperty().bind(vm.busyProperty());
    evaluate.setOnAction(e -> vm.evaluate());
    Button compare = new Button("Compare cells", new FontIcon("mdi2c-compare"));
    compare.setId("evaluate-compare");
    compare.setTooltip(
        new Tooltip(
            "Train LSTM, GRU and RNN with the same seed, data order and budget (quick demo)"));
    compare.disableProperty().bind(vm.busyProperty());
    compare.setOnAction(e -> vm.compare());
    Button stop = new Button("Stop", new FontIcon("mdi2s-stop"));
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
    reading.setTooltip(
        new Tooltip(
            "How the compared models read the image; columns and"
                + " permuted rows need longer memory"));
    HBox top = new HBox(10, evaluate, compare, new Label("reading"), reading, stop, bar, status);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(8, 12, 4, 12));
    setTop(top);

    matrix.setOnSelect(vm::selectCell);
    perClass.getStyleClass().add("mono");
    Label matrixHint = new Label("rows: true digit · columns: predicted · click a cell");
    matrixHint.getStyleClass().add("muted");
    VBox left = new VBox(6, title("Confusion matrix"), matrix, matrixHint, perClass);
    left.setPadding(new Insets(4, 8, 8, 12));
    VBox.setVgrow(matrix, Priority.ALWAYS);
    setLeft(left);

    Label galleryTitle = new Label();
    galleryTitle.getStyleClass().add("section-title");
    galleryTitle.textProperty().bind(vm.galleryTitleProperty());
    Label galleryHint = new Label("click: open in Inside · right-click: open in Draw");
    galleryHint.getStyleClass().add("muted");
    gallery.setOnOpen((i, b) -> vm.open(i, b == MouseButton.SECONDARY ? "Draw" : "Inside"));
    VBox center = new VBox(6, new HBox(10, galleryTitle, galleryHint), gallery);
    VBox.setVgrow(gallery, Priority.ALWAYS);
    center.setPadding(new Insets(4, 8, 8, 8));
    setCenter(center);

    flowChart = chart("Gradient flow per timestep (log₁₀ of the norm)", "timestep t", "log₁₀ norm");
    NumberAxis steps = (NumberAxis) flowChart.getXAxis();
    steps.setAutoRanging(false);
    steps.setLowerBound(1);
    steps.setUpperBound(28);
    steps.setTickUnit(3);
    flowChart.setId("evaluate-flow");
    compareChart = chart("Compare cells: test accuracy", "iteration", "accuracy");
    compareChart.setId("evaluate-compare-chart");
    flowOf.getItems().setAll("∂loss/∂a⟨t⟩ (hidden state)", "∂loss/∂x⟨t⟩ (input row)");
    flowOf.getSelectionModel().select(0);
    flowOf.valueProperty().addListener(o -> refreshFlows());
    flowOf.setTooltip(new Tooltip("Which gradient to show per timestep"));
    VBox right =
        new VBox(8, new HBox(8, new Label("gradient of"), flowOf), flowChart, compareChart);
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
    StringBuilder sb = new StringBuilder("digit  recall  precision\n");
    for (int d = 0; d < 10; d++) {
      sb.append(
          String.format(
              "  %d    %5.1f%%    %5.1f%%%n", d, 100 * ev.recall()[d], 100 * ev.precision()[d]));
    }
    perClass.setText(sb.toString());
  }

  private void refreshFlows() {
    flowChart.getData().clear();
    for (GradientFlow f : vm.flows()) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(f.label());
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
      s.setName(String.format("%s (%.1f%%)", o.cell(), 100 * o.result().finalAccuracy()));
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
