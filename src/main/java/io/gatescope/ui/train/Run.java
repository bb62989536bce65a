package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.IterationStats;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingResult;
import java.util.List;
import javafx.beans.property.BooleanProperty;

/**
 * A finished run, for the run list: its config, result and full history (for the CSV export and for
 * overlaying its curves). {@code shown} is ticked in the list to overlay it.
 */
public record Run(
    String name,
    TrainingConfig config,
    TrainingResult result,
    List<IterationStats> iterations,
    List<EvaluationStats> evaluations,
    BooleanProperty shown) {
  @Override
  public String toString() {
    String reason = Messages.get("train.stop." + result.reason().name().toLowerCase());
    // A run stopped before its first evaluation measured no accuracy: say so, never "0.00%".
    return evaluations.isEmpty()
        ? Messages.get(
            "train.run.summary.unmeasured", name, reason, result.elapsedMillis() / 1000.0)
        : Messages.get(
            "train.run.summary.finalBest",
            name,
            100 * result.finalAccuracy(),
            100 * result.bestAccuracy(),
            reason,
            result.elapsedMillis() / 1000.0);
  }

  /**
   * What the list's two accuracies are: the final one (the run's last evaluation, on its test
   * images) and the best one (the highest of its evaluations); null before any evaluation.
   */
  public String accuracyTip() {
    return evaluations.isEmpty()
        ? null
        : Messages.get(
            "train.run.accuracy.tip",
            100 * result.finalAccuracy(),
            config.testSize(),
            100 * result.bestAccuracy(),
            evaluations.size());
  }
}
