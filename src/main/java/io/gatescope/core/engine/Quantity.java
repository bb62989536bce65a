package io.gatescope.core.engine;

/**
 * A per-unit, per-timestep quantity a cell computes, named as in the lesson: Γu, Γf, Γo, c̃, c, a
 * (and Γr for the GRU).
 */
public enum Quantity {
  UPDATE("Γu", "update", true),
  FORGET("Γf", "forget", true),
  OUTPUT("Γo", "output", true),
  RESET("Γr", "reset", true),
  CANDIDATE("c̃", "candidate", false),
  CELL("c", "cell_state", false),
  HIDDEN("a", "hidden", false),
  /** tanh(c⟨t⟩), the LSTM's squashed cell state before Γo: traced for the cell diagram's wire. */
  CELL_TANH("tanh(c)", "cell_tanh", false);

  private final String symbol;
  private final String key;
  private final boolean gate;

  Quantity(String symbol, String key, boolean gate) {
    this.symbol = symbol;
    this.key = key;
    this.gate = gate;
  }

  /** The lesson's symbol, e.g. "Γf". */
  public String symbol() {
    return symbol;
  }

  /** A stable ASCII key for JSON and file formats, e.g. "forget". */
  public String key() {
    return key;
  }

  /** Gates are sigmoids: always in [0, 1]. */
  public boolean isGate() {
    return gate;
  }
}
