package io.gatescope.core.train;

import java.util.List;

/** A test-set evaluation during training. */
public record EvaluationStats(
    int epoch,
    int iteration,
    double testLoss,
    double testAccuracy,
    int[][] confusion,
    List<GateSaturation> saturation,
    long elapsedMillis) {}
