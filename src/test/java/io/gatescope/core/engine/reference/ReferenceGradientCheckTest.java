package io.gatescope.core.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.Reading;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference's hand-written BPTT against central finite differences of its own loss, in double
 * precision: every parameter, every a⟨t⟩ of the top layer, and at every step a seventh of the
 * pixels read (each feature at four steps): what StepGradients holds. Parameters are random (not
 * the engine's), uniform in [−0.6, 0.6].
 */
class ReferenceGradientCheckTest {
  private static final double EPS = 1e-6;

  /**
   * Central differences with ε = 1e-6 are exact to about ε²·|f'''| ≈ 1e-12 and carry the loss's
   * round-off, ~5e-16 / 2ε ≈ 2.5e-10 (the largest difference seen on these models is 5.5e-10, for
   * gradients up to 0.6). So every entry must agree to 1e-9 + 1e-6·|numeric|.
   */
  private static final double RELATIVE = 1e-6;

  private static final double ABSOLUTE = 1e-9;

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of(CellType.LSTM, 1, 3, 0, 2, Reading.ROWS),
        Arguments.of(CellType.LSTM, 1, 4, 4, 3, Reading.ROWS),
        Arguments.of(CellType.LSTM, 2, 3, 0, 2, Reading.COLUMNS),
        Arguments.of(CellType.LSTM, 2, 4, 4, 2, Reading.ROWS),
        Arguments.of(CellType.GRU, 1, 4, 0, 3, Reading.ROWS),
        Arguments.of(CellType.GRU, 1, 3, 4, 2, Reading.PERMUTED_ROWS),
        Arguments.of(CellType.GRU, 2, 3, 0, 2, Reading.ROWS),
        Arguments.of(CellType.GRU, 2, 5, 4, 2, Reading.ROWS),
        Arguments.of(CellType.RNN, 1, 5, 0, 3, Reading.ROWS),
        Arguments.of(CellType.RNN, 1, 3, 4, 2, Reading.COLUMNS),
        Arguments.of(CellType.RNN, 2, 4, 0, 2, Reading.ROWS),
        Arguments.of(CellType.RNN, 2, 3, 4, 3, Reading.ROWS));
  }

  @ParameterizedTest(name = "{0} layers={1} H={2} P={3} B={4} {5}")
  @MethodSource("models")
  void everyParameterGradientMatchesFiniteDifferences(
      CellType cell, int layers, int h, int p, int batch, Reading reading) {
    ModelConfig cfg = new ModelConfig(cell, layers, h, p, 1.0, 0, reading);
    double[] theta = randomParams(cfg, 1.2, 17);
    double[][] images = randomImages(batch, 23);
    int[] labels = labels(batch);
    double[] analytic = new ReferenceModel(cfg, theta).lossAndGradient(images, labels).flat();
    assertEquals(theta.length, analytic.length);
    Worst worst = new Worst();
    for (int i = 0; i < theta.length; i++) {
      double orig = theta[i];
      theta[i] = orig + EPS;
      double lp = new ReferenceModel(cfg, theta).loss(images, labels);
      theta[i] = orig - EPS;
      double lm = new ReferenceModel(cfg, theta).loss(images, labels);
      theta[i] = orig;
      worst.add("param " + i, analytic[i], (lp - lm) / (2 * EPS));
    }
    worst.check();
  }

  @ParameterizedTest(name = "{0} layers={1} H={2} P={3} B={4} {5}")
  @MethodSource("models")
  void inputGradientMatchesFiniteDifferences(
      CellType cell, int layers, int h, int p, int batch, Reading reading) {
    ModelConfig cfg = new ModelConfig(cell, layers, h, p, 1.0, 0, reading);
    ReferenceModel model = new ReferenceModel(cfg, randomParams(cfg, 1.2, 31));
    double[][] images = randomImages(batch, 37);
    int[] labels = labels(batch);
    double[][][] dx = model.lossAndGradient(images, labels).input(); // [T][B][F], reading order
    int n = ModelConfig.FEATURES;
    Worst worst = new Worst();
    for (int t = 0; t < ModelConfig.STEPS; t++) {
      int slice = reading.sliceAt(t);
      for (int s = 0; s < batch; s++) {
        for (int f = t % 7; f < n; f += 7) {
          int pixel = reading == Reading.COLUMNS ? f * n + slice : slice * n + f;
          double orig = images[s][pixel];
          images[s][pixel] = orig + EPS;
          double lp = model.loss(images, labels);
          images[s][pixel] = orig - EPS;
          double lm = model.loss(images, labels);
          images[s][pixel] = orig;
          worst.add("x t=" + t + " s=" + s + " f=" + f, dx[t][s][f], (lp - lm) / (2 * EPS));
        }
      }
    }
    worst.check();
  }

  /** ∂loss/∂a⟨t⟩ of the top layer (all paths), what StepGradients' hidden gradient holds. */
  @ParameterizedTest(name = "{0} layers={1} H={2} P={3} B={4} {5}")
  @MethodSource("models")
  void topHiddenGradientMatchesFiniteDifferences(
      CellType cell, int layers, int h, int p, int batch, Reading reading) {
    ModelConfig cfg = new ModelConfig(cell, layers, h, p, 1.0, 0, reading);
    ReferenceModel model = new ReferenceModel(cfg, randomParams(cfg, 1.2, 41));
    double[][] images = randomImages(batch, 43);
    int[] labels = labels(batch);
    double[][][] da = model.lossAndGradient(images, labels).hidden(); // [T][B][H]
    Worst worst = new Worst();
    for (int t = 0; t < ModelConfig.STEPS; t++) {
      for (int s = 0; s < batch; s++) {
        for (int u = 0; u < h; u++) {
          double lp = model.loss(images, labels, nudge(layers, t, s, u, EPS));
          double lm = model.loss(images, labels, nudge(layers, t, s, u, -EPS));
          worst.add("a t=" + t + " s=" + s + " u=" + u, da[t][s][u], (lp - lm) / (2 * EPS));
        }
      }
    }
    worst.check();
  }

  /** A nudge of a⟨t⟩ of the top layer. */
  private static ReferenceLayer.Nudge nudge(int layers, int t, int s, int u, double delta) {
    return new ReferenceLayer.Nudge(layers - 1, Quantity.HIDDEN, t, s, u, delta);
  }

  /** The worst disagreement seen, as a multiple of what is allowed (1e-9 + 1e-6·|numeric|). */
  private static final class Worst {
    private double ratio;
    private String where = "nowhere";
    private int checked;

    void add(String at, double analytic, double numeric) {
      checked++;
      double r = Math.abs(analytic - numeric) / (ABSOLUTE + RELATIVE * Math.abs(numeric));
      if (r > ratio) {
        ratio = r;
        where = at + ": analytic " + analytic + ", numeric " + numeric;
      }
    }

    void check() {
      assertTrue(checked > 0);
      assertTrue(ratio <= 1, ratio + " times the tolerance at " + where);
    }
  }

  /** Uniform in [−scale/2, scale/2], as many as the layout has. */
  static double[] randomParams(ModelConfig cfg, double scale, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] p = new double[ReferenceParams.zeros(cfg).size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = (r.nextDouble() * 2 - 1) * scale * 0.5;
    }
    return p;
  }

  static double[][] randomImages(int b, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] out = new double[b][28 * 28];
    for (double[] img : out) {
      for (int i = 0; i < img.length; i++) {
        img[i] = r.nextDouble();
      }
    }
    return out;
  }

  private static int[] labels(int b) {
    int[] y = new int[b];
    for (int i = 0; i < b; i++) {
      y[i] = (3 + 5 * i) % 10;
    }
    return y;
  }
}
