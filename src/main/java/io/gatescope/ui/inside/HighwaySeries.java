package io.gatescope.ui.inside;

/**
 * One curve of the highway chart: ‖∂L/∂q⟨t⟩‖ for t = 1..28 (index t − 1) of one model and digit.
 *
 * @param label what the legend calls it
 * @param values the norms, as the backward trace gave them
 * @param line how it is drawn: the current model's c and a, or a compared cell's a
 */
record HighwaySeries(String label, double[] values, Line line) {
  /** The curve's role, which fixes its colour and dash. */
  enum Line {
    CELL,
    HIDDEN,
    COMPARED_GRU,
    COMPARED_RNN
  }
}
