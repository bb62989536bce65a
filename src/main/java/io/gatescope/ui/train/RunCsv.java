package io.gatescope.ui.train;

import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.IterationStats;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metrics of runs as one CSV text: one line per run and iteration, the run's name first, the
 * test columns filled where an evaluation happened. One file for several runs, so a spreadsheet
 * compares them in one sheet (filter or pivot on the run column).
 */
final class RunCsv {
  static final String HEADER =
      "run,iteration,epoch,loss,batch_accuracy,test_loss,test_accuracy,samples_per_s,elapsed_ms";

  private RunCsv() {}

  static String of(List<Run> runs) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (Run run : runs) {
      append(sb, run);
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, Run run) {
    String name = '"' + run.name().replace("\"", "\"\"") + '"';
    Map<Integer, EvaluationStats> evals = new HashMap<>();
    run.evaluations().forEach(e -> evals.put(e.iteration(), e));
    for (IterationStats s : run.iterations()) {
      EvaluationStats e = evals.get(s.iteration());
      sb.append(name).append(',');
      sb.append(
          String.format(
              Locale.ROOT,
              "%d,%d,%.6f,%.4f,%s,%s,%.1f,%d%n",
              s.iteration(),
              s.epoch(),
              s.loss(),
              s.batchAccuracy(),
              e == null ? "" : String.format(Locale.ROOT, "%.6f", e.testLoss()),
              e == null ? "" : String.format(Locale.ROOT, "%.4f", e.testAccuracy()),
              s.samplesPerSecond(),
              s.elapsedMillis()));
    }
  }
}
