package io.gatescope.ui.inside;

import io.gatescope.core.Messages;

/**
 * A class the backward view can take as its target k (L = −log P(k | whole image)), and why it is
 * the default when it is: the true digit where the input has one, else the model's prediction.
 */
record TargetChoice(int digit, Why why) {
  /** Why a digit is offered first. */
  enum Why {
    TRUE_DIGIT,
    PREDICTION,
    CHOSEN
  }

  /** The ten digits, the default one marked with its reason. */
  static java.util.List<TargetChoice> all(int defaultDigit, Why why) {
    java.util.List<TargetChoice> out = new java.util.ArrayList<>();
    for (int d = 0; d < 10; d++) {
      out.add(new TargetChoice(d, d == defaultDigit ? why : Why.CHOSEN));
    }
    return out;
  }

  /** The default target: the true digit where known, else the prediction. */
  static TargetChoice byDefault(Integer label, int prediction) {
    return label != null
        ? new TargetChoice(label, Why.TRUE_DIGIT)
        : new TargetChoice(prediction, Why.PREDICTION);
  }

  /** "7 (true digit)", "3 (prediction)", "5". */
  @Override
  public String toString() {
    return switch (why) {
      case TRUE_DIGIT -> Messages.get("inside.back.target.true", digit);
      case PREDICTION -> Messages.get("inside.back.target.prediction", digit);
      case CHOSEN -> Integer.toString(digit);
    };
  }
}
