package io.gatescope.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.data.ImageSet;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Select-and-match: a copy of the reference image planted in the set is found with it, first;
 * threshold and similarity searches equal a brute-force search over the traces of each image made
 * alone, scores included.
 */
class PatternSearchTest {
  static final int N = 420;
  static final int REFERENCE = 17;
  static final int PLANTED = 333;
  static final int H = 9;

  static RecurrentClassifier model;
  static LabeledImages set;
  static GateTrace[] traces;
  static TraceIndex index;

  @BeforeAll
  static void fixture() {
    NativeSetup.init(1);
    model = RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, H, 6, 1.0, 23));
    LabeledImages made = UnitFixture.set(N, 8);
    byte[] px = made.images().pixels().clone();
    System.arraycopy(px, REFERENCE * 784, px, PLANTED * 784, 784); // the planted copy
    set = new LabeledImages("planted", new ImageSet(N, 28, 28, px), made.labels());
    traces = UnitFixture.traces(model, set);
    index = TraceIndex.build(model, set, N, f -> {}, () -> false);
  }

  static final PatternSelection SELECTION =
      new PatternSelection(Quantity.HIDDEN, new int[] {1, 4, 5, 8}, 9, 15);

  /** Every image's exact score, best first, ties by index, the first {@code count}. */
  static List<PatternSearch.Match> bruteForce(
      ToDoubleFunction<float[][]> score, int count, boolean positiveOnly) {
    List<PatternSearch.Match> all = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      double s = score.applyAsDouble(traces[i].top(SELECTION.quantity()));
      if (!positiveOnly || s > 0) {
        all.add(new PatternSearch.Match(i, s));
      }
    }
    all.sort(
        Comparator.comparingDouble(PatternSearch.Match::score)
            .reversed()
            .thenComparingInt(PatternSearch.Match::testIndex));
    return all.subList(0, Math.min(count, all.size()));
  }

  @Test
  void thePlantedCopyMatchesTheReferenceFirst() {
    List<PatternSearch.Match> similar =
        PatternSearch.similar(index, model, set, SELECTION, REFERENCE, 5);
    assertEquals(REFERENCE, similar.get(0).testIndex());
    assertEquals(PLANTED, similar.get(1).testIndex());
    assertEquals(new PatternSearch.Match(REFERENCE, 1.0), similar.get(0));
    assertEquals(new PatternSearch.Match(PLANTED, 1.0), similar.get(1));
    assertTrue(similar.get(2).score() < similar.get(1).score());
    // Threshold at the reference's lowest selected value: the copy has every cell above it.
    double theta = min(SELECTION.of(traces[REFERENCE].top(Quantity.HIDDEN)));
    List<PatternSearch.Match> above =
        PatternSearch.threshold(index, model, set, SELECTION, theta, N);
    assertTrue(above.contains(new PatternSearch.Match(PLANTED, 1.0)), above.toString());
    assertTrue(above.contains(new PatternSearch.Match(REFERENCE, 1.0)), above.toString());
  }

  @Test
  void thresholdSearchEqualsBruteForce() {
    for (double theta : new double[] {-0.2, 0.0, 0.05, 0.1, 0.3}) {
      for (int count : new int[] {1, 9, 40, N}) {
        assertEquals(
            bruteForce(v -> PatternSearch.fractionAtLeast(SELECTION.of(v), theta), count, true),
            PatternSearch.threshold(index, model, set, SELECTION, theta, count),
            "θ " + theta + ", " + count);
      }
    }
  }

  @Test
  void similaritySearchEqualsBruteForce() {
    double[] r = SELECTION.of(traces[REFERENCE].top(Quantity.HIDDEN));
    double norm = PatternSearch.norm(r);
    for (int count : new int[] {1, 9, 60}) {
      assertEquals(
          bruteForce(v -> PatternSearch.cosine(SELECTION.of(v), r, norm), count, false),
          PatternSearch.similar(index, model, set, SELECTION, REFERENCE, count),
          "count " + count);
    }
  }

  @Test
  void theSelectionsHistogramCountsEveryCell() {
    Histogram h = PatternSearch.histogram(index, SELECTION, 16);
    assertEquals((long) N * SELECTION.cells(), h.total());
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (int i = 0; i < N; i++) {
      double[] v = SELECTION.of(traces[i].top(Quantity.HIDDEN));
      lo = Math.min(lo, min(v));
      hi = Math.max(hi, java.util.Arrays.stream(v).max().getAsDouble());
    }
    // The range of the kept values, each within half a level (a spans at most 2: 2/510).
    assertEquals(lo, h.lo(), 2.0 / 510);
    assertEquals(hi, h.hi(), 2.0 / 510);
    Histogram gate =
        PatternSearch.histogram(
            index, new PatternSelection(Quantity.FORGET, new int[] {0}, 0, 27), 10);
    assertEquals(0.0, gate.lo());
    assertEquals(1.0, gate.hi());
    assertEquals(N * 28L, gate.total());
  }

  static double min(double[] v) {
    return java.util.Arrays.stream(v).min().getAsDouble();
  }
}
