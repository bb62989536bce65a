package io.gatescope.core.engine;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One recurrent cell's arithmetic for a whole batch, step by step: {@link LstmCell}, {@link
 * GruCell}, {@link RnnCell}. The layer around it ({@link RecurrentLayer}) owns what every cell
 * shares: the input weights, the states a⟨0..T⟩, interventions and what a trace keeps.
 *
 * <p>Arrays are [B·H] per step, row-major (sample b's unit u at b·H + u): one array per gate and
 * step, so that each loop runs over a single index, which the JIT vectorises.
 */
abstract class Cell {
  static final int T = ModelConfig.STEPS;

  /**
   * One product of the cell: its operand, the columns [from, to) of the layer's input weights W
   * [in, n] and bias b [1, n] it uses, and the name of its recurrent weights. The first part's
   * recurrent input is a⟨t−1⟩; the layer writes it there.
   */
  record Part(JointOperand operand, int from, int to, String recurrentName) {}

  /** Units. */
  final int h;

  /** B·H: the length of every per-step array of the current batch. */
  int m;

  private final List<Quantity> blocks;

  /** {@code blocks}: the column blocks of h of the cell's pre-activations, in column order. */
  Cell(int h, List<Quantity> blocks) {
    this.h = h;
    this.blocks = blocks;
  }

  /** The column blocks of h of the cell's pre-activations, in column order (n = blocks × H). */
  final List<Quantity> blocks() {
    return blocks;
  }

  abstract List<Part> parts();

  /** Fills W, b and the parts' recurrent weights (same order of draws as every earlier version). */
  abstract void initialize(
      INDArray w, INDArray b, List<INDArray> recurrent, SplittableRandom rnd, ModelConfig cfg);

  /** Buffers for a batch of {@code bs}. */
  final void allocate(int bs) {
    m = bs * h;
    allocate();
  }

  /** Makes the per-batch arrays, [B·H] = {@link #m} long. */
  abstract void allocate();

  /**
   * Step t (0-based; the lesson's t+1): a⟨t+1⟩ into {@code aNow} from a⟨t⟩ in {@code aPrev} (the
   * first part's operand already holds it), gates clamped as {@code overrides} say, and what a
   * trace keeps handed to {@code keep}.
   */
  abstract void step(int t, float[] aPrev, float[] aNow, Overrides overrides, TraceKeeper keep);

  /** Before the first {@link #backStep}: clears what flows from step t+1 to t (besides ∂a). */
  void startBackward() {}

  /**
   * Step t back: from ∂loss/∂a⟨t+1⟩ ({@code da}, everything that flows into it; {@code aNow} is
   * a⟨t+1⟩ and {@code aPrev} a⟨t⟩), writes the parts' ∂loss/∂z for step t and, unless t = 0,
   * ∂loss/∂a⟨t⟩ into {@code daPrev}.
   */
  abstract void backStep(int t, float[] aPrev, float[] aNow, float[] da, float[] daPrev);

  /**
   * After {@link #backStep} of step t, while a backward trace keeps: ∂L/∂(value) of each gate and
   * candidate, and the cell's other totals (∂L/∂c⟨t⟩ for the LSTM), from what that step computed.
   * The layer keeps ∂L/∂a⟨t⟩ itself. {@code da} is ∂L/∂a⟨t+1⟩ as {@link #backStep} received it.
   */
  void keepBackward(int t, float[] aPrev, float[] da, BackwardKeeper keep) {}

  /** The [T][B·H] values of each quantity other than a (step t at index t); set by allocate. */
  private Map<Quantity, float[][]> values = Map.of();

  /** Says where the values of the trace are (call from {@link #allocate()}). */
  final void traced(Map<Quantity, float[][]> values) {
    this.values = values;
  }

  /**
   * Makes every sample of this cell's batch hold what sample 0 of {@code one} (the same cell type,
   * a batch of one) computed at every step: the values a backward step reads.
   */
  final void replicate(Cell one) {
    values.forEach((q, steps) -> replicate(one.values.get(q), steps, h));
  }

  /** Each row of {@code from} ([T][H], a batch of one) into every sample of {@code to} [T][B·H]. */
  static void replicate(float[][] from, float[][] to, int h) {
    for (int t = 0; t < to.length; t++) {
      for (int off = 0; off < to[t].length; off += h) {
        System.arraycopy(from[t], 0, to[t], off, h);
      }
    }
  }

  /** The [T][B·H] values of q other than a (step t at index t), or null if the cell has no q. */
  final float[][] values(Quantity q) {
    return values.get(q);
  }
}
