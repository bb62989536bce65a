package io.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.train.Evaluation;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
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
      String reason = FxTestSupport.onFx(() -> wb.trainVm.form().errors().get(Field.LR));
      assertTrue(reason != null && !reason.isEmpty(), "reason for '" + bad + "'");
      // ControlsFX's decoration: the field's style and its mark, whose tooltip says why.
      FxTestSupport.waitFor(
          "decorated for '" + bad + "'",
          5,
          () ->
              lr.getStyleClass().contains("invalid")
                  && ("learning rate: " + reason).equals(markTip(robot)));
      assertEquals(
          "learning rate: " + reason,
          FxTestSupport.onFx(() -> robot.lookup("#train-form-errors").queryLabeled().getText()));
    }
    assertEquals(
        "'abc' is not a number",
        FxTestSupport.onFx(
            () -> {
              lr.setText("abc");
              return wb.trainVm.form().errors().get(Field.LR);
            }));
    // Two fields wrong: both reasons under the form, in the form's order.
    TextField batch = robot.lookup("#train-batch").queryAs(TextField.class);
    FxTestSupport.run(() -> batch.setText("0"));
    FxTestSupport.waitFor(
        "two reasons",
        5,
        () ->
            robot
                .lookup("#train-form-errors")
                .queryLabeled()
                .getText()
                .equals("batch: must be from 1 to 4,096\nlearning rate: 'abc' is not a number"));
    FxTestSupport.run(() -> batch.setText("64"));
    FxTestSupport.run(() -> lr.setText("0.002"));
    assertFalse(FxTestSupport.onFx(start::isDisabled));
    assertTrue(FxTestSupport.onFx(() -> wb.trainVm.form().errors().isEmpty()));
    FxTestSupport.waitFor(
        "no decoration once valid",
        5,
        () ->
            !lr.getStyleClass().contains("invalid")
                && markTip(robot) == null
                && !robot.lookup("#train-form-errors").queryLabeled().isVisible());
  }

  /** The tooltip of the one validation mark in the form; null when there is none. */
  private static String markTip(FxRobot robot) {
    var marks = robot.lookup(".field-error-mark").queryAllAs(javafx.scene.control.Label.class);
    return marks.size() == 1 ? marks.iterator().next().getTooltip().getText() : null;
  }

  @Test
  void aQuickRunDrawsChartsPausesStopsAndIsListed(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    TrainingConfig small =
        TrainingConfig.builder()
            .model(new ModelConfig(CellType.LSTM, 1, 16, 16, 1, 3))
            .batch(32)
            .epochs(5)
            .learningRate(3e-3)
            .clipNorm(5)
            .trainSize(3200)
            .testSize(500)
            .evalEvery(20)
            .lrDecay(1)
            .build();
    FxTestSupport.run(() -> wb.trainVm.applyPreset(small));
    robot.clickOn(FxTestSupport.centre(robot, "#train-start"));
    FxTestSupport.waitFor("chart points", 60, () -> wb.trainVm.series().loss().size() >= 5);
    robot.clickOn(FxTestSupport.centre(robot, "#train-pause"));
    FxTestSupport.waitFor("paused", 10, () -> wb.trainVm.run().pausedProperty().get());
    Thread.sleep(400); // a minibatch in flight may still land
    int before = FxTestSupport.onFx(() -> wb.trainVm.series().loss().size());
    // Paused shows in a badge and in the status, with the iteration it stopped at.
    int at =
        FxTestSupport.onFx(
            () -> (int) wb.trainVm.series().loss().get(wb.trainVm.series().loss().size() - 1).x());
    javafx.scene.control.Label badge =
        robot.lookup("#train-paused").queryAs(javafx.scene.control.Label.class);
    assertTrue(FxTestSupport.onFx(badge::isVisible), "the paused badge shows");
    assertEquals("Paused at iteration " + at, FxTestSupport.onFx(badge::getText));
    assertEquals(
        "Paused at iteration " + at + " of 500: press Resume (Ctrl+P) to continue",
        FxTestSupport.onFx(() -> wb.session.statusProperty().get()));
    assertEquals(
        "Resume", FxTestSupport.onFx(() -> robot.lookup("#train-pause").queryButton().getText()));
    Thread.sleep(700);
    assertEquals(
        before,
        FxTestSupport.onFx(() -> wb.trainVm.series().loss().size()),
        "no iterations while paused");
    robot.clickOn(FxTestSupport.centre(robot, "#train-pause")); // resume
    FxTestSupport.waitFor("more points", 30, () -> wb.trainVm.series().loss().size() > before);
    assertFalse(FxTestSupport.onFx(badge::isVisible), "no badge once resumed");
    robot.clickOn(FxTestSupport.centre(robot, "#train-stop"));
    FxTestSupport.waitFor("run listed", 30, () -> !wb.trainVm.history().runs().isEmpty());
    // The end of the run shows over the window too, not only in the status bar.
    FxTestSupport.waitFor(
        "the notice",
        10,
        () ->
            io.gatescope.ui.Notices.showing().stream()
                .anyMatch(
                    n ->
                        n.startsWith("Training ended | ")
                            && n.endsWith(wb.trainVm.messageProperty().get())));
    // After a stop the accuracy axis still ends at 1 at most: an accuracy is never above 1.
    javafx.scene.chart.NumberAxis accY =
        (javafx.scene.chart.NumberAxis)
            robot.lookup("#train-acc-chart").queryAs(javafx.scene.chart.LineChart.class).getYAxis();
    // A minibatch all right (accuracy 1.0) is what made an auto-ranged axis end at 1.25.
    FxTestSupport.run(
        () -> {
          @SuppressWarnings("unchecked")
          var batch =
              (javafx.scene.chart.XYChart.Series<Number, Number>)
                  robot
                      .lookup("#train-acc-chart")
                      .queryAs(javafx.scene.chart.LineChart.class)
                      .getData()
                      .get(0);
          batch.getData().add(new javafx.scene.chart.XYChart.Data<>(1, 1.0));
          wb.shell.getScene().getRoot().layout();
        });
    assertTrue(FxTestSupport.onFx(accY::getUpperBound) <= 1.0, "accuracy axis to 1 at most");
    assertEquals(0.0, FxTestSupport.onFx(accY::getLowerBound));
    Run run = FxTestSupport.onFx(() -> wb.trainVm.history().runs().get(0));
    assertEquals("cancelled", run.result().reason().name().toLowerCase());
    assertFalse(FxTestSupport.onFx(() -> wb.trainVm.run().runningProperty().get()));
    // What a screen reader says about the loss chart: its last point, as plotted.
    var chart = robot.lookup("#train-loss-chart").queryAs(javafx.scene.chart.LineChart.class);
    TrainView view = robot.lookup("#train-view").queryAs(TrainView.class);
    FxTestSupport.run(view::flushCharts); // the charts draw at the next pulse: draw now
    var last =
        FxTestSupport.onFx(
            () -> wb.trainVm.series().loss().get(wb.trainVm.series().loss().size() - 1));
    String said = FxTestSupport.onFx(chart::getAccessibleText);
    assertTrue(
        said.startsWith(
            String.format(
                "Loss (cross-entropy): loss per batch %s at iteration %d",
                new java.text.DecimalFormat("0.###").format(last.y()), (int) last.x())),
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
    // A copy of the file, so that it is read (the saved file itself is known to the shelf).
    Path copy = java.nio.file.Files.copy(file, dir.resolve("copy.gatescope"));
    assertTrue(
        FxTestSupport.onFx(() -> wb.trainVm.open(copy))
            .get(60, java.util.concurrent.TimeUnit.SECONDS)
            .isPresent());
    var after = FxTestSupport.onFx(() -> wb.session.modelProperty().get()).copy();
    double accAfter = Evaluation.of(after, data.test().head(1000), 500, null).accuracy();
    assertEquals(accBefore, accAfter, 0.0);
    assertTrue(accAfter > 0.95, "shipped model accuracy on 1000 images: " + accAfter);
    assertTrue(
        FxTestSupport.onFx(() -> wb.session.modelNameProperty().get())
            .startsWith("copy.gatescope · "));
  }

  @Test
  void aFinishedRunExportsItsMetricsAndOverlaysItsCurve(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    TrainingConfig small =
        TrainingConfig.builder()
            .model(new ModelConfig(CellType.GRU, 1, 8, 0, 1, 4))
            .batch(32)
            .epochs(1)
            .learningRate(3e-3)
            .clipNorm(5)
            .trainSize(640)
            .testSize(200)
            .evalEvery(5)
            .lrDecay(1)
            .build();
    WorkbenchFixture.train(wb, small);
    Run run = FxTestSupport.onFx(() -> wb.trainVm.history().runs().get(0));
    assertEquals(20, run.iterations().size());
    assertEquals(4, run.evaluations().size(), "every 5 iterations");

    Path csv = dir.resolve("run.csv");
    FxTestSupport.run(() -> wb.trainVm.history().exportCsv(java.util.List.of(run), csv));
    java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
    assertEquals(21, lines.size());
    assertEquals(
        "run,iteration,epoch,loss,batch_accuracy,test_loss,test_accuracy,samples_per_s,elapsed_ms",
        lines.get(0));
    String[] fifth = lines.get(5).split(",", -1);
    assertEquals('"' + run.name() + '"', fifth[0]);
    assertEquals("5", fifth[1]);
    assertEquals(run.evaluations().get(0).testAccuracy(), Double.parseDouble(fifth[6]), 1e-4);
    assertEquals("", lines.get(4).split(",", -1)[6], "no evaluation at iteration 4");

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

  @Test
  void beforeAnyRunTheChartsShowThePlannedRunAndSaySo(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.shell.getScene().getRoot().layout());
    int planned = 10 * ((60_000 + 127) / 128); // the classic lesson: 10 epochs of 469 batches
    for (String id : new String[] {"#train-loss-chart", "#train-acc-chart", "#train-sat-chart"}) {
      var x =
          (javafx.scene.chart.NumberAxis)
              robot.lookup(id).queryAs(javafx.scene.chart.LineChart.class).getXAxis();
      assertEquals(0.0, FxTestSupport.onFx(x::getLowerBound), id);
      assertEquals(planned, FxTestSupport.onFx(x::getUpperBound), 0.0, id);
    }
    var lossY =
        (javafx.scene.chart.NumberAxis)
            robot
                .lookup("#train-loss-chart")
                .queryAs(javafx.scene.chart.LineChart.class)
                .getYAxis();
    assertEquals(TrainCharts.EMPTY_LOSS_MAX, FxTestSupport.onFx(lossY::getUpperBound), 0.0);
    var accY =
        (javafx.scene.chart.NumberAxis)
            robot.lookup("#train-acc-chart").queryAs(javafx.scene.chart.LineChart.class).getYAxis();
    assertEquals(1.0, FxTestSupport.onFx(accY::getUpperBound), 0.0);
    java.util.List<String> notes =
        FxTestSupport.onFx(
            () ->
                robot.lookup("#train-view .chart-placeholder").queryAll().stream()
                    .filter(javafx.scene.Node::isVisible)
                    .map(n -> ((javafx.scene.control.Label) n).getText())
                    .toList());
    assertEquals(
        java.util.Collections.nCopies(
            3, "No run yet: press Start (" + planned + " iterations planned)"),
        notes);
    // The quick demo plans 2 epochs of 94 batches: the axes follow the form.
    FxTestSupport.run(() -> wb.trainVm.applyPreset(TrainingConfig.quickDemo()));
    var lossX =
        (javafx.scene.chart.NumberAxis)
            robot
                .lookup("#train-loss-chart")
                .queryAs(javafx.scene.chart.LineChart.class)
                .getXAxis();
    assertEquals(188.0, FxTestSupport.onFx(lossX::getUpperBound), 0.0);
  }

  @Test
  void exportWritesEveryTickedRunWithNothingSelected(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    io.gatescope.core.runs.RunStore store = new io.gatescope.core.runs.RunStore(dir);
    store.save(record("#1 LSTM H8", "2026-12-01T01:00:00Z", 3));
    store.save(record("#2 GRU H8", "2026-12-01T02:00:00Z", 4));
    FxTestSupport.run(() -> wb.trainVm.keepRunsIn(dir));
    FxTestSupport.waitFor("kept runs listed", 30, () -> wb.trainVm.history().runs().size() == 2);
    Button export = robot.lookup("#train-export").queryButton();
    assertTrue(FxTestSupport.onFx(export::isDisabled), "nothing ticked or selected");
    FxTestSupport.run(() -> wb.trainVm.history().runs().forEach(r -> r.shown().set(true)));
    var list = robot.lookup("#train-runs").queryAs(javafx.scene.control.ListView.class);
    assertTrue(FxTestSupport.onFx(() -> list.getSelectionModel().isEmpty()));
    assertFalse(FxTestSupport.onFx(export::isDisabled), "two ticked runs, nothing selected");
    TrainView view = robot.lookup("#train-view").queryAs(TrainView.class);
    java.util.List<Run> targets = FxTestSupport.onFx(view::exportTargets);
    assertEquals(2, targets.size());
    Path csv = dir.resolve("both.csv");
    FxTestSupport.run(() -> wb.trainVm.history().exportCsv(targets, csv));
    java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
    assertEquals(1 + 4 + 3, lines.size(), "a header, then every iteration of both runs");
    assertEquals(4, lines.stream().filter(l -> l.startsWith("\"#2 GRU H8\",")).count());
    assertEquals(3, lines.stream().filter(l -> l.startsWith("\"#1 LSTM H8\",")).count());
    assertEquals(
        "Exported 2 runs to both.csv",
        FxTestSupport.onFx(() -> wb.trainVm.messageProperty().get()));
    // None ticked: the selected run alone.
    FxTestSupport.run(
        () -> {
          wb.trainVm.history().runs().forEach(r -> r.shown().set(false));
          list.getSelectionModel().select(1);
        });
    assertFalse(FxTestSupport.onFx(export::isDisabled));
    assertEquals(
        java.util.List.of("#1 LSTM H8"),
        FxTestSupport.onFx(() -> view.exportTargets().stream().map(Run::name).toList()));
  }

  @Test
  void aFinishedRunIsKeptAndANewViewModelListsIt() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    java.nio.file.Files.writeString(
        dir.resolve("broken.json"), "{\"format\": \"gatescope-run\", \"vers");
    FxTestSupport.run(() -> wb.trainVm.keepRunsIn(dir));
    FxTestSupport.waitFor(
        "the damaged file reported",
        30,
        () -> wb.trainVm.messageProperty().get().startsWith("1 run file(s) could not be read"));
    assertTrue(
        FxTestSupport.onFx(() -> wb.trainVm.messageProperty().get())
            .contains("broken.json: the run file is damaged or cut off ("));
    TrainingConfig small =
        TrainingConfig.builder()
            .model(new ModelConfig(CellType.RNN, 1, 8, 0, 1, 5))
            .batch(32)
            .epochs(1)
            .learningRate(3e-3)
            .clipNorm(5)
            .trainSize(320)
            .testSize(200)
            .evalEvery(5)
            .lrDecay(1)
            .build();
    WorkbenchFixture.train(wb, small);
    Run run = FxTestSupport.onFx(() -> wb.trainVm.history().runs().get(0));
    FxTestSupport.waitFor(
        "run file written",
        30,
        () -> new io.gatescope.core.runs.RunStore(dir).load().runs().size() == 1);

    // As after a restart: a new view-model on the same folder.
    TrainViewModel again = FxTestSupport.onFx(() -> new TrainViewModel(wb.session));
    FxTestSupport.run(() -> again.keepRunsIn(dir));
    FxTestSupport.waitFor("the kept run listed", 30, () -> again.history().runs().size() == 1);
    Run back = FxTestSupport.onFx(() -> again.history().runs().get(0));
    assertEquals(run.name(), back.name());
    assertEquals(run.config(), back.config());
    assertEquals(run.result(), back.result());
    assertEquals(run.iterations(), back.iterations());
    assertEquals(run.evaluations().size(), back.evaluations().size());
    for (int i = 0; i < run.evaluations().size(); i++) {
      assertEquals(
          run.evaluations().get(i).testAccuracy(), back.evaluations().get(i).testAccuracy(), 0.0);
    }
    // Its curve overlays as before.
    FxTestSupport.run(() -> back.shown().set(true));
    assertEquals(1, FxTestSupport.onFx(() -> again.history().overlaid().size()));
    FxTestSupport.run(again::shutdown);
  }

  private static io.gatescope.core.runs.RunRecord record(String name, String finished, int n) {
    TrainingConfig cfg = TrainingConfig.quickDemo();
    java.util.List<io.gatescope.core.train.IterationStats> its = new java.util.ArrayList<>();
    for (int i = 1; i <= n; i++) {
      its.add(
          new io.gatescope.core.train.IterationStats(
              1, i, n, 2.0 / i, 0.1 * i, 1000, 10L * i, 0, 3e-3));
    }
    return new io.gatescope.core.runs.RunRecord(
        name,
        java.time.Instant.parse(finished),
        cfg,
        new io.gatescope.core.train.TrainingResult(
            io.gatescope.core.train.TrainingResult.StopReason.COMPLETED,
            "done",
            1,
            n,
            0.5,
            0.5,
            100,
            -1),
        its,
        java.util.List.of());
  }
}
