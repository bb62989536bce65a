package io.gatescope.core.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The index against the traces it is made of (minibatches of 200): its ranking equals a brute-force
 * ranking, the 8-bit values keep within their tolerance, the means and histograms are the traces'
 * own; and the ranking traced again alone gives every value as the trace of that image alone has it
 * at (step, unit).
 */
class TraceIndexTest {
  static final int N = 450; // more than two minibatches of 200
  static final int H = 7;

  static RecurrentClassifier model;
  static LabeledImages set;
  static GateTrace[] traces;
  static TraceIndex index;

  @BeforeAll
  static void fixture() {
    NativeSetup.init(1);
    // Two layers: the index keeps the top one.
    model = RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 2, H, 5, 1.0, 17));
    // Copies of image 3 make ties: equal values rank by test index.
    LabeledImages made = UnitFixture.set(N, 5);
    byte[] px = made.images().pixels().clone();
    for (int copy : new int[] {150, 260, 449}) {
      System.arraycopy(px, 3 * 784, px, copy * 784, 784);
    }
    set =
        new LabeledImages(
            "with copies", new io.gatescope.core.data.ImageSet(N, 28, 28, px), made.labels());
    traces = UnitFixture.batchTraces(model, set);
    index = TraceIndex.build(model, set, N, f -> {}, () -> false);
  }

  /** Brute force: every image's (step, value) at its peak (or low), sorted, ties by index. */
  static List<UnitRanking.Entry> bruteForce(Quantity q, int u, int count, boolean lowest) {
    List<UnitRanking.Entry> all = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      float[][] v = traces[i].top(q);
      int best = 0;
      for (int t = 1; t < 28; t++) {
        if (lowest ? v[t][u] < v[best][u] : v[t][u] > v[best][u]) {
          best = t;
        }
      }
      all.add(new UnitRanking.Entry(i, best, v[best][u]));
    }
    Comparator<UnitRanking.Entry> byValue = Comparator.comparingDouble(UnitRanking.Entry::value);
    all.sort(
        (lowest ? byValue : byValue.reversed()).thenComparingInt(UnitRanking.Entry::testIndex));
    return all.subList(0, count);
  }

  @Test
  void rankingEqualsBruteForceForEveryQuantityAndUnit() {
    for (Quantity q : CellType.LSTM.quantities()) {
      for (int u = 0; u < H; u++) {
        assertEquals(bruteForce(q, u, 9, false), UnitRanking.top(index, q, u, 9), q + " " + u);
        assertEquals(bruteForce(q, u, 9, true), UnitRanking.lowest(index, q, u, 9), q + " " + u);
      }
    }
    assertEquals(N, UnitRanking.top(index, Quantity.HIDDEN, 0, N + 5).size());
    // Whole rankings: the copies are next to each other, in index order.
    for (Quantity q : CellType.LSTM.quantities()) {
      assertEquals(bruteForce(q, 1, N, false), UnitRanking.top(index, q, 1, N), q.symbol());
      assertEquals(bruteForce(q, 1, N, true), UnitRanking.lowest(index, q, 1, N), q.symbol());
    }
  }

  @Test
  void eachRankedValueIsTheValueOfTheImageTracedAloneAtItsStepAndUnit() {
    for (Quantity q : CellType.LSTM.quantities()) {
      for (boolean lowest : new boolean[] {false, true}) {
        List<UnitRanking.Entry> ranked = UnitRanking.rank(index, q, 3, 9, lowest);
        List<UnitRanking.Entry> alone = UnitRanking.tracedAlone(ranked, model, set, q, 3, lowest);
        UnitProfile card = UnitProfile.of(index, model, set, q, 3, 9, lowest);
        assertEquals(alone, card.ranked());
        assertEquals(ranked.size(), alone.size());
        for (int k = 0; k < alone.size(); k++) {
          UnitRanking.Entry e = alone.get(k);
          GateTrace again = model.trace(set.images().imageAsFloats(e.testIndex()));
          assertEquals(again.top(q)[e.step()][3], e.value(), 0f, q + " " + e);
          // The same images and steps as the index ranked, values equal to float rounding.
          assertEquals(ranked.get(k).testIndex(), e.testIndex());
          assertEquals(ranked.get(k).step(), e.step());
          assertEquals(ranked.get(k).value(), e.value(), 1e-5f);
        }
      }
    }
  }

  @Test
  void keptValuesAreWithinTheirToleranceAndExactAtPeakAndLow() {
    for (Quantity q : CellType.LSTM.quantities()) {
      for (int i = 0; i < N; i += 37) {
        for (int u = 0; u < H; u++) {
          float eps = index.tolerance(q, i, u);
          float[][] v = traces[i].top(q);
          for (int t = 0; t < 28; t++) {
            assertEquals(v[t][u], index.value(q, i, t, u), eps, q + " " + i + " " + t + " " + u);
          }
          assertEquals(
              v[index.peakStep(q, i, u)][u], index.value(q, i, index.peakStep(q, i, u), u));
          assertEquals(v[index.lowStep(q, i, u)][u], index.value(q, i, index.lowStep(q, i, u), u));
          // Half a level of the unit's own range, a hair more.
          float range = index.peak(q, i, u) - index.low(q, i, u);
          assertTrue(eps <= range / 510 * 1.02f + 1e-6f, q + " " + eps + " " + range);
        }
      }
    }
  }

  @Test
  void meansAndHistogramsAreTheTraces() {
    int u = 2;
    for (Quantity q : CellType.LSTM.quantities()) {
      double[] classSum = new double[10];
      int[] classImages = new int[10];
      double[] stepSum = new double[28];
      for (int i = 0; i < N; i++) {
        for (int t = 0; t < 28; t++) {
          classSum[set.label(i)] += traces[i].top(q)[t][u];
          stepSum[t] += traces[i].top(q)[t][u];
        }
        classImages[set.label(i)]++;
      }
      double[] classMeans = index.classMeans(q, u);
      double[] stepMeans = index.stepMeans(q, u);
      for (int d = 0; d < 10; d++) {
        assertEquals(classSum[d] / (classImages[d] * 28), classMeans[d], 1e-9, q + " " + d);
      }
      for (int t = 0; t < 28; t++) {
        assertEquals(stepSum[t] / N, stepMeans[t], 1e-9, q + " " + t);
      }
      if (q.isGate()) {
        Histogram h = index.gateHistogram(q, u);
        long[] counts = new long[20];
        for (int i = 0; i < N; i++) {
          for (int t = 0; t < 28; t++) {
            float g = traces[i].top(q)[t][u];
            counts[Math.min(19, (int) Math.floor((double) g * 20))]++;
          }
        }
        assertArrayEquals(counts, h.counts(), q.symbol());
        assertEquals(N * 28L, h.total());
      }
    }
    for (int i = 0; i < N; i++) {
      assertEquals(set.label(i), index.label(i));
      assertEquals(traces[i].prediction(), index.prediction(i));
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(
      value = CellType.class,
      names = {"GRU", "RNN"})
  void otherCellsKeepTheirOwnQuantities(CellType cell) {
    RecurrentClassifier m = RecurrentClassifier.create(new ModelConfig(cell, 1, 5, 4, 1.0, 3));
    LabeledImages few = UnitFixture.set(60, 9);
    GateTrace[] own = UnitFixture.batchTraces(m, few);
    TraceIndex ix = TraceIndex.build(m, few, 60, f -> {}, () -> false);
    assertEquals(cell.quantities(), ix.quantities());
    for (Quantity q : cell.quantities()) {
      for (int u = 0; u < 5; u++) {
        UnitRanking.Entry first = UnitRanking.top(ix, q, u, 1).get(0);
        float best = -Float.MAX_VALUE;
        for (GateTrace tr : own) {
          for (float[] row : tr.top(q)) {
            best = Math.max(best, row[u]);
          }
        }
        assertEquals(best, first.value(), 0f, cell + " " + q + " " + u);
        assertEquals(best, own[first.testIndex()].top(q)[first.step()][u], 0f);
        UnitRanking.Entry alone =
            UnitRanking.tracedAlone(List.of(first), m, few, q, u, false).get(0);
        float[][] v = m.trace(few.images().imageAsFloats(first.testIndex())).top(q);
        assertEquals(v[alone.step()][u], alone.value(), 0f);
        assertEquals(best, alone.value(), 1e-5f);
      }
    }
    assertEquals(4L * 5 * 38 + 2, TraceIndex.bytesPerImage(CellType.GRU, 5));
    assertThrows(IllegalArgumentException.class, () -> ix.peak(Quantity.CELL, 0, 0));
  }

  @Test
  void buildReportsProgressAndStopsWhenCancelled() {
    List<Double> seen = new ArrayList<>();
    TraceIndex small = TraceIndex.build(model, set, 401, seen::add, () -> false);
    assertEquals(401, small.size());
    assertEquals(List.of(200 / 401.0, 400 / 401.0, 1.0), seen);
    int[] polls = {0};
    assertThrows(
        CancellationException.class,
        () -> TraceIndex.build(model, set, N, f -> {}, () -> ++polls[0] > 1));
    assertEquals(2, polls[0], "polled before each minibatch, stopped at the second");
  }

  @Test
  void memoryIsAsStated() {
    assertEquals(6L * 128 * 38 + 2, TraceIndex.bytesPerImage(CellType.LSTM, 128));
    assertEquals(29_186L, TraceIndex.bytesPerImage(CellType.LSTM, 128));
    assertEquals(4L * 128 * 38 + 2, TraceIndex.bytesPerImage(CellType.GRU, 128));
    assertTrue(index.bytes() >= TraceIndex.bytesPerImage(CellType.LSTM, H) * N);
  }
}
