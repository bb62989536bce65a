package io.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.train.IterationStats;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.common.Session;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The Train view-model's chart series (thinning, smoothing) and its time-to-go text. */
class TrainChartsTest {
  private static ObservableList<XYChart.Data<Number, Number>> series(int n) {
    ObservableList<XYChart.Data<Number, Number>> s = FXCollections.observableArrayList();
    for (int i = 0; i < n; i++) {
      TrainViewModel.add(s, i, 2.0 * i);
    }
    return s;
  }

  private static double x(XYChart.Data<Number, Number> d) {
    return d.getXValue().doubleValue();
  }

  @Test
  void aSeriesPastItsLimitKeepsEveryOtherOldPointAndAllNewOnes() {
    assertEquals(1500, TrainViewModel.MAX_POINTS);
    ObservableList<XYChart.Data<Number, Number>> s = series(1500);
    assertEquals(1500, s.size(), "nothing thinned up to the limit");
    for (int i = 0; i < 1500; i++) {
      assertEquals(i, x(s.get(i)), 0.0);
    }

    TrainViewModel.add(s, 1500, 3000.0); // the 1501st point: the older half is thinned
    // Older half: points 0..749, every other one kept (0, 2, ..., 748); newer half 750..1500.
    assertEquals(375 + 751, s.size());
    for (int i = 0; i < 375; i++) {
      assertEquals(2 * i, x(s.get(i)), 0.0, "old point " + i);
    }
    for (int i = 0; i < 751; i++) {
      assertEquals(750 + i, x(s.get(375 + i)), 0.0, "new point " + i);
    }
    for (XYChart.Data<Number, Number> d : s) {
      assertEquals(2 * x(d), d.getYValue().doubleValue(), 0.0, "a kept point is as computed");
    }

    // Again at the next overflow: 1126 + 375 = 1501 points, thinned to 375 + 751 once more.
    for (int i = 1501; i <= 1875; i++) {
      TrainViewModel.add(s, i, 2.0 * i);
    }
    assertEquals(1126, s.size());
    assertEquals(0, x(s.get(0)), 0.0, "the first point stays");
    assertEquals(4, x(s.get(1)), 0.0, "every other of what was left");
    assertEquals(1875, x(s.get(1125)), 0.0, "the newest point stays");
    for (int i = 0; i < 751; i++) {
      assertEquals(1125 + i, x(s.get(375 + i)), 0.0, "the newest 751 points are all there");
    }
  }

  @Test
  void timeToGoIsRoundedToWholeSecondsAndShownAsMinutesOrHours() {
    Locale before = Messages.language();
    try {
      Messages.use(Locale.ENGLISH);
      assertEquals("0m00s", TrainViewModel.eta(0));
      assertEquals("0m59s", TrainViewModel.eta(59.4));
      assertEquals("1m00s", TrainViewModel.eta(59.5));
      assertEquals("2m05s", TrainViewModel.eta(125));
      assertEquals("59m59s", TrainViewModel.eta(3599.4));
      assertEquals("1h00m", TrainViewModel.eta(3599.5));
      assertEquals("2h03m", TrainViewModel.eta(7384));
      Messages.use(Locale.SIMPLIFIED_CHINESE);
      assertEquals("2 分 05 秒", TrainViewModel.eta(125));
      assertEquals("2 小时 03 分", TrainViewModel.eta(7384));
    } finally {
      Messages.use(before);
    }
  }

  /**
   * A real run through the view-model: the smoothed loss is the bias-corrected exponential moving
   * average of the losses (weight 0.1), written here as a weighted mean, and each minibatch's time
   * to go is the time per minibatch so far times the minibatches left.
   */
  @Test
  void smoothedLossAndTimeToGoOfARun() throws Exception {
    FxToolkit.registerPrimaryStage();
    Mnist data = Mnist.load(DataLocator.mnistFolder(Optional.empty()));
    Session session = FxTestSupport.onFx(Session::new);
    TrainViewModel vm = FxTestSupport.onFx(() -> new TrainViewModel(session));
    TrainingConfig cfg =
        TrainingConfig.builder()
            .model(new ModelConfig(CellType.LSTM, 1, 8, 4, 1.0, 5))
            .batch(32)
            .epochs(1)
            .learningRate(5e-3)
            .trainSize(640)
            .lrDecay(1.0)
            .build();
    try {
      FxTestSupport.run(
          () -> {
            session.dataProperty().set(data);
            vm.applyPreset(cfg);
            vm.start();
          });
      assertTrue(FxTestSupport.onFx(() -> vm.runningProperty().get()), vm.messageProperty().get());
      FxTestSupport.waitFor("the run to finish", 120, () -> !vm.runningProperty().get());
      List<IterationStats> its = FxTestSupport.onFx(() -> vm.runs().get(0).iterations());
      List<XYChart.Data<Number, Number>> loss = FxTestSupport.onFx(() -> List.copyOf(vm.loss()));
      List<XYChart.Data<Number, Number>> smooth =
          FxTestSupport.onFx(() -> List.copyOf(vm.smoothLoss()));
      assertEquals(20, its.size());
      assertEquals(20, loss.size());
      assertEquals(20, smooth.size());
      for (int i = 0; i < 20; i++) {
        assertEquals(i + 1, x(loss.get(i)), 0.0);
        assertEquals(its.get(i).loss(), loss.get(i).getYValue().doubleValue(), 0.0);
        double num = 0;
        double den = 0;
        for (int j = 0; j <= i; j++) {
          double w = Math.pow(0.9, i - j);
          num += w * its.get(j).loss();
          den += w;
        }
        assertEquals(i + 1, x(smooth.get(i)), 0.0);
        assertEquals(num / den, smooth.get(i).getYValue().doubleValue(), 1e-12, "smoothed " + i);
      }
      assertEquals(its.get(0).loss(), smooth.get(0).getYValue().doubleValue(), 1e-12);
      for (IterationStats s : its) {
        int left = s.totalIterations() - s.iteration();
        double perIteration = s.elapsedMillis() / 1000.0 / s.iteration();
        // elapsedMillis is whole milliseconds: at most 1 ms per minibatch short.
        double slack = 0.001 / s.iteration() * left;
        assertEquals(perIteration * left, s.etaSeconds(), slack + 1e-9, "eta at " + s.iteration());
      }
      assertEquals(0.0, its.get(19).etaSeconds(), 0.0, "nothing left after the last minibatch");
    } finally {
      FxTestSupport.run(
          () -> {
            vm.shutdown();
            session.shutdown();
          });
    }
  }
}
