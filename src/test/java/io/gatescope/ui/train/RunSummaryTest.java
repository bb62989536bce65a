package io.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingResult;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/**
 * The run list names both accuracies: the final one (the last evaluation, as computed, the number
 * the status bar's model stands for) and the best one, each labelled, neither rounded beyond the
 * two decimals of the display.
 */
class RunSummaryTest {
  private static Run run(double last, double best, List<EvaluationStats> evals) {
    TrainingResult r =
        new TrainingResult(
            TrainingResult.StopReason.COMPLETED, "done", 1, 30, last, best, 12_400, -1);
    TrainingConfig c = TrainingConfig.quickDemo().toBuilder().testSize(500).build();
    return new Run("#4 LSTM H16", c, r, List.of(), evals, new SimpleBooleanProperty(false));
  }

  private static EvaluationStats eval(int iteration, double acc) {
    return new EvaluationStats(1, iteration, 0.3, acc, null, List.of(), 100L * iteration);
  }

  @Test
  void theListSaysFinalAndBestAndTheTipSaysWhatEachIs() {
    Run r = run(0.97314, 0.97526, List.of(eval(10, 0.9612), eval(20, 0.97526), eval(30, 0.97314)));
    assertEquals("#4 LSTM H16 · final 97.31% · best 97.53% · all epochs done · 12 s", r.toString());
    String tip = r.accuracyTip();
    assertTrue(
        tip.startsWith("Final: 97.31%, the test accuracy at the run's last evaluation"), tip);
    assertTrue(tip.contains("on its 500 test images"), tip);
    assertTrue(tip.contains("Best: 97.53%, the highest of its 3 evaluations"), tip);
  }

  @Test
  void aRunWithoutAnEvaluationNamesNoAccuracy() {
    Run r = run(0, 0, List.of());
    assertTrue(r.toString().contains("no test accuracy measured yet"), r.toString());
    assertNull(r.accuracyTip());
  }
}
