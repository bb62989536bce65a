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
 * The index against the traces of each image made alone: its ranking equals a brute-force ranking,
 * every ranked value is the trace's at (step, unit), the 8-bit values keep within their tolerance,
 * and the means and histograms are the traces' own.
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
    traces = UnitFixture.traces(model, set);
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
  void eachRankedValueIsTheTracesValueAtItsStepAndUnit() {
    for (Quantity q : CellType.LSTM.quantities()) {
      for (UnitRanking.Entry e : UnitRanking.top(index, q, 3, 9)) {
        GateTrace again = TraceIndex.retrace(model, set, e.testIndex());
        assertEquals(again.top(q)[e.step()][3], e.value(), 0f, q + " " + e);
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
