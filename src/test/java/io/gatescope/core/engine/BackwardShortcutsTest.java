package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.TestImages;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shortcuts of a backward trace give the numbers of the whole computation, for every cell, two
 * layers and every reading order: a forward pass whose samples take sample 0's states until their
 * input differs from its ({@link ActiveRows#forward}: row occlusion starts each blanked copy at the
 * step that reads its row), a backward pass that skips the samples no gradient has reached yet
 * ({@link ActiveRows#backward}: sample t of the connectivity triangle starts at step t), and a twin
 * that keeps its copies of the weights while they do not change.
 */
class BackwardShortcutsTest {
  private static final int T = ModelConfig.STEPS;
  private static final int F = ModelConfig.FEATURES;
  private static final int K = ModelConfig.CLASSES;
  private static final int B = T + 1;

  /** Products of another row count may round differently; logits are about 1. */
  private static final float LOGITS = 2e-6f;

  static Stream<ModelConfig> models() {
    return Stream.of(
        new ModelConfig(CellType.LSTM, 1, 16, 12, 1.0, 3),
        new ModelConfig(CellType.GRU, 1, 16, 0, 0, 5),
        new ModelConfig(CellType.RNN, 1, 16, 12, 0, 7),
        new ModelConfig(CellType.LSTM, 2, 12, 10, 1.0, 9),
        new ModelConfig(CellType.GRU, 2, 12, 0, 0, 11, Reading.PERMUTED_ROWS),
        new ModelConfig(CellType.LSTM, 1, 12, 0, 1.0, 13, Reading.COLUMNS));
  }

  /** Sparse like a digit, the first and the last three picture rows blank. */
  private static float[] image() {
    float[] img = TestImages.sparse(23);
    Arrays.fill(img, 0, 3 * F, 0f);
    Arrays.fill(img, 25 * F, T * F, 0f);
    return img;
  }

  /** The image, then a copy with picture row s blanked for s = 0..27, in that order. */
  private static float[][] occlusionBatch(float[] img) {
    float[][] batch = new float[B][];
    batch[0] = img;
    for (int s = 0; s < T; s++) {
      batch[s + 1] = img.clone();
      Arrays.fill(batch[s + 1], s * F, (s + 1) * F, 0f);
    }
    return batch;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void occlusionFromTheStepThatReadsTheRowEqualsTheWholeReread(ModelConfig cfg) {
    RecurrentClassifier whole = RecurrentClassifier.create(cfg);
    RecurrentClassifier shared = whole.copy();
    float[][] batch = occlusionBatch(image());
    whole.forward(Batches.timeMajor(batch));
    shared.forwardSharingFirst(Batches.timeMajor(batch), false);
    float[] expected = whole.stepLogits(); // every sample after every step, [T·B·K]
    float[] actual = shared.stepLogits();
    for (int t = 0; t < T; t++) {
      for (int b = 0; b < B; b++) {
        for (int k = 0; k < K; k++) {
          int i = (t * B + b) * K + k;
          assertEquals(expected[i], actual[i], LOGITS, "sample " + b + ", step " + (t + 1));
        }
      }
    }
    // The blank rows' copies are the image itself: not one bit apart.
    for (int s : new int[] {0, 1, 2, 25, 26, 27}) {
      for (int i = 0; i < T * K; i++) {
        int t = i / K;
        assertEquals(actual[t * B * K + i % K], actual[(t * B + s + 1) * K + i % K], 0f);
      }
    }
  }

  @Test
  void rowOcclusionSkipsWhatItSharesInReadingOrder() {
    // Copies in picture-row order, read by rows: the copy of row s starts at step s, the blank
    // rows' never; step t computes the image and the lit rows' copies up to row t.
    float[][] batch = occlusionBatch(image());
    float[] x = Batches.timeMajor(batch).data().asFloat();
    int[] rows = ActiveRows.forward(x, B, F);
    for (int t = 0; t < T; t++) {
      int lastLit = Math.min(t, 24);
      assertEquals(t < 3 ? 1 : lastLit + 2, rows[t], "step " + (t + 1));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void triangleStartingEachSampleAtItsStepEqualsTheWholeBackward(ModelConfig cfg) {
    RecurrentClassifier latestFirst = RecurrentClassifier.create(cfg);
    RecurrentClassifier allAlong = latestFirst.copy();
    float[][] batch = occlusionBatch(image());
    latestFirst.forward(Batches.timeMajor(batch));
    allAlong.forward(Batches.timeMajor(batch));
    // The same loss gradient on step t's output for one sample each, the whole image's in sample
    // 0: the others latest first (the tracer's order: going back, each step computes only the
    // samples it has reached), or earliest first (then every step from T−1 back computes all).
    int h = cfg.hidden();
    float[] late = new float[T * B * h];
    float[] early = new float[T * B * h];
    SplittableRandom r = new SplittableRandom(cfg.seed());
    for (int t = 0; t < T; t++) {
      for (int u = 0; u < h; u++) {
        float g = (float) (r.nextDouble() - 0.5);
        late[(t * B + latest(t)) * h + u] = g;
        early[(t * B + earliest(t)) * h + u] = g;
      }
    }
    assertEquals(1, ActiveRows.backward(late, B, h)[T - 1], "the last step computes one sample");
    assertEquals(T, ActiveRows.backward(early, B, h)[T - 2], "and here all of them");
    float[] dxLate = BackwardTracer.backwardOfFirst(latestFirst, late); // [T·B·F]
    float[] dxAll = BackwardTracer.backwardOfFirst(allAlong, early);
    for (int t = 0; t < T; t++) {
      for (int s = 0; s < T; s++) {
        float[] a = row(dxLate, s, latest(t));
        float[] e = row(dxAll, s, earliest(t));
        if (s > t) {
          assertArrayEquals(new float[F], a, 0f, "no step after the loss's is reached");
        }
        assertArrayEquals(e, a, 1e-6f * (1 + max(e)), "loss after step " + (t + 1) + ", x⟨" + s);
      }
    }
    List<Map<Quantity, float[][]>> kept = BackwardTracer.backTraces(latestFirst);
    List<Map<Quantity, float[][]>> keptAll = BackwardTracer.backTraces(allAlong);
    for (int l = 0; l < cfg.layers(); l++) {
      for (Quantity q : kept.get(l).keySet()) {
        for (int t = 0; t < T; t++) {
          float[] e = keptAll.get(l).get(q)[t];
          assertArrayEquals(e, kept.get(l).get(q)[t], 1e-6f * (1 + max(e)), q + " step " + t);
        }
      }
    }
  }

  /** The sample with the loss after step t, latest first: T−1 → 0, T−2 → 1, ... */
  private static int latest(int t) {
    return T - 1 - t;
  }

  /** The same, but the whole image's first and then the earliest: T−1 → 0, 0 → 1, 1 → 2, ... */
  private static int earliest(int t) {
    return t == T - 1 ? 0 : t + 1;
  }

  @Test
  void aTraceDoesNotDependOnTheOneBefore() {
    for (ModelConfig cfg : models().toList()) {
      RecurrentClassifier m = RecurrentClassifier.create(cfg);
      m.backwardTrace(TestImages.sparse(99), 3); // leaves other states in every buffer
      BackwardTrace after = m.backwardTrace(image(), 8);
      BackwardTrace fresh = m.copy().backwardTrace(image(), 8);
      assertArrayEquals(fresh.input(), after.input(), 0f, cfg.toString());
      assertArrayEquals(fresh.rowOcclusion(), after.rowOcclusion(), 0f, cfg.toString());
      for (int t = 0; t < T; t++) {
        assertArrayEquals(fresh.connectivity()[t], after.connectivity()[t], 0f, cfg.toString());
        for (Quantity q : fresh.layers().get(0).keySet()) {
          assertArrayEquals(fresh.get(0, q)[t], after.get(0, q)[t], 0f, cfg + " " + q);
        }
      }
      assertTrue(Float.isFinite(after.connectivity()[T - 1][5]));
    }
  }

  @Test
  void theTwinFollowsEveryWriteToTheWeightsEvenThroughAKeptView() {
    for (ModelConfig cfg : models().toList()) {
      RecurrentClassifier m = RecurrentClassifier.create(cfg);
      float[] img = image();
      BackwardTrace before = m.backwardTrace(img, 4);
      assertArrayEquals(before.input(), m.backwardTrace(img, 4).input(), 0f, "the same weights");
      org.nd4j.linalg.api.ndarray.INDArray w = m.params().get("l0.b"); // kept, written later
      m.backwardTrace(img, 4);
      w.addi(0.25);
      BackwardTrace now = m.backwardTrace(img, 4);
      BackwardTrace fresh = m.copy().backwardTrace(img, 4);
      assertEquals(fresh.loss(), now.loss(), 0.0, cfg.toString());
      assertArrayEquals(fresh.input(), now.input(), 0f, cfg.toString());
      assertArrayEquals(fresh.rowOcclusion(), now.rowOcclusion(), 0f, cfg.toString());
      assertTrue(Math.abs(now.loss() - before.loss()) > 1e-6, "the change changes L");
    }
  }

  @Test
  void aTraceOfALitPictureMultipliesAboutHalfTheRowsOfTheWholeBatch() {
    // LSTM, H = 16, the projection folded: the joint product [rows, H + F + 1]·[·, 4H] forward,
    // dz·RWᵀ [rows, 4H]·[4H, H] back. Every picture row lit: step t computes the image and the
    // copies of rows 1..t+1 (t + 2 of 29); going back, step t computes the T − t samples whose
    // loss is at step t or later (of 29).
    int h = 16;
    RecurrentClassifier m =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, h, 12, 1, 3));
    float[] lit = EngineFixtures.randomImages(1, 5)[0];
    long forwardRows = 0;
    long backwardRows = 0;
    for (StepFlops.Product p : BackwardFlops.products(m, lit, 2)) {
      if (p.n() == 4 * h && p.k() == h + F + 1) {
        forwardRows += (long) p.m() * p.times();
      } else if (p.n() == h && p.k() == 4 * h && p.tb()) {
        backwardRows += (long) p.m() * p.times();
      }
    }
    assertEquals(434, forwardRows, "Σ (t + 2) over 28 steps, not 28 × 29 = 812");
    assertEquals(378, backwardRows, "Σ (T − t) for t = 1..27, not 27 × 29 = 783");
  }

  /** x⟨s⟩ of one sample, [F], from a time-major [T·B·F] array. */
  private static float[] row(float[] m, int step, int sample) {
    int from = (step * B + sample) * F;
    return Arrays.copyOfRange(m, from, from + F);
  }

  private static float max(float[] v) {
    float m = 0;
    for (float x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
