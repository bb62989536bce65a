package io.gatescope.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One recurrent layer over {@link ModelConfig#STEPS} timesteps, around a {@link Cell}: it owns what
 * every cell shares — the input weights W [in, n] and bias b [1, n], the states a⟨0..T⟩ (a⟨0⟩ = 0),
 * the interventions, what a trace keeps — and runs the steps forward and back.
 *
 * <p>Layout: time-major, row t·B + b holds sample b at step t, so a step is a block of B rows. The
 * products run in BLAS on each part's {@link JointOperand}; the element-wise maths runs in the cell
 * on Java float arrays.
 */
final class RecurrentLayer {
  private static final int T = ModelConfig.STEPS;

  private final String prefix;
  private final int index;
  private final int in;
  private final int h;
  private final Cell cell;
  private final List<Cell.Part> parts;
  private final TraceKeeper keeper = new TraceKeeper();
  private final BackwardKeeper backKeeper;
  private final InputSide inputSide;

  private final List<INDArray> rw = new ArrayList<>(); // each part's recurrent weights
  private final List<INDArray> drw = new ArrayList<>();

  private int batch = -1;
  private float[][] a; // a⟨0..T⟩  [T+1][B·H]; one array per step, so loops over one index vectorise
  private float[] da; // ∂loss/∂a⟨t⟩, everything that flows into it  [B·H]
  private float[] daPrev; // ∂loss/∂a⟨t−1⟩ through step t  [B·H]
  private float[] daRecord; // [T·B·H] while recording ∂loss/∂a⟨t⟩, else null
  private Overrides overrides = Overrides.NONE;

  /** Layer {@code index} of cell type {@code type}, with inputs of width {@code in}. */
  RecurrentLayer(int index, CellType type, int in, int h) {
    this.prefix = "l" + index + ".";
    this.index = index;
    this.in = in;
    this.h = h;
    this.cell =
        switch (type) {
          case LSTM -> new LstmCell(h);
          case GRU -> new GruCell(h);
          case RNN -> new RnnCell(h);
        };
    this.parts = cell.parts();
    this.inputSide = new InputSide(parts);
    this.backKeeper = new BackwardKeeper(h);
  }

  // ---- parameters ----

  /** W [in, n], each part's recurrent weights [H, its columns], b [1, n]: the file layout. */
  List<ParamSet.Spec> specs() {
    int n = cell.blocks().size() * h;
    List<ParamSet.Spec> s = new ArrayList<>();
    s.add(new ParamSet.Spec(prefix + "W", in, n));
    parts.forEach(p -> s.add(new ParamSet.Spec(prefix + p.recurrentName(), h, p.to() - p.from())));
    s.add(new ParamSet.Spec(prefix + "b", 1, n));
    return s;
  }

  void bind(ParamSet params, ParamSet grads) {
    inputSide.bind(params.get(prefix + "W"), params.get(prefix + "b"));
    inputSide.bindGradients(grads.get(prefix + "W"), grads.get(prefix + "b"));
    for (Cell.Part p : parts) {
      rw.add(params.get(prefix + p.recurrentName()));
      drw.add(grads.get(prefix + p.recurrentName()));
    }
  }

  void initialize(SplittableRandom rnd, ModelConfig cfg) {
    cell.initialize(inputSide.w(), inputSide.b(), rw, rnd, cfg);
  }

  // ---- forward ----

  void ensureBatch(int bs) {
    if (bs == batch) {
      return;
    }
    batch = bs;
    int m = bs * h;
    a = new float[T + 1][m];
    da = new float[m];
    daPrev = new float[m];
    cell.allocate(bs);
    keeper.prepare(cell.blocks().size(), m);
  }

  /**
   * The input side from x [T·B, in]; {@code sameWeights}: the weights are those of the last pass
   * (their copies in the operands are kept).
   */
  void input(INDArray x, boolean sameWeights) {
    inputSide.plain(x, batch, rw, sameWeights);
  }

  /**
   * The input side through a linear projection (x·Wp + bp), folded into this layer's input weights
   * (see {@link InputSide#folded}).
   */
  void inputFolded(INDArray x, INDArray wp, INDArray bp, boolean sameWeights) {
    inputSide.folded(x, wp, bp, batch, rw, sameWeights);
  }

  /** Whether the next forward passes keep what a trace shows (see {@link TraceKeeper}). */
  void keepForTrace(boolean on) {
    keeper.keep(on);
  }

  /**
   * The recurrence over all steps, after the input side, step t computing the first rows[t] samples
   * only (all B but in a batch of copies); the others take sample 0's states at that step (see
   * {@link ActiveRows#forward}). Sharing keeps no trace and takes no interventions.
   */
  void recur(List<Intervention> interventions, int[] rows) {
    overrides = Overrides.of(interventions, index, cell.blocks(), h);
    if (!ActiveRows.isAll(rows, batch) && (keeper.on() || overrides.any())) {
      throw new IllegalStateException("samples that share states keep no trace, take no changes");
    }
    JointOperand first = parts.get(0).operand();
    Arrays.fill(a[0], 0f); // the operand's a⟨0⟩ columns are zero from the start and never written
    for (int t = 0; t < T; t++) {
      float[] aNow = a[t + 1];
      cell.step(t, rows[t], a[t], aNow, overrides, keeper);
      if (rows[t] < batch) {
        cell.copyFirst(t, rows[t], batch);
        Cell.copyFirst(aNow, rows[t], batch, h);
      }
      keeper.unscaled(t, aNow);
      overrides.scale(aNow, batch);
      first.putRecurrent(t + 1, batch, aNow); // the next step's product and the layer above read it
    }
  }

  // ---- backward ----

  /**
   * BPTT through the recurrence. dOut [T·B·H] is ∂loss/∂a⟨t⟩ from above (zero where a step feeds
   * nothing, and not read before step {@code fedFrom}: the classifier's top layer feeds the output
   * from its last step only, and reading 27 steps of zeros cost more than the additions); step t
   * going back computes the first rows[t] samples only: the others have ∂loss = 0 there (see {@link
   * ActiveRows#backward}), and their ∂z stay 0. With {@code weightGradients} it leaves every
   * parameter gradient of this layer, the input side's included; without, it only passes ∂loss back
   * (enough for {@link #inputGradient} and a backward trace).
   */
  void backward(float[] dOut, int fedFrom, boolean weightGradients, int[] rows) {
    if (overrides.any()) {
      throw new IllegalStateException("gradients are not defined with interventions active");
    }
    int m = batch * h;
    Arrays.fill(daPrev, 0f); // a skipped sample's part stays 0 until a step computes it
    cell.startBackward();
    for (int t = T - 1; t >= 0; t--) {
      int off = t * m;
      int n = rows[t] * h; // the others' ∂a⟨t⟩ are 0, and nothing reads them
      if (t >= fedFrom) {
        for (int i = 0; i < n; i++) {
          da[i] = dOut[off + i] + daPrev[i]; // ∂a⟨t⟩: from above and from step t+1
        }
      } else {
        System.arraycopy(daPrev, 0, da, 0, n); // ∂a⟨t⟩: from step t+1 alone
      }
      if (daRecord != null) {
        System.arraycopy(da, 0, daRecord, off, n);
      }
      cell.backStep(t, rows[t], a[t], a[t + 1], da, daPrev);
      if (backKeeper.on()) {
        backKeeper.put(Quantity.HIDDEN, t, da); // ∂L/∂a⟨t⟩: from above and from step t+1
        cell.keepBackward(t, Math.min(rows[t], backKeeper.samples()), a[t], da, backKeeper);
        backKeeper.zeroFrom(t, rows[t]);
      }
    }
    if (!weightGradients) {
      return;
    }
    for (int p = 0; p < parts.size(); p++) {
      JointOperand op = parts.get(p).operand();
      op.weightGradients(); // [∂RW; ∂W; ∂b] = operandᵀ·dz
      drw.get(p).assign(op.recurrentWeightGradient());
    }
    inputSide.gradients();
  }

  /** After {@link #backward} of a folded layer: ∂Wp and ∂bp of the projection. */
  void projectionGradients(INDArray dwp, INDArray dbp) {
    inputSide.projectionGradients(dwp, dbp);
  }

  /**
   * ∂loss/∂(this layer's input) = Σ over parts of dz·Wᵀ, [T·B·width of the input side], after a
   * backward pass of {@code rows}: at step t the first rows[t] samples', the others' 0.
   */
  float[] inputGradient(int[] rows) {
    return inputSide.inputGradient(rows, batch);
  }

  /** Starts recording ∂loss/∂a⟨t⟩ during the next backward pass; returns the [T·B·H] array. */
  float[] recordHiddenGradients() {
    daRecord = new float[T * batch * h];
    return daRecord;
  }

  void stopRecording() {
    daRecord = null;
  }

  /**
   * Whether the next backward passes keep what a backward trace shows, for the first {@code
   * samples} samples (0: nothing; see {@link BackwardKeeper}).
   */
  void keepBackward(int samples) {
    backKeeper.keep(samples);
  }

  /**
   * Samples [1, rows[t]) take sample 0's states at each step t of the last forward pass (without
   * interventions): a batch of copies of sample 0, where a backward pass of {@code rows} reads.
   */
  void copyFirst(int[] rows) {
    if (overrides.any()) {
      throw new IllegalStateException("the last forward pass had interventions");
    }
    for (int t = 0; t < T; t++) {
      cell.copyFirst(t, 1, rows[t]);
      Cell.copyFirst(a[t + 1], 1, rows[t], h);
    }
  }

  // ---- outputs and traces ----

  /** a⟨1..T⟩ as one [T·B, H] view (the input of the layer above). */
  INDArray outputs() {
    return parts.get(0).operand().laterRecurrent();
  }

  /** a⟨1..T⟩ of sample 0 as one [T, H] view. */
  INDArray firstOutputs() {
    return parts.get(0).operand().firstLaterRecurrent();
  }

  /** a⟨T⟩ [B, H] view. */
  INDArray last() {
    return parts.get(0).operand().lastRecurrent();
  }

  /** The [T][H] values of q for one sample of the last forward pass. */
  float[][] trace(Quantity q, int s) {
    float[][] v = q == Quantity.HIDDEN ? Arrays.copyOfRange(a, 1, T + 1) : cell.values(q);
    if (v == null) {
      throw new IllegalArgumentException("this cell has no " + q.symbol());
    }
    return sample(v, s);
  }

  /** The [T][H] pre-activations of q for one sample, or null when q is not one of its blocks. */
  float[][] tracePre(Quantity q, int s) {
    int k = cell.blocks().indexOf(q);
    return k < 0 || keeper.pre(k) == null ? null : sample(keeper.pre(k), s);
  }

  /**
   * The [T][H] values of q for one sample as the cell computed them, before an intervention
   * replaced them: gates before a clamp, a before a scale; null for other quantities.
   */
  float[][] traceAsComputed(Quantity q, int s) {
    if (q == Quantity.HIDDEN) {
      return keeper.unscaled() == null ? null : sample(keeper.unscaled(), s);
    }
    int k = cell.blocks().indexOf(q);
    return k < 0 || !q.isGate() || keeper.activated(k) == null
        ? null
        : sample(keeper.activated(k), s);
  }

  /** ∂L/∂q [T][H] of every quantity the last kept backward pass kept, for (kept) sample s. */
  Map<Quantity, float[][]> backTrace(int s) {
    return backKeeper.sample(s);
  }

  private float[][] sample(float[][] steps, int s) {
    return TraceKeeper.sample(steps, s, h);
  }
}
