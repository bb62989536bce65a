package io.gatescope.core.train;

import io.gatescope.core.Limits;
import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that defines a training run. Defaults are the classic lesson's: P=128, H=128, batch
 * 128, Adam with learning rate 1e-3, forget-gate bias 1.0. Made with {@link #builder()} (or {@link
 * #toBuilder()} to change a few values), so every value is named where a config is made.
 *
 * @param clipNorm clip the gradient to this global norm; 0 = no clipping
 * @param trainSize how many training images to use (a prefix of the shuffled-by-design MNIST)
 * @param testSize how many test images to evaluate on
 * @param evalEvery evaluate every this many iterations; 0 = once per epoch
 * @param targetAccuracy stop once test accuracy reaches this; 0 = never
 * @param lrDecay multiply the learning rate by this after every epoch (default 0.8); 1 = constant
 */
public record TrainingConfig(
    ModelConfig model,
    int batch,
    int epochs,
    double learningRate,
    OptimizerKind optimizer,
    double clipNorm,
    int trainSize,
    int testSize,
    int evalEvery,
    double targetAccuracy,
    double lrDecay) {

  /**
   * One invalid field: its id (the form's field, lower case: "batch", "hidden", ...) and what is
   * allowed, in the user's language.
   */
  public record FieldError(String field, String message) {
    /** The field's name as the form shows it. */
    public String label() {
      return Messages.get("train.field." + field);
    }

    @Override
    public String toString() {
      return label() + ": " + message;
    }
  }

  public static TrainingConfig classic() {
    return builder().build();
  }

  /** A small, fast run for demos and tests: finishes in well under a minute on a laptop. */
  public static TrainingConfig quickDemo() {
    return builder()
        .model(new ModelConfig(CellType.LSTM, 1, 64, 64, 1.0, 42))
        .batch(64)
        .epochs(2)
        .learningRate(3e-3)
        .clipNorm(5.0)
        .trainSize(6_000)
        .testSize(1_000)
        .evalEvery(25)
        .lrDecay(1.0)
        .build();
  }

  /** A builder holding the classic lesson's values: set only what differs. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values, to change a few of them. */
  public Builder toBuilder() {
    return new Builder()
        .model(model)
        .batch(batch)
        .epochs(epochs)
        .learningRate(learningRate)
        .optimizer(optimizer)
        .clipNorm(clipNorm)
        .trainSize(trainSize)
        .testSize(testSize)
        .evalEvery(evalEvery)
        .targetAccuracy(targetAccuracy)
        .lrDecay(lrDecay);
  }

  /**
   * Names each value where a config is made. It checks nothing itself: {@link #validate()} is the
   * one place that says which values are allowed (from {@link Limits}).
   */
  public static final class Builder {
    private ModelConfig model = ModelConfig.classic();
    private int batch = 128;
    private int epochs = 10;
    private double learningRate = 1e-3;
    private OptimizerKind optimizer = OptimizerKind.ADAM;
    private double clipNorm = 0;
    private int trainSize = 60_000;
    private int testSize = 10_000;
    private int evalEvery = 0;
    private double targetAccuracy = 0;
    private double lrDecay = 0.8;

    private Builder() {}

    public Builder model(ModelConfig v) {
      model = v;
      return this;
    }

    public Builder batch(int v) {
      batch = v;
      return this;
    }

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder learningRate(double v) {
      learningRate = v;
      return this;
    }

    public Builder optimizer(OptimizerKind v) {
      optimizer = v;
      return this;
    }

    public Builder clipNorm(double v) {
      clipNorm = v;
      return this;
    }

    public Builder trainSize(int v) {
      trainSize = v;
      return this;
    }

    public Builder testSize(int v) {
      testSize = v;
      return this;
    }

    public Builder evalEvery(int v) {
      evalEvery = v;
      return this;
    }

    public Builder targetAccuracy(double v) {
      targetAccuracy = v;
      return this;
    }

    public Builder lrDecay(double v) {
      lrDecay = v;
      return this;
    }

    public TrainingConfig build() {
      return new TrainingConfig(
          model,
          batch,
          epochs,
          learningRate,
          optimizer,
          clipNorm,
          trainSize,
          testSize,
          evalEvery,
          targetAccuracy,
          lrDecay);
    }
  }

  public int iterationsPerEpoch() {
    return (trainSize + batch - 1) / batch;
  }

  /**
   * Checks the numbers a user can type. The model part is checked by {@link ModelConfig}'s own
   * constructor, so it is valid by construction here.
   */
  public List<FieldError> validate() {
    List<FieldError> e = new ArrayList<>();
    range(e, Limits.BATCH, batch);
    range(e, Limits.EPOCHS, epochs);
    between(e, Limits.LR, learningRate, "config.error.lr");
    check(e, Limits.CLIP, clipNorm, "config.error.clip");
    range(e, Limits.TRAIN_SIZE, trainSize);
    range(e, Limits.TEST_SIZE, testSize);
    range(e, Limits.EVAL_EVERY, evalEvery);
    check(e, Limits.TARGET_ACCURACY, targetAccuracy, "config.error.target");
    between(e, Limits.LR_DECAY, lrDecay, "config.error.decay");
    range(e, Limits.SEED, model.seed());
    if (optimizer == null) {
      e.add(new FieldError("optimizer", Messages.get("config.error.optimizer")));
    }
    if (e.isEmpty()) {
      long need = MemoryEstimate.bytes(model, batch);
      long max = Runtime.getRuntime().maxMemory();
      if (need > max * 0.8) {
        e.add(
            new FieldError(
                "hidden",
                Messages.get(
                    "config.error.memory",
                    MemoryEstimate.human(need),
                    batch,
                    MemoryEstimate.human(max))));
      }
    }
    return e;
  }

  /** A whole-number hyperparameter outside its {@link Limits} range: the range says why. */
  private static void range(List<FieldError> e, Limits limit, long v) {
    if (!limit.allows(v)) {
      e.add(
          new FieldError(
              limit.field(),
              Messages.get("config.error.range", limit.minWhole(), limit.maxWhole())));
    }
  }

  /** A decimal hyperparameter outside its {@link Limits} range: the reason states that range. */
  private static void between(List<FieldError> e, Limits limit, double v, String reasonKey) {
    if (!limit.allows(v)) {
      e.add(
          new FieldError(limit.field(), Messages.get(reasonKey, limit.minText(), limit.maxText())));
    }
  }

  /** A decimal hyperparameter outside its {@link Limits} range, with its own reason. */
  private static void check(List<FieldError> e, Limits limit, double v, String reasonKey) {
    if (!limit.allows(v)) {
      e.add(new FieldError(limit.field(), Messages.get(reasonKey)));
    }
  }
}
