package io.gatescope.core.engine;

import io.gatescope.core.Messages;
import java.util.List;

/** The recurrent cells GateScope can train and show. */
public enum CellType {
  LSTM(
      List.of(
          Quantity.UPDATE,
          Quantity.FORGET,
          Quantity.OUTPUT,
          Quantity.CANDIDATE,
          Quantity.CELL,
          Quantity.HIDDEN)),
  GRU(List.of(Quantity.UPDATE, Quantity.RESET, Quantity.CANDIDATE, Quantity.HIDDEN)),
  RNN(List.of(Quantity.HIDDEN));

  private final List<Quantity> quantities;

  CellType(List<Quantity> quantities) {
    this.quantities = quantities;
  }

  /** What a trace of this cell holds per timestep and unit, in display order. */
  public List<Quantity> quantities() {
    return quantities;
  }

  /**
   * What a trace of this cell keeps per timestep and unit: the shown quantities and, for the LSTM,
   * tanh(c⟨t⟩) (a wire of the cell diagram, not a map of its own).
   */
  public List<Quantity> traced() {
    if (this != LSTM) {
      return quantities;
    }
    List<Quantity> all = new java.util.ArrayList<>(quantities);
    all.add(Quantity.CELL_TANH);
    return List.copyOf(all);
  }

  /** Parses "lstm", "GRU", ... with a message that lists the choices. */
  public static CellType parse(String s) {
    for (CellType c : values()) {
      if (c.name().equalsIgnoreCase(s.trim())) {
        return c;
      }
    }
    throw new IllegalArgumentException(Messages.get("config.cell", s));
  }
}
