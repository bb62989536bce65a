package io.gatescope.core.train;

/** How a run ended. */
public record TrainingResult(
    StopReason reason,
    String message,
    int epochs,
    int iterations,
    double finalAccuracy,
    double bestAccuracy,
    long elapsedMillis,
    long millisToTarget) {

  /** Why a run stopped. */
  public enum StopReason {
    COMPLETED,
    TARGET_REACHED,
    CANCELLED,
    DIVERGED
  }
}
