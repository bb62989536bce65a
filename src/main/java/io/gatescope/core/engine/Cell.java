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
   * Step t (0-based; the lesson's t+1) of the first {@code rows} samples (all B but in a batch of
   * {@link ActiveRows}): a⟨t+1⟩ into {@code aNow} from a⟨t⟩ in {@code aPrev} (the first part's
   * operand already holds it), gates clamped as {@code overrides} say, and what a trace keeps
   * handed to {@code keep}. The values of the other samples at step t are not written.
   */
  abstract void step(
      int t, int rows, float[] aPrev, float[] aNow, Overrides overrides, TraceKeeper keep);

  /** Before the first {@link #backStep}: clears what flows from step t+1 to t (besides ∂a). */
  void startBackward() {}

  /**
   * Step t back, for the first {@code rows} samples (all B, or those a gradient has reached, see
   * {@link ActiveRows}; the others' ∂loss are 0): from ∂loss/∂a⟨t+1⟩ ({@code da}, everything that
   * flows into it; {@code aNow} is a⟨t+1⟩ and {@code aPrev} a⟨t⟩), writes the parts' ∂loss/∂z for
   * step t and, unless t = 0, ∂loss/∂a⟨t⟩ into the first rows·H of {@code daPrev}.
   */
  abstract void backStep(int t, int rows, float[] aPrev, float[] aNow, float[] da, float[] daPrev);

  /**
   * After {@link #backStep} of step t, while a backward trace keeps: ∂L/∂(value) of each gate and
   * candidate, and the cell's other totals (∂L/∂c⟨t⟩ for the LSTM), from what that step computed,
   * for the first {@code rows} samples, at most as many as {@code keep} keeps. The layer keeps
   * ∂L/∂a⟨t⟩ itself. {@code da} is ∂L/∂a⟨t+1⟩ as {@link #backStep} received it.
   */
  void keepBackward(int t, int rows, float[] aPrev, float[] da, BackwardKeeper keep) {}

  /** The [T][B·H] values of each quantity other than a (step t at index t); set by allocate. */
  private Map<Quantity, float[][]> values = Map.of();

  /** Says where the values of the trace are (call from {@link #allocate()}). */
  final void traced(Map<Quantity, float[][]> values) {
    this.values = values;
  }

  /**
   * Samples [from, to) take sample 0's values at step t: everything a later step and a backward
   * step read (the layer copies a⟨t+1⟩ itself).
   */
  final void copyFirst(int t, int from, int to) {
    values.values().forEach(steps -> copyFirst(steps[t], from, to, h));
  }

  /** Samples [from, to) of a [B·H] array take sample 0's H values. */
  static void copyFirst(float[] samples, int from, int to, int h) {
    for (int r = from; r < to; r++) {
      System.arraycopy(samples, 0, samples, r * h, h);
    }
  }

  /** The [T][B·H] values of q other than a (step t at index t), or null if the cell has no q. */
  final float[][] values(Quantity q) {
    return values.get(q);
  }
}
