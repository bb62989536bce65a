package io.gatescope.core.train;

/** Callbacks from a training run, on the training thread. Keep them short. */
public interface TrainingListener {
  default void onIteration(IterationStats stats) {}

  default void onEvaluation(EvaluationStats stats) {}

  default void onFinished(TrainingResult result) {}
}
