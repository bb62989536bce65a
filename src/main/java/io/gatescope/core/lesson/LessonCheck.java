package io.gatescope.core.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;

/**
 * Something GateScope can verify on a lesson step, live: each check reads the current traces and
 * timestep ({@link CheckState}) and says whether it holds, and what it found (the computed number,
 * never a rounded one).
 */
public sealed interface LessonCheck {
  /** Whether the check holds for this state. */
  boolean holds(CheckState s);

  /** The check as the student reads it, in the current language. */
  String describe();

  /** What GateScope found, e.g. "now 7" or "now 0.93417"; in the current language. */
  String found(CheckState s);

  /** The interventions in force change the prediction after rows 1..t. */
  record PredictionChanged() implements LessonCheck {
    @Override
    public boolean holds(CheckState s) {
      return s.prediction() != s.plainPrediction();
    }

    @Override
    public String describe() {
      return Messages.get("lesson.check.changed");
    }

    @Override
    public String found(CheckState s) {
      return Messages.get("lesson.check.found.changed", s.plainPrediction(), s.prediction());
    }
  }

  /** The prediction after rows 1..t is {@code digit}. */
  record PredictionIs(int digit) implements LessonCheck {
    public PredictionIs {
      if (digit < 0 || digit > 9) {
        throw new IllegalArgumentException("digit must be 0..9, not " + digit);
      }
    }

    @Override
    public boolean holds(CheckState s) {
      return s.prediction() == digit;
    }

    @Override
    public String describe() {
      return Messages.get("lesson.check.is", digit);
    }

    @Override
    public String found(CheckState s) {
      return Messages.get("lesson.check.found.digit", s.prediction(), s.timestep());
    }
  }

  /** Gate {@code gate} of unit {@code unit} in {@code layer} is clamped to {@code value}. */
  record Clamped(int layer, Quantity gate, int unit, float value) implements LessonCheck {
    public Clamped {
      if (!gate.isGate()) {
        throw new IllegalArgumentException("only a gate can be clamped, not " + gate.symbol());
      }
    }

    @Override
    public boolean holds(CheckState s) {
      Intervention iv = s.shown().interventionOn(layer, gate, unit);
      return iv != null && Float.compare(iv.value(), value) == 0;
    }

    @Override
    public String describe() {
      return Messages.get("lesson.check.clamped", gate.symbol(), unit, Float.toString(value));
    }

    @Override
    public String found(CheckState s) {
      Intervention iv = s.shown().interventionOn(layer, gate, unit);
      return iv == null
          ? Messages.get("lesson.check.found.notClamped")
          : Messages.get("lesson.check.found.clamp", Float.toString(iv.value()));
    }
  }

  /** P(digit | rows 1..t) is above (or below) {@code threshold}. */
  record Probability(int digit, boolean above, float threshold) implements LessonCheck {
    public Probability {
      if (digit < 0 || digit > 9) {
        throw new IllegalArgumentException("digit must be 0..9, not " + digit);
      }
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException("a probability threshold is in [0, 1]");
      }
    }

    @Override
    public boolean holds(CheckState s) {
      float p = s.probabilities()[digit];
      return above ? p > threshold : p < threshold;
    }

    @Override
    public String describe() {
      return Messages.get(
          above ? "lesson.check.above" : "lesson.check.below", digit, Float.toString(threshold));
    }

    @Override
    public String found(CheckState s) {
      return Messages.get(
          "lesson.check.found.p", digit, s.timestep(), Float.toString(s.probabilities()[digit]));
    }
  }
}
