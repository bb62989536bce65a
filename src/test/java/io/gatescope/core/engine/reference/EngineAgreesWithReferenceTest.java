package io.gatescope.core.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.ParamSet;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.StepGradients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The single-precision engine against the double-precision {@link ReferenceModel}, with the same
 * parameters (the engine's own, read as doubles): probabilities, loss, every named gradient, the
 * per-step gradients, and every number of a trace, with and without interventions.
 *
 * <p>Tolerances. The engine computes in float (rounding 6e-8 per operation) with a rational tanh
 * and σ good to 3e-7, over 28 sequential steps whose errors carry on through a⟨t⟩ and c⟨t⟩; the
 * reference in double with Math.tanh and exp, on the same inputs (float pixels and float weights
 * read exactly as doubles). With the engine's own initial weights:
 *
 * <ul>
 *   <li>forward values (gates, c̃, c, a, pre-activations, logits, probabilities) must agree to
 *       {@value #VALUES} of max(1, the array's largest magnitude); the largest difference seen is
 *       3.3e-6 (an RNN's a), so about ten times that;
 *   <li>gradients sum many products of both signs (over steps, samples and units), so their
 *       rounding scales with the matrix's largest entry, not with each entry: each named gradient
 *       must agree to {@value #GRADIENTS} of its largest magnitude (seen: 3.2e-6);
 *   <li>per-step gradient norms must agree to {@value #GRADIENTS} of their own size (seen: 9.5e-6),
 *       plus a floor a hundred times below the smallest norm here: the gradient-flow plot reads
 *       them on a log scale, so the small early-step norms must be right too.
 * </ul>
 *
 * Models whose weights are scaled up to saturate gates get a {@link Case#slack()}: rounding in x·W
 * grows with |W|, and a saturating recurrence amplifies it from step to step (seen with weights ×5:
 * 5e-5 in a GRU's logits, 7e-5 in its ∂x norms, where the same GRU at ×1 agrees to 2e-7).
 */
class EngineAgreesWithReferenceTest {
  private static final int T = ModelConfig.STEPS;
  private static final double VALUES = 3e-5;
  private static final double GRADIENTS = 1e-4;
  private static final double NORM_FLOOR = 1e-9;

  /**
   * A projection narrower and wider than some batches' T·B (the engine folds it for every batch).
   */
  private static final int P = 32;

  /**
   * A model to compare: the engine's initial weights from the config's seed, times {@code weights}
   * (above 1, gates and tanh saturate for part of the image), with tolerances times {@code slack}.
   */
  record Case(ModelConfig cfg, double weights, double slack) {
    RecurrentClassifier engine() {
      RecurrentClassifier m = RecurrentClassifier.create(cfg);
      m.params().flat().muli(weights);
      return m;
    }

    double values() {
      return VALUES * slack;
    }

    double gradients() {
      return GRADIENTS * slack;
    }

    @Override
    public String toString() {
      return cfg.cell()
          + " layers="
          + cfg.layers()
          + " H="
          + cfg.hidden()
          + " P="
          + cfg.projection()
          + " "
          + cfg.reading().name()
          + " weights×"
          + weights;
    }
  }

  static Stream<Case> models() {
    return Stream.of(
        new Case(new ModelConfig(CellType.LSTM, 1, 5, 0, 1.0, 3), 1, 1),
        new Case(new ModelConfig(CellType.LSTM, 2, 4, P, 1.0, 5), 1, 1),
        new Case(new ModelConfig(CellType.LSTM, 1, 4, 0, 1.0, 7, Reading.COLUMNS), 5, 10),
        new Case(new ModelConfig(CellType.GRU, 1, 5, 0, 0, 11), 1, 1),
        new Case(new ModelConfig(CellType.GRU, 2, 4, P, 0, 13, Reading.PERMUTED_ROWS), 1, 1),
        new Case(new ModelConfig(CellType.GRU, 1, 4, 0, 0, 17, Reading.COLUMNS), 5, 10),
        new Case(new ModelConfig(CellType.RNN, 1, 5, 0, 0, 19), 1, 1),
        new Case(new ModelConfig(CellType.RNN, 2, 4, P, 0, 23, Reading.COLUMNS), 1, 1),
        new Case(new ModelConfig(CellType.RNN, 1, 4, 0, 0, 29, Reading.PERMUTED_ROWS), 2, 1));
  }

  private static ReferenceModel reference(RecurrentClassifier m) {
    return new ReferenceModel(m.config(), m.params().flat().toDoubleVector());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void theParameterLayoutIsTheEngines(Case c) {
    List<ParamSet.Spec> specs = c.engine().params().specs();
    List<ReferenceParams.Block> blocks = ReferenceParams.layout(c.cfg());
    assertEquals(specs.size(), blocks.size());
    for (int i = 0; i < specs.size(); i++) {
      ParamSet.Spec s = specs.get(i);
      ReferenceParams.Block b = blocks.get(i);
      assertEquals(s.name(), b.name());
      assertEquals(s.rows(), b.rows(), s.name());
      assertEquals(s.cols(), b.cols(), s.name());
    }
  }

  /** Batches of 8, 3 and 1 on the same model object (the engine keeps buffers per batch size). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void lossProbabilitiesAndEveryGradientAgree(Case c) {
    ModelConfig cfg = c.cfg();
    RecurrentClassifier m = c.engine();
    ReferenceModel ref = reference(m);
    for (int b : new int[] {8, 3, 1}) {
      float[][] images = images(b, 100 + b);
      int[] labels = labels(b, 200 + b);
      String at = c + " B=" + b;
      StepGradients sg = new StepGradients();
      double loss = m.lossAndGradient(Batches.timeMajor(images), labels, sg);
      float[][] probs = m.lastProbabilities();
      ReferenceModel.Gradients g = ref.lossAndGradient(doubles(images), labels);

      assertEquals(g.loss(), loss, c.values() * Math.max(1, g.loss()), "loss " + at);
      assertEquals(g.loss(), m.loss(Batches.timeMajor(images), labels), c.values(), "loss " + at);
      double[][] refProbs = ref.probabilities(doubles(images), List.of());
      float[][] predicted = m.predict(Batches.timeMajor(images));
      for (int s = 0; s < b; s++) {
        close("P(class) s=" + s + " " + at, refProbs[s], toDouble(probs[s]), c.values(), 1);
        close("predict s=" + s + " " + at, refProbs[s], toDouble(predicted[s]), c.values(), 1);
      }
      double[] engineGrad = m.gradients().flat().toDoubleVector();
      for (ReferenceParams.Block blk : ReferenceParams.layout(cfg)) {
        double[] r = slice(g.flat(), blk);
        close("∂" + blk.name() + " " + at, r, slice(engineGrad, blk), c.gradients(), maxAbs(r));
      }
      normsClose("‖∂a⟨t⟩‖ " + at, norms(g.hidden()), sg.hiddenNorms(), c.gradients());
      normsClose("‖∂x⟨t⟩‖ " + at, norms(g.input()), sg.inputNorms(), c.gradients());
    }
  }

  /**
   * Traces of a batch of 9 and of one image (after it, a smaller batch on the same object), without
   * and with interventions: every quantity, pre-activation, value as computed, and P(class | slices
   * 1..t).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyTracedNumberAgrees(Case c) {
    ModelConfig cfg = c.cfg();
    double tol = c.values();
    RecurrentClassifier m = c.engine();
    ReferenceModel ref = reference(m);
    for (List<Intervention> ivs : List.of(List.<Intervention>of(), interventions(cfg))) {
      float[][] batch = images(9, 300);
      List<GateTrace> traces = m.traceBatch(Batches.timeMajor(batch), ivs);
      List<ReferenceTrace> expected = ref.trace(doubles(batch), ivs);
      if (c.weights() > 1 && ivs.isEmpty()) {
        assertTrue(saturates(expected.get(0)), c + " saturates somewhere");
      }
      for (int s = 0; s < batch.length; s++) {
        traceClose(c + " " + ivs + " B=9 s=" + s, expected.get(s), traces.get(s), tol);
        assertEquals(ivs, traces.get(s).interventions());
      }
      float[] one = images(1, 400)[0];
      GateTrace single = m.trace(one, ivs);
      traceClose(c + " " + ivs + " B=1", ref.trace(doubles(one), ivs).get(0), single, tol);

      INDArray logits = m.forward(Batches.timeMajor(batch), ivs);
      double[][] z = ref.forward(doubles(batch), ivs).logits();
      double[][] zEngine = logits.toDoubleMatrix();
      for (int s = 0; s < batch.length; s++) {
        double scaleZ = Math.max(1, maxAbs(z[s]));
        close("logits s=" + s + " " + ivs + " " + c, z[s], zEngine[s], tol, scaleZ);
      }
    }
  }

  /**
   * Clamps and scales that change the forward pass of every layer: a gate of layer 0 clamped to 0
   * for two units (Γf for the LSTM), one unit silenced, a gate of the top layer clamped for all
   * units, a of the top layer halved for one unit, and two clamps on one unit (the last wins).
   */
  static List<Intervention> interventions(ModelConfig cfg) {
    int top = cfg.layers() - 1;
    List<Intervention> ivs = new ArrayList<>();
    switch (cfg.cell()) {
      case LSTM -> {
        ivs.add(new Intervention(0, Quantity.FORGET, new int[] {0, 2}, 0f));
        ivs.add(Intervention.clampAll(top, Quantity.OUTPUT, 0.9f));
        ivs.add(new Intervention(top, Quantity.UPDATE, new int[] {3}, 0.2f));
        ivs.add(new Intervention(top, Quantity.UPDATE, new int[] {3}, 0.7f));
      }
      case GRU -> {
        ivs.add(new Intervention(0, Quantity.RESET, new int[] {0, 2}, 0f));
        ivs.add(Intervention.clampAll(top, Quantity.UPDATE, 0.6f));
        ivs.add(new Intervention(top, Quantity.RESET, new int[] {3}, 0.2f));
        ivs.add(new Intervention(top, Quantity.RESET, new int[] {3}, 1f));
      }
      case RNN -> ivs.add(new Intervention(top, Quantity.HIDDEN, new int[] {2}, 2f));
    }
    ivs.add(Intervention.silence(0, 1));
    ivs.add(new Intervention(top, Quantity.HIDDEN, new int[] {0}, 0.5f));
    return ivs;
  }

  // ---- comparisons ----

  private static void traceClose(String at, ReferenceTrace r, GateTrace e, double tol) {
    assertEquals(r.values().size(), e.layers().size(), "layers " + at);
    for (int l = 0; l < r.values().size(); l++) {
      String al = at + " layer " + l;
      assertEquals(r.values().get(l).keySet(), e.layers().get(l).keySet(), "quantities " + al);
      assertEquals(r.pre().get(l).keySet(), e.preActivations().get(l).keySet(), "pre " + al);
      assertEquals(r.computed().get(l).keySet(), e.asComputed().get(l).keySet(), "kept " + al);
      matrixClose(al + " value", r.values().get(l), e.layers().get(l), tol);
      matrixClose(al + " pre", r.pre().get(l), e.preActivations().get(l), tol);
      matrixClose(al + " as computed", r.computed().get(l), e.asComputed().get(l), tol);
    }
    for (int t = 0; t < T; t++) {
      close(
          at + " P(class | 1.." + (t + 1) + ")",
          r.stepProbabilities()[t],
          toDouble(e.stepProbabilities()[t]),
          tol,
          1);
    }
    close(at + " probabilities", r.probabilities(), toDouble(e.probabilities()), tol, 1);
    double[] p = r.probabilities().clone();
    int best = argmax(p);
    double first = p[best];
    p[best] = -1;
    if (first - p[argmax(p)] > 10 * tol) { // a clear winner: float must not flip it
      assertEquals(best, e.prediction(), at + " prediction");
    }
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Whether some gate of the trace is within 1e-3 of 0 or 1, or some a within 1e-3 of ±1. */
  private static boolean saturates(ReferenceTrace r) {
    for (Map<Quantity, double[][]> layer : r.values()) {
      for (Map.Entry<Quantity, double[][]> e : layer.entrySet()) {
        for (double[] row : e.getValue()) {
          for (double v : row) {
            double bound = e.getKey().isGate() ? Math.min(v, 1 - v) : 1 - Math.abs(v);
            if (e.getKey() != Quantity.CELL && bound < 1e-3) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static void matrixClose(
      String at, Map<Quantity, double[][]> ref, Map<Quantity, float[][]> engine, double tol) {
    ref.forEach(
        (q, r) -> {
          float[][] e = engine.get(q);
          assertEquals(T, e.length, at + " " + q.symbol());
          double scale = 1;
          for (double[] row : r) {
            scale = Math.max(scale, maxAbs(row));
          }
          for (int t = 0; t < T; t++) {
            close(at + " " + q.symbol() + " t=" + (t + 1), r[t], toDouble(e[t]), tol, scale);
          }
        });
  }

  /** |engine − reference| ≤ tol·scale, entry by entry. */
  private static void close(String at, double[] ref, double[] engine, double tol, double scale) {
    assertEquals(ref.length, engine.length, at);
    for (int i = 0; i < ref.length; i++) {
      double err = Math.abs(engine[i] - ref[i]);
      if (!(err <= tol * scale)) {
        throw new AssertionError(
            at
                + " ["
                + i
                + "]: engine "
                + engine[i]
                + ", reference "
                + ref[i]
                + " (off by "
                + err
                + ", allowed "
                + tol * scale
                + ")");
      }
    }
  }

  private static void normsClose(String at, double[] ref, double[] engine, double tol) {
    assertEquals(T, engine.length, at);
    for (int t = 0; t < T; t++) {
      double err = Math.abs(engine[t] - ref[t]);
      if (!(err <= tol * ref[t] + NORM_FLOOR)) {
        throw new AssertionError(
            at + " t=" + (t + 1) + ": engine " + engine[t] + ", reference " + ref[t]);
      }
    }
  }

  // ---- data ----

  /** MNIST-like: about half the pixels 0, the rest anywhere in (0, 1]. */
  static float[][] images(int b, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] out = new float[b][T * ModelConfig.FEATURES];
    for (float[] img : out) {
      for (int i = 0; i < img.length; i++) {
        img[i] = r.nextBoolean() ? 0f : (float) r.nextDouble();
      }
    }
    return out;
  }

  private static int[] labels(int b, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] y = new int[b];
    for (int i = 0; i < b; i++) {
      y[i] = r.nextInt(ModelConfig.CLASSES);
    }
    return y;
  }

  private static double[][] doubles(float[]... images) {
    double[][] out = new double[images.length][];
    for (int i = 0; i < images.length; i++) {
      out[i] = toDouble(images[i]);
    }
    return out;
  }

  private static double[] toDouble(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }

  private static double[] slice(double[] flat, ReferenceParams.Block b) {
    double[] out = new double[b.size()];
    System.arraycopy(flat, b.offset(), out, 0, b.size());
    return out;
  }

  /** ‖m⟨t⟩‖ over samples and units, per step of a [T][B][n] array. */
  private static double[] norms(double[][][] m) {
    double[] out = new double[T];
    for (int t = 0; t < T; t++) {
      double sq = 0;
      for (double[] row : m[t]) {
        for (double v : row) {
          sq += v * v;
        }
      }
      out[t] = Math.sqrt(sq);
    }
    return out;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
