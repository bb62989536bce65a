package io.gatescope.core.train;

/** One minibatch done. */
public record IterationStats(
    int epoch,
    int iteration,
    int totalIterations,
    double loss,
    double batchAccuracy,
    double samplesPerSecond,
    long elapsedMillis,
    double etaSeconds,
    double learningRate) {}
