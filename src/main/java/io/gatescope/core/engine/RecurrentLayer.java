package io.gatescope.core.engine;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One recurrent layer over {@link ModelConfig#STEPS} timesteps.
 *
 * <p>Layout: time-major, row t·B + b holds sample b at step t, so a step is a block of B rows.
 * Matrix products run in ND4J (BLAS); the element-wise cell maths runs in plain Java on double
 * arrays, which the JIT vectorises and which has no per-call overhead (an ND4J call costs
 * microseconds, and a step needs a dozen). {@link Mirror}s copy between the two.
 *
 * <p>Every cell has an <em>input side</em>: the part of each gate that depends on x⟨t⟩ only, W [in,
 * n] and b [1, n] (n = gates × H). It is computed for all steps in one product before the loop, and
 * its weight gradient in one product after it, so only the recurrent product is sequential.
 * Subclasses keep every intermediate of the last forward pass (BPTT needs them, the Inside view
 * shows them).
 */
abstract class RecurrentLayer {
  protected static final int T = ModelConfig.STEPS;

  protected final String prefix;
  protected final int in;
  protected final int h;
  protected final int n;
  protected Activations act = Activations.FAST;
  protected DataType dtype;
  protected int batch = -1;

  protected INDArray w; // [in, n]
  protected INDArray b; // [1, n]
  protected INDArray dw;
  protected INDArray db;

  /** x⟨t⟩·W + b for every step: [T·B, n]. */
  protected Mirror inPre;

  protected INDArray[] inPreAt; // [B, n] views of inPre

  /** ∂loss/∂(gate pre-activations) for every step: [T·B, n]. */
  protected Mirror dz;

  protected INDArray[] dzAt; // [B, n] views of dz

  /** a⟨0..T⟩ mirrored for the products: [(T+1)·B, H]; a⟨0⟩ = 0. */
  protected Mirror aN;

  protected INDArray[] aNAt; // [B, H] views, a⟨t⟩

  /**
   * a⟨0..T⟩ on the Java side, one [B·H] array per step. Separate arrays per step let the JIT
   * vectorise loops that read step t and write step t+1 (it cannot prove that two ranges of one
   * array do not overlap).
   */
  protected double[][] a;

  protected double[] daNext; // [B·H]

  /**
   * True for a FLOAT model whose cell has a single-precision path ({@link #singlePrecision()}):
   * then a⟨t⟩, ∂a and the cell's own arrays are float (half the memory traffic, twice the vector
   * width, no conversions to and from the float products), and the double arrays are unused. DOUBLE
   * models (the gradient checks) keep the double path.
   */
  protected boolean f32;

  protected float[][] aF; // a⟨0..T⟩ when f32
  protected float[] daNextF; // [B·H] when f32
  protected double[] dbSum; // [n] Σ dz (the single-precision path gets it from xaᵀ·dz)
  protected Mirror dbN; // the sum for ND4J, [1, n]
  protected double[] daRecord; // [T·B·H] when recording ∂loss/∂a⟨t⟩, else null
  protected boolean intervened;

  /** The input this layer last saw, [T·B, in] (for the weight gradient). */
  protected INDArray input;

  RecurrentLayer(String prefix, int in, int h, int gates) {
    this.prefix = prefix;
    this.in = in;
    this.h = h;
    this.n = gates * h;
  }

  // ---- parameters ----

  /** Input-side parameters first (W, b), then the subclass's recurrent ones. */
  final List<ParamSet.Spec> specs() {
    List<ParamSet.Spec> s = new java.util.ArrayList<>();
    s.add(new ParamSet.Spec(prefix + "W", in, n));
    s.addAll(recurrentSpecs());
    s.add(new ParamSet.Spec(prefix + "b", 1, n));
    return s;
  }

  abstract List<ParamSet.Spec> recurrentSpecs();

  final void bind(ParamSet params, ParamSet grads) {
    w = params.get(prefix + "W");
    b = params.get(prefix + "b");
    dw = grads.get(prefix + "W");
    db = grads.get(prefix + "b");
    bindRecurrent(params, grads);
  }

  abstract void bindRecurrent(ParamSet params, ParamSet grads);

  abstract void initialize(SplittableRandom rnd, ModelConfig cfg);

  // ---- buffers ----

  final void ensureBatch(int bs, DataType type) {
    if (bs == batch && type == dtype) {
      return;
    }
    batch = bs;
    dtype = type;
    act = type == DataType.DOUBLE ? Activations.EXACT : Activations.FAST;
    long tb = (long) T * bs;
    f32 = type == DataType.FLOAT && singlePrecision();
    dz = new Mirror(type, tb, n, bs * n);
    dzAt = stepViews(dz.array, T, bs);
    xa = null; // made for the input width at the first input side (see prepareJoint)
    xaIn = -1;
    if (f32) {
      zStep = new Mirror(type, bs, n, bs * n);
      inPre = null;
      inPreAt = null;
      aN = null;
      aNAt = null;
      aF = new float[T + 1][bs * h];
      daNextF = new float[bs * h];
      a = null;
      daNext = null;
    } else {
      inPre = new Mirror(type, tb, n, (int) (tb * n));
      inPreAt = stepViews(inPre.array, T, bs);
      aN = new Mirror(type, tb + bs, h, (int) ((tb + bs) * h));
      aNAt = stepViews(aN.array, T + 1, bs);
      a = new double[T + 1][bs * h];
      daNext = new double[bs * h];
      aF = null;
      daNextF = null;
    }
    dbSum = new double[n];
    dbN = new Mirror(type, 1, n, n);
    allocateCell(bs);
  }

  /** Whether this cell has a single-precision path (see {@link #f32}). */
  protected boolean singlePrecision() {
    return false;
  }

  /** Allocates the subclass's per-batch buffers (called when B changes). */
  protected abstract void allocateCell(int bs);

  // ---- forward ----

  /** The input side's bias, added on the Java side during each step (cheaper than a pass). */
  protected double[] bias;

  /** Input side for all steps: x·W (+ b, added per step). */
  final void inputSide(INDArray x) {
    this.input = x;
    if (f32) {
      fillJoint(x, w, b);
      return;
    }
    Nd.gemm(x, w, inPre.array, false, false, 0); // [T·B, n]
    bias = b.toDoubleVector();
  }

  /**
   * Input side through a linear projection: (x·Wp + bp)·W + b = x·(Wp·W) + (bp·W + b). The product
   * with the narrow raw input is cheaper than projecting first, and exact.
   */
  final void inputSideFolded(INDArray x, INDArray wp, INDArray bp) {
    this.input = x;
    if (weff == null || weff.rows() != wp.rows()) {
      weff = Nd4j.zeros(dtype, wp.rows(), n); // [F, n]
      beff = new Mirror(dtype, 1, n, n); // [1, n]
      foldedGrad = Nd4j.zeros(dtype, wp.rows(), n); // [F, n]
    }
    Nd.gemm(wp, w, weff, false, false, 0); // Wp·W  [F, n]
    beff.array.assign(b);
    Nd.gemm(bp, w, beff.array, false, false, 1); // bp·W + b  [1, n]
    if (f32) {
      fillJoint(x, weff, beff.array);
      return;
    }
    Nd.gemm(x, weff, inPre.array, false, false, 0); // [T·B, n]
    if (bias == null || bias.length != n) {
      bias = new double[n];
    }
    beff.read(0, bias, 0, n);
  }

  // ---- the joint operand (single-precision path) ----

  /**
   * With {@link #f32}: one array [(T+1)·B, h + in + 1] whose row block s is [a⟨s⟩ | x⟨s+1⟩ | 1]
   * (a⟨0⟩ = 0), and the weights stacked to match, [h + in + 1, n] = [RW; W; b]. Each step is then
   * one product, input side and bias included, into a [B, n] buffer that stays in cache (instead of
   * a [T·B, n] array, 7 MB at the classic size, written once and read back step by step); and after
   * BPTT one product xaᵀ·dz gives ∂RW, ∂W and ∂b together, reading dz once, not three times.
   */
  protected Mirror xa;

  private int xaIn = -1; // the input width xa was made for
  private int xaWidth;
  protected INDArray[] xaAt; // [B, h+in+1] row blocks, step s = 0..T−1
  private INDArray xaSteps; // rows of steps 0..T−1, [T·B, h+in+1]
  private INDArray xaInput; // the x columns of those rows, [T·B, in]
  private INDArray[] aAt; // a⟨0..T⟩ columns, [B, h] each
  protected INDArray stacked; // [h+in+1, n]
  private INDArray dStacked; // [h+in+1, n]
  private INDArray jointInGrad; // rows of dStacked for W, [in, n]
  protected Mirror zStep; // one step's pre-activations, [B, n]

  /** The recurrent weights and their gradient, for the joint path (cells that have one). */
  protected INDArray jointRecurrentWeights() {
    throw new UnsupportedOperationException();
  }

  protected INDArray jointRecurrentGradient() {
    throw new UnsupportedOperationException();
  }

  private void prepareJoint(int in) {
    if (xa != null && xaIn == in) {
      return;
    }
    xaIn = in;
    xaWidth = h + in + 1;
    long tb = (long) T * batch;
    xa = new Mirror(dtype, tb + batch, xaWidth, batch * xaWidth);
    // Single-level views only: ND4J mis-slices a view of a view here.
    xa.array.get(NDArrayIndex.interval(0, tb), NDArrayIndex.point(xaWidth - 1)).assign(1.0);
    xaAt = stepViews(xa.array, T, batch);
    xaSteps = xa.array.get(NDArrayIndex.interval(0, tb), NDArrayIndex.all());
    xaInput = xa.array.get(NDArrayIndex.interval(0, tb), NDArrayIndex.interval(h, h + in));
    aAt = new INDArray[T + 1];
    for (int s = 0; s <= T; s++) {
      aAt[s] =
          xa.array.get(
              NDArrayIndex.interval((long) s * batch, (long) (s + 1) * batch),
              NDArrayIndex.interval(0, h));
    }
    stacked = Nd4j.zeros(dtype, xaWidth, n);
    dStacked = Nd4j.zeros(dtype, xaWidth, n);
    jointInGrad = dStacked.get(NDArrayIndex.interval(h, h + in), NDArrayIndex.all());
  }

  /** x into xa's input columns; [RW; inW; bias] into the stacked weights. */
  private void fillJoint(INDArray x, INDArray inW, INDArray biasRow) {
    int in = (int) x.columns();
    prepareJoint(in);
    xaInput.assign(x);
    stacked.get(NDArrayIndex.interval(0, h), NDArrayIndex.all()).assign(jointRecurrentWeights());
    stacked.get(NDArrayIndex.interval(h, h + in), NDArrayIndex.all()).assign(inW);
    stacked.get(NDArrayIndex.interval(h + in, h + in + 1), NDArrayIndex.all()).assign(biasRow);
  }

  // The folded input side's buffers, kept between batches (allocating them costs more than using).
  private INDArray weff;
  private Mirror beff;
  private INDArray foldedGrad;

  /** dst [B·n] += the input side's bias, row by row. */
  protected final void addBias(double[] dst) {
    double[] bs = bias;
    for (int r = 0; r < batch; r++) {
      int o = r * n;
      for (int j = 0; j < n; j++) {
        dst[o + j] += bs[j];
      }
    }
  }

  // ---- what a trace keeps besides the cell's values ----

  /**
   * While tracing (see {@link #keepForTrace(boolean)}): each block's pre-activation,
   * [block][T][B·H], its activation before a clamp replaced it, and a⟨t⟩ before a scale replaced
   * it, [T][B·H]. Null otherwise: training never pays for them beyond one null check per step.
   */
  private float[][][] keptPre;

  private float[][][] keptActivated;
  private float[][] keptUnscaled;
  private boolean keeping;

  /** Whether the next forward passes keep pre-activations and pre-intervention values. */
  final void keepForTrace(boolean on) {
    keeping = on;
  }

  /** Whether this step should call {@link #keepPre} and {@link #keepActivated}. */
  protected final boolean keeping() {
    return keeping;
  }

  private void ensureKept() {
    int m = batch * h;
    int k = blocks().size();
    if (keptPre == null || keptPre.length != k || keptPre[0][0].length != m) {
      keptPre = new float[k][T][m];
      keptActivated = new float[k][T][m];
      keptUnscaled = new float[T][m];
    }
  }

  /** Records block k's pre-activations of step t (call before activating). */
  protected final void keepPre(int t, int k, double[] g) {
    copy(g, keptPre[k][t]);
  }

  protected final void keepPre(int t, int k, float[] g) {
    System.arraycopy(g, 0, keptPre[k][t], 0, batch * h);
  }

  /** Records block k's activations of step t as computed (call before clamping). */
  protected final void keepActivated(int t, int k, double[] g) {
    copy(g, keptActivated[k][t]);
  }

  protected final void keepActivated(int t, int k, float[] g) {
    System.arraycopy(g, 0, keptActivated[k][t], 0, batch * h);
  }

  private void copy(double[] src, float[] dst) {
    for (int i = 0; i < batch * h; i++) {
      dst[i] = (float) src[i];
    }
  }

  /** The [T][H] pre-activations of block q for one sample, or null when q is not a block. */
  final float[][] tracePre(Quantity q, int s) {
    int k = blocks().indexOf(q);
    return k < 0 || keptPre == null ? null : extract(keptPre[k], h, 0, 0, s);
  }

  /**
   * The [T][H] values of q for one sample as the cell computed them, before an intervention
   * replaced them: gates before a clamp, a before a scale; null for other quantities.
   */
  final float[][] traceAsComputed(Quantity q, int s) {
    if (keptPre == null) {
      return null;
    }
    if (q == Quantity.HIDDEN) {
      return extract(keptUnscaled, h, 0, 0, s);
    }
    int k = blocks().indexOf(q);
    return k < 0 || !q.isGate() ? null : extract(keptActivated[k], h, 0, 0, s);
  }

  /** The recurrence over all steps, after the input side. */
  final void recur(List<Intervention> interventions) {
    double[][] clamp = clampVectors(interventions);
    double[] scale = hiddenScale(interventions);
    intervened = clamp != null || scale != null;
    int m = batch * h;
    if (keeping) {
      ensureKept();
    }
    if (f32) {
      Arrays.fill(aF[0], 0f); // xa's a⟨0⟩ columns are zero from the start and never written
    } else {
      Arrays.fill(a[0], 0.0);
      aN.write(a[0], 0, 0, m);
    }
    for (int t = 0; t < T; t++) {
      step(t, clamp);
      // a⟨t⟩ into the native copy: the next step's product and the weight gradient read it there.
      if (f32) {
        float[] next = aF[t + 1];
        if (keeping) {
          System.arraycopy(next, 0, keptUnscaled[t], 0, m);
        }
        if (scale != null) {
          for (int i = 0; i < m; i++) {
            next[i] *= (float) scale[i % h];
          }
        }
        xa.writeRows(next, batch, h, (long) (t + 1) * batch * xaWidth, xaWidth);
      } else {
        double[] next = a[t + 1];
        if (keeping) {
          copy(next, keptUnscaled[t]);
        }
        if (scale != null) {
          for (int i = 0; i < m; i++) {
            next[i] *= scale[i % h];
          }
        }
        aN.write(next, 0, (long) (t + 1) * m, m);
      }
    }
  }

  /** One step: computes a[t + 1] (the lesson's a⟨t⟩, 1-based) from a[t]. */
  protected abstract void step(int t, double[][] clamp);

  // ---- backward ----

  /**
   * BPTT through the recurrence. dOut [T·B·H] is ∂loss/∂a⟨t⟩ from above (zero where a step feeds
   * nothing). Fills {@link #dz} for every step, the recurrent weight gradients and db.
   */
  final void backward(double[] dOut) {
    if (intervened) {
      throw new IllegalStateException("gradients are not defined with interventions active");
    }
    if (f32) {
      Arrays.fill(daNextF, 0f);
    } else {
      Arrays.fill(daNext, 0.0);
      Arrays.fill(dbSum, 0.0);
    }
    resetBackward();
    for (int t = T - 1; t >= 0; t--) {
      backStep(t, dOut);
    }
    if (f32) {
      Nd.gemm(xaSteps, dz.array, dStacked, true, false, 0); // [∂RW; ∂W; ∂b]  [h+in+1, n]
      jointRecurrentGradient()
          .assign(dStacked.get(NDArrayIndex.interval(0, h), NDArrayIndex.all()));
      db.assign(dStacked.get(NDArrayIndex.interval(h + xaIn, h + xaIn + 1), NDArrayIndex.all()));
      return;
    }
    recurrentWeightGradients();
    dbN.write(dbSum, 0, 0, n); // summed step by step, while each step's dz was at hand
    db.assign(dbN.array); // [1, n]
  }

  protected abstract void resetBackward();

  /**
   * One step back: from ∂a⟨t+1⟩ (dOut at row block t plus {@link #daNext}) to dz of step t, and
   * {@link #daNext} = ∂a⟨t⟩ for the step before.
   */
  protected abstract void backStep(int t, double[] dOut);

  protected abstract void recurrentWeightGradients();

  /** g = g ⊙ keep + value for one gate's block of the clamp vectors; g is [B·H]. */
  protected final void clampBlock(double[] g, double[][] clamp, int blockOffset) {
    double[] keep = clamp[0];
    double[] val = clamp[1];
    for (int r = 0; r < batch; r++) {
      int o = r * h;
      for (int u = 0; u < h; u++) {
        g[o + u] = g[o + u] * keep[blockOffset + u] + val[blockOffset + u];
      }
    }
  }

  /** g = g ⊙ keep + value for one gate's block, single precision. */
  protected final void clampBlock(float[] g, double[][] clamp, int blockOffset) {
    double[] keep = clamp[0];
    double[] val = clamp[1];
    for (int r = 0; r < batch; r++) {
      int o = r * h;
      for (int u = 0; u < h; u++) {
        g[o + u] = (float) (g[o + u] * keep[blockOffset + u] + val[blockOffset + u]);
      }
    }
  }

  /** As {@link #storeDzBlocks(int, double[][])}, from float arrays (∂b comes from xaᵀ·dz). */
  protected final void storeDzBlocks(int t, float[][] dzs) {
    dz.writeBlocks(dzs, batch, h, (long) t * batch * n);
  }

  /**
   * Stores one step's ∂loss/∂(pre-activations), one [B·H] array per gate block in column order:
   * adds them into the bias gradient and writes them, interleaved, into {@link #dz} at step t.
   */
  protected final void storeDzBlocks(int t, double[][] dzs) {
    for (int k = 0; k < dzs.length; k++) {
      double[] dk = dzs[k];
      int bo = k * h;
      for (int r = 0; r < batch; r++) {
        int o = r * h;
        for (int u = 0; u < h; u++) {
          dbSum[bo + u] += dk[o + u];
        }
      }
    }
    dz.writeBlocks(dzs, batch, h, (long) t * batch * n);
  }

  /** dW = inputᵀ·dz. */
  final void inputSideGradient() {
    if (f32) {
      dw.assign(jointInGrad); // from xaᵀ·dz
      return;
    }
    Nd.gemm(input, dz.array, dw, true, false, 0); // [in, n]
  }

  /**
   * The folded input side's gradients: with G = xᵀ·dz and s = Σ rows of dz, dW = Wpᵀ·G + bpᵀ·s, dWp
   * = G·Wᵀ, dbp = s·Wᵀ.
   */
  final void inputSideGradientFolded(INDArray wp, INDArray bp, INDArray dwp, INDArray dbp) {
    INDArray g = foldedGrad; // [F, n]
    if (f32) {
      g = jointInGrad; // from xaᵀ·dz
    } else {
      Nd.gemm(input, dz.array, g, true, false, 0);
    }
    INDArray s = db; // [1, n], already Σ dz
    Nd.gemm(wp, g, dw, true, false, 0); // [P, n]
    Nd.gemm(bp, s, dw, true, false, 1);
    Nd.gemm(g, w, dwp, false, true, 0); // [F, P]
    Nd.gemm(s, w, dbp, false, true, 0); // [1, P]
  }

  /** ∂loss/∂input = dz·Wᵀ, [T·B, in]. */
  final INDArray inputGradient() {
    INDArray dx = Nd4j.zeros(dtype, (long) T * batch, in);
    Nd.gemm(dz.array, w, dx, false, true, 0);
    return dx;
  }

  /** The same through a folded projection: dz·(Wp·W)ᵀ, [T·B, F]. */
  final INDArray inputGradientFolded(INDArray wp) {
    INDArray weff = wp.mmul(w); // [F, n]
    INDArray dx = Nd4j.zeros(dtype, (long) T * batch, wp.rows());
    Nd.gemm(dz.array, weff, dx, false, true, 0);
    return dx;
  }

  // ---- outputs and traces ----

  /** Element i of a⟨t⟩ ([B·H], t = 0..T) from the last forward pass. */
  final double hidden(int t, int i) {
    return f32 ? aF[t][i] : a[t][i];
  }

  /** a⟨1..T⟩ as one [T·B, H] view (the input of the layer above). */
  final INDArray outputs() {
    if (f32) {
      return xa.array.get(
          NDArrayIndex.interval(batch, (long) (T + 1) * batch), NDArrayIndex.interval(0, h));
    }
    return Nd.rows(aN.array, batch, (long) (T + 1) * batch);
  }

  /** a⟨T⟩ [B, H] view. */
  final INDArray last() {
    return f32 ? aAt[T] : aNAt[T];
  }

  /** a⟨0..T−1⟩ as one [T·B, H] view: the previous hidden state of every step. */
  final INDArray previousOutputs() {
    return Nd.rows(aN.array, 0, (long) T * batch);
  }

  /** The [T][H] trace of q for one sample of the last forward pass. */
  abstract float[][] trace(Quantity q, int sample);

  /**
   * Copies [T][H] for one sample from per-step Java arrays [B·width], starting at step array {@code
   * first} (1 for arrays that hold the initial state at 0).
   */
  protected final float[][] extract(double[][] steps, int width, int col, int first, int s) {
    float[][] out = new float[T][h];
    for (int t = 0; t < T; t++) {
      double[] src = steps[t + first];
      int o = s * width + col;
      for (int u = 0; u < h; u++) {
        out[t][u] = (float) src[o + u];
      }
    }
    return out;
  }

  /** Starts recording ∂loss/∂a⟨t⟩ during the next backward pass; returns the [T·B·H] array. */
  final double[] recordHiddenGradients() {
    daRecord = new double[T * batch * h];
    return daRecord;
  }

  final void stopRecording() {
    daRecord = null;
  }

  protected final void recordDa(int t, double[] da) {
    if (daRecord != null) {
      System.arraycopy(da, 0, daRecord, t * batch * h, batch * h);
    }
  }

  protected final void recordDa(int t, float[] da) {
    if (daRecord != null) {
      int o = t * batch * h;
      for (int i = 0; i < batch * h; i++) {
        daRecord[o + i] = da[i];
      }
    }
  }

  /** As {@link #extract(double[][], int, int, int, int)}, from float arrays. */
  protected final float[][] extract(float[][] steps, int width, int col, int first, int s) {
    float[][] out = new float[T][h];
    for (int t = 0; t < T; t++) {
      System.arraycopy(steps[t + first], s * width + col, out[t], 0, h);
    }
    return out;
  }

  // ---- helpers ----

  /** The gate blocks of this cell's n columns, as quantities (for clamping). */
  abstract List<Quantity> blocks();

  /** keep/value vectors of width n for the clamps of this layer, or null when none. */
  private double[][] clampVectors(List<Intervention> all) {
    double[] keep = new double[n];
    double[] val = new double[n];
    Arrays.fill(keep, 1.0);
    boolean any = false;
    List<Quantity> blocks = blocks();
    for (Intervention iv : all) {
      int block = blocks.indexOf(iv.quantity());
      if (iv.layer() != index() || block < 0 || !iv.quantity().isGate()) {
        continue;
      }
      for (int u = 0; u < h; u++) {
        if (iv.covers(u)) {
          keep[block * h + u] = 0;
          val[block * h + u] = iv.value();
          any = true;
        }
      }
    }
    return any ? new double[][] {keep, val} : null;
  }

  private double[] hiddenScale(List<Intervention> all) {
    double[] f = new double[h];
    Arrays.fill(f, 1.0);
    boolean any = false;
    for (Intervention iv : all) {
      if (iv.layer() == index() && iv.quantity() == Quantity.HIDDEN) {
        for (int u = 0; u < h; u++) {
          if (iv.covers(u)) {
            f[u] = iv.value();
            any = true;
          }
        }
      }
    }
    return any ? f : null;
  }

  /** Layer index from the prefix "l0.", "l1.", ... */
  final int index() {
    return Integer.parseInt(prefix.substring(1, prefix.length() - 1));
  }

  /** Views of the k consecutive [B, cols] row blocks of m. */
  static INDArray[] stepViews(INDArray m, int k, int bs) {
    INDArray[] v = new INDArray[k];
    for (int t = 0; t < k; t++) {
      v[t] = Nd.rows(m, (long) t * bs, (long) (t + 1) * bs);
    }
    return v;
  }
}
