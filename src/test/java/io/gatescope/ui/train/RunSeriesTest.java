package io.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.Quantity;
import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.GateSaturation;
import io.gatescope.core.train.IterationStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run's curves as plain points: what each statistic adds, the smoothed loss, clearing. */
class RunSeriesTest {
  private static IterationStats it(int i, double loss, double acc) {
    return new IterationStats(1, i, 10, loss, acc, 100, 10L * i, 0, 1e-3);
  }

  @Test
  void eachMinibatchAddsItsLossItsSmoothedLossAndItsAccuracy() {
    RunSeries s = new RunSeries();
    s.add(it(1, 2.0, 0.1));
    s.add(it(2, 1.0, 0.3));
    s.add(it(3, 4.0, 0.5));
    assertEquals(List.of(new Point(1, 2.0), new Point(2, 1.0), new Point(3, 4.0)), s.loss());
    assertEquals(
        List.of(new Point(1, 0.1), new Point(2, 0.3), new Point(3, 0.5)), s.batchAccuracy());
    // Bias-corrected EMA, weight 0.1: the weighted mean with weights 0.9^(age).
    assertEquals(2.0, s.smoothLoss().get(0).y(), 1e-12);
    assertEquals((0.9 * 2.0 + 1.0) / 1.9, s.smoothLoss().get(1).y(), 1e-12);
    assertEquals((0.81 * 2.0 + 0.9 * 1.0 + 4.0) / 2.71, s.smoothLoss().get(2).y(), 1e-12);
    assertEquals(3.0, s.smoothLoss().get(2).x(), 0.0);
  }

  @Test
  void anEvaluationAddsTestCurvesAndTheSaturationOfUpdateForgetAndOutputGates() {
    RunSeries s = new RunSeries();
    s.add(
        new EvaluationStats(
            1,
            25,
            0.7,
            0.8,
            new int[10][10],
            List.of(
                new GateSaturation(Quantity.UPDATE, 0.11, 0.12),
                new GateSaturation(Quantity.FORGET, 0.21, 0.22),
                new GateSaturation(Quantity.OUTPUT, 0.31, 0.32),
                new GateSaturation(Quantity.RESET, 0.41, 0.42)),
            5));
    assertEquals(List.of(new Point(25, 0.8)), s.testAccuracy());
    assertEquals(List.of(new Point(25, 0.7)), s.testLoss());
    assertEquals(RunSeries.SATURATION, List.copyOf(s.saturation().keySet()));
    assertEquals(List.of(new Point(25, 0.11)), s.saturation().get("Γu < 0.1"));
    assertEquals(List.of(new Point(25, 0.12)), s.saturation().get("Γu > 0.9"));
    assertEquals(List.of(new Point(25, 0.21)), s.saturation().get("Γf < 0.1"));
    assertEquals(List.of(new Point(25, 0.32)), s.saturation().get("Γo > 0.9"));
    assertTrue(s.loss().isEmpty(), "an evaluation adds no minibatch point");
  }

  @Test
  void clearingStartsTheSmoothingAfreshAndTheViewCannotWrite() {
    RunSeries s = new RunSeries();
    s.add(it(1, 2.0, 0.1));
    s.add(it(2, 1.0, 0.3));
    s.clear();
    assertTrue(s.loss().isEmpty() && s.smoothLoss().isEmpty() && s.batchAccuracy().isEmpty());
    s.add(it(1, 5.0, 0.1));
    assertEquals(5.0, s.smoothLoss().get(0).y(), 1e-12, "no weight left from the last run");
    assertThrows(UnsupportedOperationException.class, () -> s.loss().add(new Point(9, 9)));
  }
}
