package io.gatescope.ui.train;

import io.gatescope.core.Limits;
import io.gatescope.core.Messages;

/** The hyperparameter form's fields, in display order. */
public enum Field {
  CELL,
  READING,
  LAYERS,
  HIDDEN,
  PROJECTION,
  BATCH,
  EPOCHS,
  LR,
  LR_DECAY,
  OPTIMIZER,
  CLIP,
  FORGET_BIAS,
  SEED,
  TRAIN_SIZE,
  EVAL_EVERY;

  /** The field's name in the form, in the current language. */
  public String label() {
    return Messages.get("train.field." + name().toLowerCase());
  }

  /** A numeric field's range, from the one table of limits. */
  Limits limit() {
    return Limits.valueOf(name());
  }

  /**
   * The form's field for a {@link io.gatescope.core.train.TrainingConfig.FieldError#field()} id;
   * null for a value the form does not show (the test-set size, the target accuracy).
   */
  static Field of(String id) {
    for (Field f : values()) {
      if (f.name().equalsIgnoreCase(id)) {
        return f;
      }
    }
    return null;
  }
}
