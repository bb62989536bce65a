package io.gatescope.core.runs;

import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.IterationStats;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingResult;
import java.time.Instant;
import java.util.List;

/**
 * A finished training run as GateScope keeps it between sessions: its name, when it finished, its
 * config, how it ended and its curves (every iteration, every evaluation). Not the weights: a model
 * is saved on purpose, as a model file.
 */
public record RunRecord(
    String name,
    Instant finished,
    TrainingConfig config,
    TrainingResult result,
    List<IterationStats> iterations,
    List<EvaluationStats> evaluations) {
  public RunRecord {
    iterations = List.copyOf(iterations);
    evaluations = List.copyOf(evaluations);
  }
}
