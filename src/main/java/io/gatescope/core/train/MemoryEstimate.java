package io.gatescope.core.train;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;

/** A coarse upper bound on what training a model needs, checked before any allocation. */
public final class MemoryEstimate {
  private MemoryEstimate() {}

  public static long bytes(ModelConfig m, int batch) {
    long t = ModelConfig.STEPS;
    long h = m.hidden();
    long gates = m.cell() == CellType.LSTM ? 4 : m.cell() == CellType.GRU ? 3 : 1;
    long in = m.recurrentInput();
    // Parameters, gradients, updater state (Adam: 2×) and a backup copy, in floats.
    long params = in * gates * h + h * gates * h + gates * h;
    params = params * m.layers() + ModelConfig.FEATURES * m.projection() + h * 10 + 10;
    long paramBytes = params * 4 * 5;
    // Per layer and step: the gates and states kept for BPTT (double on the Java side) and the
    // float mirrors for the products.
    long perStep = batch * h * (gates * 8 + 3 * 8 + 2 * gates * 4 + 2 * 4);
    return paramBytes + perStep * t * m.layers();
  }

  public static String human(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format("%.1f GiB", bytes / (double) (1L << 30));
    }
    return String.format("%d MiB", Math.max(1, bytes >> 20));
  }
}
