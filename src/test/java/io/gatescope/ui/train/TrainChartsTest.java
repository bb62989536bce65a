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
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The Train view-model's chart series (thinning, smoothing) and its time-to-go text. */
class TrainChartsTest {
  private static ObservableList<Point> series(int n) {
    ObservableList<Point> s = FXCollections.observableArrayList();
    for (int i = 0; i < n; i++) {
      RunSeries.add(s, i, 2.0 * i);
    }
    return s;
  }

  private static double x(Point p) {
    return p.x();
  }

  @Test
  void aSeriesPastItsLimitKeepsEveryOtherOldPointAndAllNewOnes() {
    assertEquals(1500, RunSeries.MAX_POINTS);
    ObservableList<Point> s = series(1500);
    assertEquals(1500, s.size(), "nothing thinned up to the limit");
    for (int i = 0; i < 1500; i++) {
      assertEquals(i, x(s.get(i)), 0.0);
    }

    RunSeries.add(s, 1500, 3000.0); // the 1501st point: the older half is thinned
    // Older half: points 0..749, every other one kept (0, 2, ..., 748); newer half 750..1500.
    assertEquals(375 + 751, s.size());
    for (int i = 0; i < 375; i++) {
      assertEquals(2 * i, x(s.get(i)), 0.0, "old point " + i);
    }
    for (int i = 0; i < 751; i++) {
      assertEquals(750 + i, x(s.get(375 + i)), 0.0, "new point " + i);
    }
    for (Point d : s) {
      assertEquals(2 * x(d), d.y(), 0.0, "a kept point is as computed");
    }

    // Again at the next overflow: 1126 + 375 = 1501 points, thinned to 375 + 751 once more.
    for (int i = 1501; i <= 1875; i++) {
      RunSeries.add(s, i, 2.0 * i);
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
      assertEquals("0m00s", TrainingRun.eta(0));
      assertEquals("0m59s", TrainingRun.eta(59.4));
      assertEquals("1m00s", TrainingRun.eta(59.5));
      assertEquals("2m05s", TrainingRun.eta(125));
      assertEquals("59m59s", TrainingRun.eta(3599.4));
      assertEquals("1h00m", TrainingRun.eta(3599.5));
      assertEquals("2h03m", TrainingRun.eta(7384));
      Messages.use(Locale.SIMPLIFIED_CHINESE);
      assertEquals("2 分 05 秒", TrainingRun.eta(125));
      assertEquals("2 小时 03 分", TrainingRun.eta(7384));
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
            session.setData(data);
            vm.applyPreset(cfg);
            vm.start();
          });
      assertTrue(
          FxTestSupport.onFx(() -> vm.run().runningProperty().get()), vm.messageProperty().get());
      FxTestSupport.waitFor("the run to finish", 120, () -> !vm.run().runningProperty().get());
      List<IterationStats> its = FxTestSupport.onFx(() -> vm.history().runs().get(0).iterations());
      List<Point> loss = FxTestSupport.onFx(() -> List.copyOf(vm.series().loss()));
      List<Point> smooth = FxTestSupport.onFx(() -> List.copyOf(vm.series().smoothLoss()));
      assertEquals(20, its.size());
      assertEquals(20, loss.size());
      assertEquals(20, smooth.size());
      for (int i = 0; i < 20; i++) {
        assertEquals(i + 1, x(loss.get(i)), 0.0);
        assertEquals(its.get(i).loss(), loss.get(i).y(), 0.0);
        double num = 0;
        double den = 0;
        for (int j = 0; j <= i; j++) {
          double w = Math.pow(0.9, i - j);
          num += w * its.get(j).loss();
          den += w;
        }
        assertEquals(i + 1, x(smooth.get(i)), 0.0);
        assertEquals(num / den, smooth.get(i).y(), 1e-12, "smoothed " + i);
      }
      assertEquals(its.get(0).loss(), smooth.get(0).y(), 1e-12);
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
