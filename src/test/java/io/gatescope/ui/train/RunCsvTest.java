package io.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.IterationStats;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingResult;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** The CSV export's exact text: header, one line per iteration, test columns where evaluated. */
class RunCsvTest {
  private static Run run(String name, int n, List<EvaluationStats> evals) {
    List<IterationStats> its = new java.util.ArrayList<>();
    for (int i = 1; i <= n; i++) {
      its.add(new IterationStats(1, i, n, 2.0 / i, 0.125 * i, 1234.56, 10L * i, 0, 3e-3));
    }
    TrainingResult r =
        new TrainingResult(TrainingResult.StopReason.COMPLETED, "done", 1, n, 0.5, 0.5, 100, -1);
    return new Run(
        name, TrainingConfig.quickDemo(), r, its, evals, new SimpleBooleanProperty(false));
  }

  @Test
  void everyIterationIsALineAndTheTestColumnsAreFilledWhereAnEvaluationHappened() {
    Run a =
        run(
            "#1 LSTM \"H8\"",
            2,
            List.of(new EvaluationStats(1, 2, 0.4321, 0.875, null, List.of(), 20)));
    Run b = run("#2 GRU H8", 1, List.of());
    assertEquals(
        String.join(
            System.lineSeparator(),
            "run,iteration,epoch,loss,batch_accuracy,test_loss,test_accuracy,samples_per_s,"
                + "elapsed_ms\n\"#1 LSTM \"\"H8\"\"\",1,1,2.000000,0.1250,,,1234.6,10",
            "\"#1 LSTM \"\"H8\"\"\",2,1,1.000000,0.2500,0.432100,0.8750,1234.6,20",
            "\"#2 GRU H8\",1,1,2.000000,0.1250,,,1234.6,10",
            ""),
        RunCsv.of(List.of(a, b)));
    assertEquals(RunCsv.HEADER + "\n", RunCsv.of(List.of()), "no run: the header alone");
  }
}
