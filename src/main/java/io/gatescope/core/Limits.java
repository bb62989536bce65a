package io.gatescope.core;

import java.util.Locale;

/**
 * The allowed range of every hyperparameter a user can type, in one place: the Train form, {@link
 * io.gatescope.core.train.TrainingConfig#validate()}, {@link
 * io.gatescope.core.engine.ModelConfig}'s checks and the command line all read their bounds here.
 * Both bounds are inclusive (no hyperparameter has an open bound today); texts that state a range
 * take it from here too.
 */
public enum Limits {
  LAYERS(Kind.WHOLE, 1, 3),
  HIDDEN(Kind.WHOLE, 1, 4096),
  PROJECTION(Kind.WHOLE, 0, 4096),
  BATCH(Kind.WHOLE, 1, 4096),
  EPOCHS(Kind.WHOLE, 1, 1000),
  LR(Kind.DECIMAL, 1e-7, 10),
  LR_DECAY(Kind.DECIMAL, 1e-3, 1),
  CLIP(Kind.DECIMAL, 0, 1e6),
  FORGET_BIAS(Kind.DECIMAL, -100, 100),
  SEED(Kind.WHOLE, 0, Integer.MAX_VALUE),
  TRAIN_SIZE(Kind.WHOLE, 1, 60_000),
  TEST_SIZE(Kind.WHOLE, 1, 10_000),
  EVAL_EVERY(Kind.WHOLE, 0, 1_000_000),
  TARGET_ACCURACY(Kind.DECIMAL, 0, 1);

  /** Whether a value is a whole number (an int or a seed) or a decimal one. */
  public enum Kind {
    WHOLE,
    DECIMAL
  }

  private final Kind kind;
  private final double min;
  private final double max;

  Limits(Kind kind, double min, double max) {
    this.kind = kind;
    this.min = min;
    this.max = max;
  }

  /**
   * The hyperparameter's id, as {@link io.gatescope.core.train.TrainingConfig.FieldError#field()}
   * and the form name it ("batch", "lr_decay", ...).
   */
  public String field() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Kind kind() {
    return kind;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** The lower bound of a whole-number hyperparameter. */
  public long minWhole() {
    return (long) min;
  }

  /** The upper bound of a whole-number hyperparameter. */
  public long maxWhole() {
    return (long) max;
  }

  /** Whether {@code v} is allowed: a finite number from {@link #min()} to {@link #max()}. */
  public boolean allows(double v) {
    return Double.isFinite(v) && v >= min && v <= max;
  }

  /** The lower bound as a user would type it: 1e-7 as "0.0000001", 10.0 as "10". */
  public String minText() {
    return plain(min);
  }

  /** The upper bound as a user would type it. */
  public String maxText() {
    return plain(max);
  }

  /** A number as a user would type it: no exponent, no trailing zeros. */
  public static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
