package io.gatescope.core.engine;

import io.gatescope.core.Limits;
import io.gatescope.core.Messages;

/**
 * The shape of a recurrent classifier: an image read row by row as {@link #STEPS} timesteps of
 * {@link #FEATURES} pixels, an optional dense projection to {@code projection} units, {@code
 * layers} recurrent layers of {@code hidden} units, and a softmax over {@link #CLASSES} digits.
 *
 * @param projection 0 for no projection layer
 * @param forgetBias initial bias of Γf (LSTM only); 1.0 keeps the cell state flowing early on
 * @param seed fixes the initial weights
 * @param reading the order in which the image's slices are read (rows by default)
 */
public record ModelConfig(
    CellType cell,
    int layers,
    int hidden,
    int projection,
    double forgetBias,
    long seed,
    Reading reading) {
  public static final int STEPS = 28;
  public static final int FEATURES = 28;
  public static final int CLASSES = 10;

  /** The classic lesson: P=128, H=128, one LSTM layer, forget bias 1.0. */
  public static ModelConfig classic() {
    return new ModelConfig(CellType.LSTM, 1, 128, 128, 1.0, 42);
  }

  /** Reads rows, top to bottom, as the lesson does. */
  public ModelConfig(
      CellType cell, int layers, int hidden, int projection, double forgetBias, long seed) {
    this(cell, layers, hidden, projection, forgetBias, seed, Reading.ROWS);
  }

  public ModelConfig {
    if (reading == null) {
      reading = Reading.ROWS;
    }
    if (cell == null) {
      throw new IllegalArgumentException(Messages.get("config.cell", "null"));
    }
    if (!Limits.LAYERS.allows(layers)) {
      throw new IllegalArgumentException(Messages.get("config.layers", layers));
    }
    if (!Limits.HIDDEN.allows(hidden)) {
      throw new IllegalArgumentException(Messages.get("config.hidden", hidden));
    }
    if (!Limits.PROJECTION.allows(projection)) {
      throw new IllegalArgumentException(Messages.get("config.projection", projection));
    }
    if (!Limits.FORGET_BIAS.allows(forgetBias)) {
      throw new IllegalArgumentException(
          Messages.get("config.forgetBias", String.valueOf(forgetBias)));
    }
  }

  /** Width of the first recurrent layer's input. */
  public int recurrentInput() {
    return projection > 0 ? projection : FEATURES;
  }

  /**
   * How many parameters a model of this shape has, without making one: the projection 28→P, per
   * layer W [in, G·H], RW [H, G·H] and b [G·H] (G = 4 gates for the LSTM, 3 for the GRU, 1 for the
   * RNN), and the output layer H→10. Readers check a file's weights against it before they allocate
   * anything.
   */
  public long paramCount() {
    long g =
        switch (cell) {
          case LSTM -> 4;
          case GRU -> 3;
          case RNN -> 1;
        };
    long n = projection > 0 ? (long) FEATURES * projection + projection : 0;
    for (int l = 0; l < layers; l++) {
      long in = l == 0 ? recurrentInput() : hidden;
      n += (in + hidden + 1) * g * hidden;
    }
    return n + (long) hidden * CLASSES + CLASSES;
  }

  public ModelConfig withCell(CellType c) {
    return new ModelConfig(c, layers, hidden, projection, forgetBias, seed, reading);
  }

  public ModelConfig withSeed(long s) {
    return new ModelConfig(cell, layers, hidden, projection, forgetBias, s, reading);
  }

  public ModelConfig withReading(Reading r) {
    return new ModelConfig(cell, layers, hidden, projection, forgetBias, seed, r);
  }
}
