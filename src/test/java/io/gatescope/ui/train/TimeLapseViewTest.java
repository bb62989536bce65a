package io.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.train.TimeLapse;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.CsvTable;
import io.gatescope.ui.common.Heatmap;
import io.gatescope.ui.common.StepStrip;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The training time-lapse on the real window: a short run keeps a frame every 10 iterations; the
 * slider (by keyboard) and the probe buttons show exactly a frame's numbers; a click on the loss
 * chart shows the nearest frame; the probes typed are checked.
 */
class TimeLapseViewTest extends WorkbenchTestBase {
  @Override
  protected String workspace() {
    return "Train";
  }

  /** 60 iterations of a 16-unit LSTM: a frame every 10 iterations, 0 to 60. */
  private static TrainingConfig short60() {
    return TrainingConfig.builder()
        .model(new ModelConfig(CellType.LSTM, 1, 16, 16, 1, 3))
        .batch(32)
        .epochs(1)
        .learningRate(3e-3)
        .clipNorm(5)
        .trainSize(1920)
        .testSize(200)
        .evalEvery(10)
        .lrDecay(1)
        .build();
  }

  @Test
  void theSliderAndTheLossChartShowAFramesOwnNumbers(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    TimeLapseReplay lapse = wb.trainVm.timeLapse();
    TextField probes = FxTestSupport.onFx(() -> (TextField) robot.lookup("#train-probes").query());
    FxTestSupport.run(
        () -> {
          wb.trainVm.applyPreset(short60());
          probes.setText("5, 0");
        });
    robot.clickOn(FxTestSupport.centre(robot, "#train-start"));
    FxTestSupport.waitFor("run listed", 120, () -> !wb.trainVm.history().runs().isEmpty());
    FxTestSupport.waitFor("7 frames", 10, () -> lapse.frames().size() == 7);
    List<TimeLapse.Frame> frames = FxTestSupport.onFx(() -> List.copyOf(lapse.frames()));
    for (int i = 0; i <= 6; i++) {
      assertEquals(10 * i, frames.get(i).iteration());
    }
    assertEquals(List.of(5, 0), FxTestSupport.onFx(() -> lapse.runProbesProperty().get()));
    assertTrue(lapse.maxBytesProperty().get() > 0);
    assertTrue(lapse.maxBytesProperty().get() <= TimeLapseReplay.BUDGET_BYTES);

    // Hidden until asked for: its toggle shows it in place of the saturation chart and run list.
    Node panel = FxTestSupport.onFx(() -> robot.lookup("#train-timelapse").query());
    assertFalse(FxTestSupport.onFx(panel::isVisible));
    robot.clickOn(FxTestSupport.centre(robot, "#train-timelapse-show"));
    FxTestSupport.waitFor("the time-lapse shown", 5, panel::isVisible);
    assertFalse(
        FxTestSupport.onFx(() -> robot.lookup("#train-sat-chart").query().getParent().isVisible()));

    // The keyboard: Home is the first frame, each → one frame on.
    robot.clickOn(FxTestSupport.centre(robot, "#train-timelapse-slider"));
    robot.type(KeyCode.HOME);
    FxTestSupport.waitFor("frame 1", 5, () -> lapse.frameProperty().get() == 0);
    assertShows(robot, frames.get(0), 0);
    assertEquals(
        Messages.get(
            "train.lapse.readout",
            Messages.get("train.lapse.at.start", 1, 7),
            Messages.get(
                "train.lapse.reads",
                5,
                1,
                frames.get(0).probes().get(0).prediction(),
                frames
                    .get(0)
                    .probes()
                    .get(0)
                    .stepProbabilities()[27][frames.get(0).probes().get(0).prediction()])),
        readout(robot));
    robot.type(KeyCode.RIGHT, 3);
    FxTestSupport.waitFor("frame 4", 5, () -> lapse.frameProperty().get() == 3);
    assertShows(robot, frames.get(3), 0);
    // The loss shown is the run's at that iteration, the point the loss chart draws there.
    double loss = FxTestSupport.onFx(() -> wb.trainVm.run().lossAt(30).getAsDouble());
    Point at30 =
        FxTestSupport.onFx(
            () -> wb.trainVm.series().loss().stream().filter(p -> p.x() == 30).findFirst().get());
    assertEquals(at30.y(), loss, 0.0);
    assertTrue(
        readout(robot).startsWith(Messages.get("train.lapse.at", 4, 7, 30, loss)), readout(robot));

    // The second probe (test image #0) at the same frame.
    robot.clickOn(FxTestSupport.centre(robot, "#train-timelapse-probe-1"));
    FxTestSupport.waitFor("probe 2", 5, () -> lapse.probeProperty().get() == 1);
    assertShows(robot, frames.get(3), 1);

    // A click on the loss chart at iteration 13 shows the frame of iteration 10, at 46 that of 50;
    // with the time-lapse hidden, the click shows it too.
    robot.clickOn(FxTestSupport.centre(robot, "#train-timelapse-show"));
    FxTestSupport.waitFor("the time-lapse hidden", 5, () -> !panel.isVisible());
    robot.clickOn(lossChartPoint(robot, 13));
    FxTestSupport.waitFor("the time-lapse shown again", 5, panel::isVisible);
    FxTestSupport.waitFor("frame of iteration 10", 5, () -> lapse.frameProperty().get() == 1);
    assertShows(robot, frames.get(1), 1);
    assertEquals(1.0, FxTestSupport.onFx(() -> slider(robot).getValue()), 0.0);
    robot.clickOn(lossChartPoint(robot, 46));
    FxTestSupport.waitFor("frame of iteration 50", 5, () -> lapse.frameProperty().get() == 5);
    assertShows(robot, frames.get(5), 1);
  }

  private static javafx.scene.control.Slider slider(FxRobot robot) {
    return (javafx.scene.control.Slider) robot.lookup("#train-timelapse-slider").query();
  }

  private static String readout(FxRobot robot) throws Exception {
    return FxTestSupport.onFx(
        () -> ((Label) robot.lookup("#train-timelapse-readout").query()).getText());
  }

  /** Where iteration {@code x} is on the loss chart's axis, halfway up its plot, on the screen. */
  private static Point2D lossChartPoint(FxRobot robot, double x) throws Exception {
    return FxTestSupport.onFx(
        () -> {
          @SuppressWarnings("unchecked")
          LineChart<Number, Number> c =
              (LineChart<Number, Number>) robot.lookup("#train-loss-chart").query();
          NumberAxis axis = (NumberAxis) c.getXAxis();
          Point2D onAxis = axis.localToScreen(axis.getDisplayPosition(x), 0);
          Node plot = c.lookup(".chart-plot-background");
          Bounds b = plot.localToScreen(plot.getBoundsInLocal());
          return new Point2D(onAxis.getX(), b.getCenterY());
        });
  }

  /** The six maps and the strip on screen hold the frame's numbers for probe {@code p}. */
  private static void assertShows(FxRobot robot, TimeLapse.Frame f, int p) throws Exception {
    TimeLapse.Probe probe = f.probes().get(p);
    int i = 0;
    for (Map.Entry<Quantity, float[][]> e : probe.maps().entrySet()) {
      int k = i++;
      CsvTable shown =
          FxTestSupport.onFx(
              () -> ((Heatmap) robot.lookup("#train-timelapse-map-" + k).query()).csv());
      assertEquals(rows(e.getValue()), cells(shown), "map " + e.getKey() + " of " + f.iteration());
    }
    assertEquals(6, i);
    CsvTable strip =
        FxTestSupport.onFx(
            () -> ((StepStrip) robot.lookup("#train-timelapse-strip").query()).csv());
    assertEquals(rows(probe.stepProbabilities()), cells(strip), "strip of " + f.iteration());
  }

  /** Values [t][j] as the CSV writes them. */
  private static List<List<String>> rows(float[][] v) {
    List<List<String>> out = new ArrayList<>();
    for (float[] row : v) {
      List<String> r = new ArrayList<>();
      for (float x : row) {
        r.add(CsvTable.number(x));
      }
      out.add(r);
    }
    return out;
  }

  /** A table's cells without its first column (the timestep). */
  private static List<List<String>> cells(CsvTable t) {
    return t.rows().stream().map(r -> r.subList(1, r.size())).toList();
  }

  @Test
  void probesAreFourTestImagesOfDifferentDigitsAndNonsenseIsRefusedWithAReason(FxRobot robot)
      throws Exception {
    WorkbenchFixture.awaitReady(wb);
    TimeLapseReplay lapse = wb.trainVm.timeLapse();
    TextField probes = FxTestSupport.onFx(() -> (TextField) robot.lookup("#train-probes").query());
    Button start = FxTestSupport.onFx(() -> robot.lookup("#train-start").queryButton());
    Label error = FxTestSupport.onFx(() -> (Label) robot.lookup("#train-probes-error").query());
    // The default: from test image #0 on, the first of each digit: a 7, a 2, a 1 and a 0.
    assertEquals("0, 1, 2, 3", FxTestSupport.onFx(probes::getText));
    assertEquals(
        List.of(7, 2, 1, 0),
        FxTestSupport.onFx(
            () -> List.of(lapse.label(0), lapse.label(1), lapse.label(2), lapse.label(3))));
    assertFalse(FxTestSupport.onFx(start::isDisabled));
    assertFalse(FxTestSupport.onFx(error::isVisible));
    String[][] bad = {
      {"", "name at least one test image"},
      {"abc", "'abc' is not a test image number"},
      {"1, 2.5", "'2.5' is not a test image number"},
      {"10000", "10000 is not a test image (0 to 9999)"},
      {"-1", "-1 is not a test image (0 to 9999)"},
      {"3 3", "#3 is named twice"},
      {"1, 2, 3, 4, 5", "at most 4 probes"},
    };
    for (String[] b : bad) {
      FxTestSupport.run(() -> probes.setText(b[0]));
      assertTrue(FxTestSupport.onFx(start::isDisabled), "Start disabled for '" + b[0] + "'");
      assertEquals(
          "time-lapse probes: " + b[1], FxTestSupport.onFx(error::getText), "for '" + b[0] + "'");
      assertTrue(FxTestSupport.onFx(error::isVisible));
      FxTestSupport.waitFor(
          "decorated for '" + b[0] + "'", 5, () -> probes.getStyleClass().contains("invalid"));
    }
    FxTestSupport.run(() -> probes.setText(" 9999,12  4 "));
    assertEquals(List.of(9999, 12, 4), FxTestSupport.onFx(() -> lapse.probesProperty().get()));
    assertFalse(FxTestSupport.onFx(start::isDisabled));
    assertFalse(FxTestSupport.onFx(error::isVisible));
    FxTestSupport.waitFor(
        "no decoration once valid", 5, () -> !probes.getStyleClass().contains("invalid"));
  }
}
