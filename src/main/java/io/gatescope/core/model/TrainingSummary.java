package io.gatescope.core.model;

/**
 * What a model file says about how its weights were made.
 *
 * @param command how to reproduce it (e.g. the CLI command), may be empty
 */
public record TrainingSummary(
    int epochs, int iterations, double testAccuracy, String date, String command) {
  public static TrainingSummary none() {
    return new TrainingSummary(0, 0, Double.NaN, "", "");
  }
}
