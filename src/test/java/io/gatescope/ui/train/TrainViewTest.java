package io.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.train.Evaluation;
import io.gatescope.core.train.OptimizerKind;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.train.TrainViewModel.Field;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

class TrainViewTest extends WorkbenchTestBase {
  @TempDir Path dir;

  @Override
  protected String workspace() {
    return "Train";
  }

  @Test
  void anInvalidValueDisablesStartAndSaysWhy(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    Button start = robot.lookup("#train-start").queryButton();
    assertFalse(FxTestSupport.onFx(start::isDisabled));
    TextField lr = robot.lookup("#train-lr").queryAs(TextField.class);
    for (String bad : new String[] {"", "-1", "NaN", "abc", "1e99"}) {
      FxTestSupport.run(() -> lr.setText(bad));
      assertTrue(FxTestSupport.onFx(start::isDisabled), "disabled for '" + bad + "'");
      String reason = FxTestSupport.onFx(() -> wb.trainVm.errors().get(Field.LR));
      assertTrue(reason != null && !reason.isEmpty(), "reason for '" + bad + "'");
      assertTrue(FxTestSupport.onFx(() -> lr.getStyleClass().contains("invalid")));
      assertTrue(FxTestSupport.onFx(() -> lr.getTooltip().getText()).startsWith("learning rate: "));
    }
    assertEquals(
        "'abc' is not a number",
        FxTestSupport.onFx(
            () -> {
              lr.setText("abc");
              return wb.trainVm.errors().get(Field.LR);
            }));
    FxTestSupport.run(() -> lr.setText("0.002"));
    assertFalse(FxTestSupport.onFx(start::isDisabled));
    assertTrue(FxTestSupport.onFx(() -> wb.trainVm.errors().isEmpty()));
  }

  @Test
  void aQuickRunDrawsChartsPausesStopsAndIsListed(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    TrainingConfig small =
        new TrainingConfig(
            new ModelConfig(CellType.LSTM, 1, 16, 16, 1, 3),
            32,
            5,
            3e-3,
            OptimizerKind.ADAM,
            5,
            3200,
            500,
            20,
            0,
            1);
    FxTestSupport.run(() -> wb.trainVm.applyPreset(small));
    robot.clickOn("#train-start");
    FxTestSupport.waitFor("chart points", 60, () -> wb.trainVm.loss().size() >= 5);
    robot.clickOn("#train-pause");
    FxTestSupport.waitFor("paused", 10, () -> wb.trainVm.pausedProperty().get());
    Thread.sleep(400); // a minibatch in flight may still land
    int before = FxTestSupport.onFx(() -> wb.trainVm.loss().size());
    Thread.sleep(700);
    assertEquals(
        before, FxTestSupport.onFx(() -> wb.trainVm.loss().size()), "no iterations while paused");
    robot.clickOn("#train-pause"); // resume
    FxTestSupport.waitFor("more points", 30, () -> wb.trainVm.loss().size() > before);
    robot.clickOn("#train-stop");
    FxTestSupport.waitFor("run listed", 30, () -> !wb.trainVm.runs().isEmpty());
    TrainViewModel.Run run = FxTestSupport.onFx(() -> wb.trainVm.runs().get(0));
    assertEquals("cancelled", run.result().reason().name().toLowerCase());
    assertFalse(FxTestSupport.onFx(() -> wb.trainVm.runningProperty().get()));
    // What a screen reader says about the loss chart: its last point, as plotted.
    var chart = robot.lookup("#train-loss-chart").queryAs(javafx.scene.chart.LineChart.class);
    var last = FxTestSupport.onFx(() -> wb.trainVm.loss().get(wb.trainVm.loss().size() - 1));
    String said = FxTestSupport.onFx(chart::getAccessibleText);
    assertTrue(
        said.startsWith(
            String.format(
                "Loss (cross-entropy): loss per batch %s at iteration %d",
                new java.text.DecimalFormat("0.###").format(last.getYValue().doubleValue()),
                last.getXValue().intValue())),
        said);
  }

  @Test
  void aSavedModelReopensWithTheSameTestAccuracy() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    Path file = dir.resolve("saved.gatescope");
    FxTestSupport.run(() -> wb.trainVm.save(file));
    Mnist data = FxTestSupport.onFx(() -> wb.session.dataProperty().get());
    var before = FxTestSupport.onFx(() -> wb.session.modelProperty().get()).copy();
    double accBefore = Evaluation.of(before, data.test().head(1000), 500, null).accuracy();
    FxTestSupport.run(() -> wb.trainVm.open(file));
    var after = FxTestSupport.onFx(() -> wb.session.modelProperty().get()).copy();
    double accAfter = Evaluation.of(after, data.test().head(1000), 500, null).accuracy();
    assertEquals(accBefore, accAfter, 0.0);
    assertTrue(accAfter > 0.95, "shipped model accuracy on 1000 images: " + accAfter);
    assertEquals("saved.gatescope", FxTestSupport.onFx(() -> wb.session.modelNameProperty().get()));
  }

  @Test
  void aFinishedRunExportsItsMetricsAndOverlaysItsCurve(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    TrainingConfig small =
        new TrainingConfig(
            new ModelConfig(CellType.GRU, 1, 8, 0, 1, 4),
            32,
            1,
            3e-3,
            OptimizerKind.ADAM,
            5,
            640,
            200,
            5,
            0,
            1);
    FxTestSupport.run(
        () -> {
          wb.trainVm.applyPreset(small);
          wb.trainVm.start();
        });
    FxTestSupport.waitFor("run listed", 60, () -> !wb.trainVm.runs().isEmpty());
    TrainViewModel.Run run = FxTestSupport.onFx(() -> wb.trainVm.runs().get(0));
    assertEquals(20, run.iterations().size());
    assertEquals(4, run.evaluations().size(), "every 5 iterations");

    Path csv = dir.resolve("run.csv");
    FxTestSupport.run(() -> wb.trainVm.exportCsv(run, csv));
    java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
    assertEquals(21, lines.size());
    assertEquals(
        "iteration,epoch,loss,batch_accuracy,test_loss,test_accuracy,samples_per_s,elapsed_ms",
        lines.get(0));
    String[] fifth = lines.get(5).split(",", -1);
    assertEquals("5", fifth[0]);
    assertEquals(run.evaluations().get(0).testAccuracy(), Double.parseDouble(fifth[5]), 1e-4);
    assertEquals("", lines.get(4).split(",", -1)[5], "no evaluation at iteration 4");

    javafx.scene.chart.LineChart<?, ?> acc =
        robot.lookup("#train-acc-chart").queryAs(javafx.scene.chart.LineChart.class);
    int before = FxTestSupport.onFx(() -> acc.getData().size());
    FxTestSupport.run(() -> run.shown().set(true));
    assertEquals(before + 1, FxTestSupport.onFx(() -> acc.getData().size()));
    assertEquals(4, FxTestSupport.onFx(() -> acc.getData().get(before).getData().size()));
    FxTestSupport.run(() -> run.shown().set(false));
    assertEquals(before, FxTestSupport.onFx(() -> acc.getData().size()));
  }

  @Test
  void theCompareCellsPresetOpensEvaluateAndStartsTheComparison(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(wb.trainVm::requestComparison);
    javafx.scene.control.TabPane tabs =
        robot.lookup("#workspaces").queryAs(javafx.scene.control.TabPane.class);
    assertEquals(
        "Evaluate", FxTestSupport.onFx(() -> tabs.getSelectionModel().getSelectedItem().getText()));
    assertTrue(FxTestSupport.onFx(() -> wb.evaluateVm.busyProperty().get()));
    FxTestSupport.run(wb.evaluateVm::cancel);
    FxTestSupport.waitFor("comparison stopped", 60, () -> !wb.evaluateVm.busyProperty().get());
  }
}
