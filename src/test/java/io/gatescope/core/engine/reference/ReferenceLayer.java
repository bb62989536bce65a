package io.gatescope.core.engine.reference;

import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One recurrent layer of the reference, over {@link ModelConfig#STEPS} timesteps, in plain double
 * arithmetic, one sample and one unit at a time. A subclass writes one cell's step and its step
 * back; this class runs them over the steps and samples, applies the scale of a (an intervention on
 * {@link Quantity#HIDDEN}) after each step, keeps every value for the trace, and adds a test's
 * {@link Nudge} to the one value it names.
 *
 * <p>Arrays are [step][sample][unit]; step t here is the lesson's step t+1 (a⟨t⟩ is {@code a[t +
 * 1]}, a⟨0⟩ = 0).
 */
abstract class ReferenceLayer {
  static final int T = ModelConfig.STEPS;

  final int index;
  final int in;
  final int h;
  final String prefix;

  private List<Intervention> interventions = List.of();
  int batch;

  /** The layer's input, [T][B][in]. */
  double[][][] x;

  /** a⟨0..T⟩ after any scale, [T+1][B][H]: what the next step, layer and output read. */
  double[][][] a;

  /** Every quantity of the cell as it went on (after a clamp or scale), [T][B][H]. */
  final Map<Quantity, double[][][]> values = new EnumMap<>(Quantity.class);

  /** The argument of each σ or tanh, [T][B][H]. */
  final Map<Quantity, double[][][]> pre = new EnumMap<>(Quantity.class);

  /** Gates and a as the cell computed them, before an intervention replaced them, [T][B][H]. */
  final Map<Quantity, double[][][]> computed = new EnumMap<>(Quantity.class);

  /** ∂loss/∂a⟨t⟩ of the last backward pass, all paths summed, [T][B][H]. */
  double[][][] hiddenGradient;

  /**
   * A small change added to one value of one layer right after the cell computes it, before
   * anything uses it, so that a test can take ∂loss/∂(that value) by finite differences: a gate or
   * c̃ after its σ or tanh (and after any clamp), c⟨t⟩ (the LSTM's) as it goes into tanh and into
   * step t+1, a⟨t⟩ after any scale. Step is 0-based like the arrays.
   */
  record Nudge(int layer, Quantity quantity, int step, int sample, int unit, double delta) {}

  private Nudge nudge;

  ReferenceLayer(int index, int in, int h) {
    this.index = index;
    this.in = in;
    this.h = h;
    this.prefix = "l" + index + ".";
  }

  /** The quantities that have a pre-activation (the σ or tanh blocks of this cell). */
  abstract List<Quantity> preQuantities();

  /** The quantities a trace shows, in display order. */
  abstract List<Quantity> quantities();

  /** One step of one sample: the cell's values at step t and a[t + 1][s], before any scale. */
  abstract void step(int t, int s);

  /** Called before the steps back of each sample (a cell may carry state back, like ∂c). */
  void startBackward() {}

  /**
   * One step back for one sample: from da = ∂loss/∂a⟨t⟩ (all paths), accumulates the parameter
   * gradients into {@code grads}, adds ∂loss/∂x⟨t⟩ into dx and returns ∂loss/∂a⟨t−1⟩ through this
   * step.
   */
  abstract double[] backStep(int t, int s, double[] da, double[] dx, ReferenceParams grads);

  // ---- forward ----

  /** Runs every step; returns a⟨1..T⟩ (after any scale), [T][B][H]. */
  final double[][][] forward(double[][][] input, List<Intervention> all) {
    return forward(input, all, null);
  }

  final double[][][] forward(double[][][] input, List<Intervention> all, Nudge nudge) {
    this.nudge = nudge;
    this.x = input;
    this.interventions = all.stream().filter(iv -> iv.layer() == index).toList();
    this.batch = input[0].length;
    this.a = new double[T + 1][batch][h];
    for (Quantity q : quantities()) {
      values.put(q, new double[T][batch][h]);
    }
    for (Quantity q : preQuantities()) {
      pre.put(q, new double[T][batch][h]);
    }
    for (Quantity q : quantities()) {
      if (q.isGate() || q == Quantity.HIDDEN) {
        computed.put(q, new double[T][batch][h]);
      }
    }
    for (int t = 0; t < T; t++) {
      for (int s = 0; s < batch; s++) {
        step(t, s);
        for (int u = 0; u < h; u++) {
          computed.get(Quantity.HIDDEN)[t][s][u] = a[t + 1][s][u];
          a[t + 1][s][u] = nudged(Quantity.HIDDEN, t, s, u, a[t + 1][s][u] * scale(u));
          values.get(Quantity.HIDDEN)[t][s][u] = a[t + 1][s][u];
        }
      }
    }
    double[][][] out = new double[T][][];
    System.arraycopy(a, 1, out, 0, T);
    return out;
  }

  /**
   * Keeps the pre-activation z of a gate or candidate and its value as computed, and returns the
   * value the cell goes on with: a gate's clamp if an intervention covers unit u (the last one that
   * does), else the value as computed.
   */
  final double activated(Quantity q, int t, int s, int u, double z, double computedValue) {
    pre.get(q)[t][s][u] = z;
    if (q.isGate()) {
      computed.get(q)[t][s][u] = computedValue;
    }
    double v = computedValue;
    for (Intervention iv : interventions) {
      if (iv.quantity() == q && iv.covers(u)) {
        v = iv.value();
      }
    }
    v = nudged(q, t, s, u, v);
    values.get(q)[t][s][u] = v;
    return v;
  }

  /** The value v of q at (t, s, u), plus the nudge's delta if the nudge is on it. */
  final double nudged(Quantity q, int t, int s, int u, double v) {
    boolean here =
        nudge != null
            && nudge.layer() == index
            && nudge.quantity() == q
            && nudge.step() == t
            && nudge.sample() == s
            && nudge.unit() == u;
    return here ? v + nudge.delta() : v;
  }

  /** The factor for a of unit u: the last HIDDEN intervention that covers it, else 1. */
  final double scale(int u) {
    double f = 1;
    for (Intervention iv : interventions) {
      if (iv.quantity() == Quantity.HIDDEN && iv.covers(u)) {
        f = iv.value();
      }
    }
    return f;
  }

  // ---- backward ----

  /**
   * BPTT: from dOut = ∂loss/∂a⟨t⟩ coming from above (the output layer or the next layer),
   * [T][B][H], accumulates the gradients of this layer's parameters into {@code grads}; returns
   * ∂loss/∂x⟨t⟩, [T][B][in].
   */
  final double[][][] backward(double[][][] dOut, ReferenceParams grads) {
    if (!interventions.isEmpty()) {
      throw new IllegalStateException("the reference has no gradients with interventions");
    }
    double[][][] dx = new double[T][batch][in];
    hiddenGradient = new double[T][batch][h];
    for (int s = 0; s < batch; s++) {
      startBackward();
      double[] fromNext = new double[h]; // ∂loss/∂a⟨t⟩ through step t+1
      for (int t = T - 1; t >= 0; t--) {
        double[] da = new double[h];
        for (int u = 0; u < h; u++) {
          da[u] = dOut[t][s][u] + fromNext[u];
        }
        hiddenGradient[t][s] = da;
        fromNext = backStep(t, s, da, dx[t][s], grads);
      }
    }
    return dx;
  }

  // ---- arithmetic ----

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Σ_i v[i]·m[i][col]: one column of a product v·m. */
  static double dotColumn(double[] v, double[][] m, int col) {
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sum += v[i] * m[i][col];
    }
    return sum;
  }

  /** g[i][col] += v[i]·d: the gradient of column col of a weight matrix that multiplied v. */
  static void addOuter(double[][] g, double[] v, int col, double d) {
    for (int i = 0; i < v.length; i++) {
      g[i][col] += v[i] * d;
    }
  }

  /** out[i] += m[i][col]·d: the gradient of the vector that multiplied m, through column col. */
  static void addColumn(double[] out, double[][] m, int col, double d) {
    for (int i = 0; i < out.length; i++) {
      out[i] += m[i][col] * d;
    }
  }
}
