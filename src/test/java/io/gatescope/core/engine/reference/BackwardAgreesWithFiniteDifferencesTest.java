package io.gatescope.core.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.TestImages;
import io.gatescope.core.engine.BackwardTrace;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's {@link BackwardTrace} against central finite differences of the double-precision
 * {@link ReferenceModel}'s loss, with the same parameters (the engine's own, read as doubles):
 * ∂L/∂q of every quantity the cell keeps, where the reference's value of q at (t, u) is nudged by
 * ±ε right after it is computed (see {@link ReferenceLayer.Nudge}); ∂L/∂pixel and the connectivity
 * triangle, where a pixel of the picture is nudged; row occlusion, loss and probability, from the
 * reference's forward passes. L = −log P(target | whole image) of one image. Sampled, not swept:
 * {@value #SAMPLES} (t, u) per quantity and layer, all 28 pixels of {@value #STEPS_SAMPLED} steps
 * (the first and the last among them); a few seconds for all models.
 *
 * <p>The finite differences. Central differences with ε = {@value #EPS} are off by ε²|f‴|/6
 * (truncation) plus about u·|L|/ε from the double loss's rounding (u = 1.1e-16, so ~1e-10 here).
 * Measured against ε = 1e-4 and 1e-6: a nudged gate, c or a gives ∂L/∂q to 5e-9 (under 1e-6 of the
 * largest sampled gradient of any quantity); a nudged pixel is less smooth in the saturated RNN:
 * 1e-4 off on a derivative of 30 (4e-6 of it), ~1e-9 absolute on the smallest. Both well below the
 * float engine's own error.
 *
 * <p>Tolerances. The engine works in float (6e-8 per operation, a rational tanh and σ good to
 * 3e-7), 28 steps forward and back, against the reference in double. As in {@link
 * EngineAgreesWithReferenceTest}, a gradient's rounding scales with the largest magnitudes that
 * flow through the sums, not with each entry, so:
 *
 * <ul>
 *   <li>each sampled ∂L/∂q (gates, c̃, c, a, every layer) and each ∂L/∂pixel must agree to {@value
 *       #GRADIENTS} of the largest sampled magnitude of its group; the largest difference seen is
 *       2.8e-6 of it (a saturated GRU's ∂L/∂Γr; 1.3e-6 for its ∂L/∂pixel), without saturation at
 *       most 9e-7;
 *   <li>connectivity entries span orders of magnitude (a vanishing RNN's far past is below 1e-11 of
 *       its largest entry), and they are there to show how fast dependence fades: each must agree
 *       to {@value #GRADIENTS} of the largest sampled entry (seen: 9e-7), and those at least
 *       {@value #CONNECTIVITY_FROM} of it also to {@value #CONNECTIVITY_OWN} of their own size
 *       (seen: 3.5e-5, in the saturated RNN's far past; 8e-6 for every other model). Below that,
 *       float's 1 − a² of saturated units and the differences' round-off leave few relative digits
 *       (15% off seen at 1e-9);
 *   <li>P(target), and each row occlusion (a difference of two P), must agree to {@value
 *       #PROBABILITIES} (seen: 3e-8 and 1.2e-7); L to {@value #LOSS} of max(1, L) (seen: 7e-7 where
 *       L = 6.1, the relative error of a P of 2e-3).
 * </ul>
 *
 * The models with weights ×3 saturate somewhere (asserted), so the gradients through nearly flat σ
 * and tanh are checked too.
 */
class BackwardAgreesWithFiniteDifferencesTest {
  private static final int T = ModelConfig.STEPS;
  private static final int F = ModelConfig.FEATURES;
  private static final double EPS = 1e-5;
  private static final double GRADIENTS = 3e-5;
  private static final double CONNECTIVITY_OWN = 3e-4;
  private static final double CONNECTIVITY_FROM = 1e-6;
  private static final double PROBABILITIES = 1e-6;
  private static final double LOSS = 1e-6;

  /** (t, u) sampled per quantity and layer, steps t = 1 and T among them. */
  private static final int SAMPLES = 20;

  /** Steps whose 28 pixels are all nudged, the first and the last among them. */
  private static final int STEPS_SAMPLED = 6;

  /**
   * A model: the engine's initial weights from the config's seed, times {@code weights} (3 makes
   * gates and tanh saturate for part of the image), L for class {@code target}.
   */
  record Case(ModelConfig cfg, double weights, int target) {
    RecurrentClassifier engine() {
      RecurrentClassifier m = RecurrentClassifier.create(cfg);
      m.params().flat().muli(weights);
      return m;
    }

    ReferenceModel reference(RecurrentClassifier engine) {
      return new ReferenceModel(cfg, engine.params().flat().toDoubleVector());
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
        new Case(new ModelConfig(CellType.LSTM, 1, 16, 12, 1.0, 3), 1, 4),
        new Case(new ModelConfig(CellType.LSTM, 1, 12, 8, 1.0, 5), 3, 7),
        new Case(new ModelConfig(CellType.LSTM, 2, 12, 10, 1.0, 7), 1, 2),
        new Case(new ModelConfig(CellType.GRU, 1, 16, 12, 0, 11), 1, 0),
        new Case(new ModelConfig(CellType.GRU, 1, 12, 8, 0, 13, Reading.COLUMNS), 3, 9),
        new Case(new ModelConfig(CellType.RNN, 1, 16, 12, 0, 17, Reading.PERMUTED_ROWS), 1, 5),
        new Case(new ModelConfig(CellType.RNN, 1, 12, 8, 0, 19), 3, 3));
  }

  /** What a backward trace keeps per cell. */
  private static Set<Quantity> kept(CellType cell) {
    return switch (cell) {
      case LSTM ->
          EnumSet.of(
              Quantity.UPDATE,
              Quantity.FORGET,
              Quantity.OUTPUT,
              Quantity.CANDIDATE,
              Quantity.CELL,
              Quantity.HIDDEN);
      case GRU -> EnumSet.of(Quantity.RESET, Quantity.UPDATE, Quantity.CANDIDATE, Quantity.HIDDEN);
      case RNN -> EnumSet.of(Quantity.HIDDEN);
    };
  }

  /** Sparse like a digit, with the first and the last three picture rows blank. */
  private static float[] image() {
    float[] img = TestImages.sparse(41);
    Arrays.fill(img, 0, 3 * F, 0f);
    Arrays.fill(img, 25 * F, T * F, 0f);
    return img;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyKeptGradientAgreesWithNudgingItsValue(Case c) {
    RecurrentClassifier m = c.engine();
    ReferenceModel ref = c.reference(m);
    float[] img = image();
    BackwardTrace back = m.backwardTrace(img, c.target());
    double[][] images = {toDouble(img)};
    int[] label = {c.target()};
    if (c.weights() > 1) {
      assertTrue(saturates(ref.trace(images, List.of()).get(0)), c + " saturates somewhere");
    }
    assertEquals(c.cfg().layers(), back.layers().size(), "layers");
    SplittableRandom r = new SplittableRandom(c.cfg().seed());
    for (int l = 0; l < c.cfg().layers(); l++) {
      Map<Quantity, float[][]> layer = back.layers().get(l);
      assertEquals(kept(c.cfg().cell()), layer.keySet(), "kept quantities of layer " + l);
      for (Quantity q : layer.keySet()) {
        float[][] g = layer.get(q);
        Agreement agree = new Agreement(c + " layer " + l + " ∂L/∂" + q.symbol());
        for (int i = 0; i < SAMPLES; i++) {
          int t = i == 0 ? T - 1 : i == 1 ? 0 : r.nextInt(T);
          int u = r.nextInt(c.cfg().hidden());
          double plus = ref.loss(images, label, new ReferenceLayer.Nudge(l, q, t, 0, u, EPS));
          double minus = ref.loss(images, label, new ReferenceLayer.Nudge(l, q, t, 0, u, -EPS));
          agree.add("t=" + (t + 1) + " u=" + u, g[t][u], (plus - minus) / (2 * EPS));
        }
        agree.check(GRADIENTS, 0, 0);
      }
    }
  }

  /**
   * For a few steps s, every pixel read at s nudged: ∂L/∂pixel where the picture has it, and column
   * s of the connectivity triangle, ‖∂ log P(target | slices 1..t+1)/∂x⟨s+1⟩‖ for every t.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void pixelGradientsAndConnectivityAgreeWithNudgingPixels(Case c) {
    RecurrentClassifier m = c.engine();
    ReferenceModel ref = c.reference(m);
    float[] img = image();
    BackwardTrace back = m.backwardTrace(img, c.target());
    double[] image = toDouble(img);
    Reading reading = c.cfg().reading();
    SplittableRandom r = new SplittableRandom(c.cfg().seed() + 1);
    Agreement pixels = new Agreement(c + " ∂L/∂pixel");
    Agreement connectivity = new Agreement(c + " connectivity");
    for (int i = 0; i < STEPS_SAMPLED; i++) {
      int s = i == 0 ? 0 : i == 1 ? T - 1 : r.nextInt(T);
      double[][] dLogP = new double[T][F]; // ∂ log P(target | slices 1..t+1)/∂x⟨s+1⟩_f
      for (int f = 0; f < F; f++) {
        int pixel = pictureIndex(reading, s, f);
        double orig = image[pixel];
        image[pixel] = orig + EPS;
        double[] plus = logPAfterEveryStep(ref, image, c.target());
        image[pixel] = orig - EPS;
        double[] minus = logPAfterEveryStep(ref, image, c.target());
        image[pixel] = orig;
        for (int t = 0; t < T; t++) {
          dLogP[t][f] = (plus[t] - minus[t]) / (2 * EPS);
        }
        String at = "step " + (s + 1) + " pixel (" + pixel / F + ", " + pixel % F + ")";
        pixels.add(at, back.input()[pixel], -dLogP[T - 1][f]);
      }
      for (int t = 0; t < T; t++) {
        double norm = Math.sqrt(Arrays.stream(dLogP[t]).map(v -> v * v).sum());
        String at = "after step " + (t + 1) + " on step " + (s + 1);
        connectivity.add(at, back.connectivity()[t][s], norm);
      }
    }
    pixels.check(GRADIENTS, 0, 0);
    connectivity.check(GRADIENTS, CONNECTIVITY_OWN, CONNECTIVITY_FROM);
  }

  /**
   * For every picture row s: P(target) with row s blanked minus P(target), as the reference has it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void rowOcclusionAgrees(Case c) {
    RecurrentClassifier m = c.engine();
    float[] img = image();
    BackwardTrace back = m.backwardTrace(img, c.target());
    double[][] batch = new double[T + 1][];
    batch[0] = toDouble(img);
    for (int s = 0; s < T; s++) {
      batch[s + 1] = batch[0].clone();
      Arrays.fill(batch[s + 1], s * F, (s + 1) * F, 0);
    }
    double[][] p = c.reference(m).probabilities(batch, List.of());
    int k = c.target();
    for (int s = 0; s < T; s++) {
      double expected = p[s + 1][k] - p[0][k];
      assertEquals(expected, back.rowOcclusion()[s], PROBABILITIES, c + " picture row " + (s + 1));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void lossAndProbabilityAreTheReferences(Case c) {
    RecurrentClassifier m = c.engine();
    float[] img = image();
    BackwardTrace back = m.backwardTrace(img, c.target());
    double p =
        c.reference(m).probabilities(new double[][] {toDouble(img)}, List.of())[0][c.target()];
    assertEquals(c.target(), back.target());
    assertEquals(p, back.probability(), PROBABILITIES, c + " P(target)");
    assertEquals(-Math.log(p), back.loss(), LOSS * Math.max(1, -Math.log(p)), c + " L");
  }

  // ---- the reference's side ----

  /** log P(target | slices 1..t+1) for t = 0..T−1, from one forward pass of the reference. */
  private static double[] logPAfterEveryStep(ReferenceModel ref, double[] image, int target) {
    double[][] p = ref.trace(new double[][] {image}, List.of()).get(0).stepProbabilities();
    double[] out = new double[T];
    for (int t = 0; t < T; t++) {
      out[t] = Math.log(p[t][target]);
    }
    return out;
  }

  /** Where feature f of what step s reads is in the picture (28×28, row-major). */
  private static int pictureIndex(Reading reading, int s, int f) {
    int slice = reading.sliceAt(s);
    return reading == Reading.COLUMNS ? f * F + slice : slice * F + f;
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

  // ---- comparisons ----

  /**
   * Engine values against the reference's: each within {@code ofLargest} of the largest reference
   * magnitude of the group, and those at least {@code from} of it also within {@code ofItself} of
   * their own.
   */
  private static final class Agreement {
    private final String what;
    private final List<String> at = new ArrayList<>();
    private final List<double[]> pairs = new ArrayList<>(); // {engine, reference}

    Agreement(String what) {
      this.what = what;
    }

    void add(String where, double engine, double reference) {
      at.add(where);
      pairs.add(new double[] {engine, reference});
    }

    void check(double ofLargest, double ofItself, double from) {
      double largest = 0;
      for (double[] p : pairs) {
        largest = Math.max(largest, Math.abs(p[1]));
      }
      assertTrue(largest > 0, what + ": every sampled value is 0");
      for (int i = 0; i < pairs.size(); i++) {
        double engine = pairs.get(i)[0];
        double reference = pairs.get(i)[1];
        double err = Math.abs(engine - reference);
        double allowed = ofLargest * largest;
        if (Math.abs(reference) >= from * largest && ofItself > 0) {
          allowed = Math.min(allowed, ofItself * Math.abs(reference));
        }
        if (!(err <= allowed)) {
          throw new AssertionError(
              String.format(
                  "%s %s: engine %.9g, reference %.9g (off by %.3g, allowed %.3g; largest %.3g)",
                  what, at.get(i), engine, reference, err, allowed, largest));
        }
      }
    }
  }

  private static double[] toDouble(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
