package io.gatescope.core.inspect;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Select-and-match over the index: the images whose brushed units, over the brushed steps, look
 * like the selection.
 *
 * <ul>
 *   <li>Threshold: score = the fraction of the selection's cells (unit, step) where q ≥ θ; images
 *       scoring 0 are no match; equal scores in test-index order.
 *   <li>Similar: score = the cosine similarity of the image's selected values with the reference
 *       image's (the reference itself scores 1; rounding is held to [−1, 1]); equal scores in
 *       test-index order.
 * </ul>
 *
 * <p>Scores are the traces' numbers: the index's 8-bit values give each image a lower and upper
 * bound of its score; only the images that could still be among the best are traced again, each
 * alone as Inside traces it, and their scores and order come from those traces (an image whose
 * threshold bounds already agree needs none: every cell is clear of θ by more than its tolerance).
 */
public final class PatternSearch {
  /**
   * One match.
   *
   * @param testIndex the image's index in the test set
   * @param score the fraction of cells ≥ θ, or the cosine similarity
   */
  public record Match(int testIndex, double score) {}

  private static final Comparator<Match> BEST_FIRST =
      Comparator.comparingDouble(Match::score).reversed().thenComparingInt(Match::testIndex);

  private PatternSearch() {}

  /** The {@code count} best matches of "q ≥ θ over the selection", best first. */
  public static List<Match> threshold(
      TraceIndex index,
      RecurrentClassifier model,
      LabeledImages set,
      PatternSelection sel,
      double theta,
      int count) {
    int n = index.size();
    double[] lo = new double[n];
    double[] hi = new double[n];
    int cells = sel.cells();
    for (int i = 0; i < n; i++) {
      int sure = 0;
      int maybe = 0;
      for (int u : sel.units()) {
        float eps = index.tolerance(sel.quantity(), i, u);
        for (int t = sel.fromStep(); t <= sel.toStep(); t++) {
          float v = index.value(sel.quantity(), i, t, u);
          sure += v - eps >= theta ? 1 : 0;
          maybe += v + eps >= theta ? 1 : 0;
        }
      }
      lo[i] = sure / (double) cells;
      hi[i] = maybe / (double) cells;
    }
    // A fraction whose bounds agree is known: every cell is surely above or surely below θ.
    return best(lo, hi, count, true, true, model, set, sel, v -> fractionAtLeast(sel.of(v), theta));
  }

  /**
   * The {@code count} images whose selected values are most like those of image {@code reference}
   * (by cosine similarity), best first.
   */
  public static List<Match> similar(
      TraceIndex index,
      RecurrentClassifier model,
      LabeledImages set,
      PatternSelection sel,
      int reference,
      int count) {
    double[] r = sel.of(TraceIndex.retrace(model, set, reference).top(sel.quantity()));
    double rNorm = norm(r);
    int n = index.size();
    double[] lo = new double[n];
    double[] hi = new double[n];
    int[] units = sel.units();
    for (int i = 0; i < n; i++) {
      double dot = 0;
      double xx = 0;
      double slack = 0; // Σ ε|r|: how far the dot product can be off
      double ee = 0; // Σ ε²: how far the norm can be off, squared
      int k = 0;
      for (int u : units) {
        float eps = index.tolerance(sel.quantity(), i, u);
        for (int t = sel.fromStep(); t <= sel.toStep(); t++, k++) {
          double v = index.value(sel.quantity(), i, t, u);
          dot += v * r[k];
          xx += v * v;
          slack += eps * Math.abs(r[k]);
          ee += (double) eps * eps;
        }
      }
      double x = Math.sqrt(xx);
      double e = Math.sqrt(ee);
      if (rNorm == 0 || x - e <= 0) {
        lo[i] = -1;
        hi[i] = 1;
        continue;
      }
      double up = dot + slack;
      double down = dot - slack;
      hi[i] = Math.min(1, up >= 0 ? up / ((x - e) * rNorm) : up / ((x + e) * rNorm));
      lo[i] = Math.max(-1, down >= 0 ? down / ((x + e) * rNorm) : down / ((x - e) * rNorm));
    }
    return best(lo, hi, count, false, false, model, set, sel, v -> cosine(sel.of(v), r, rNorm));
  }

  /**
   * q's values in the selection over every indexed image, as the index keeps them (each within its
   * tolerance of the trace), in {@code bins} bins: gates over [0, 1], other quantities over the
   * range of the selected values. What a threshold on the selection keeps.
   */
  public static Histogram histogram(TraceIndex index, PatternSelection sel, int bins) {
    Quantity q = sel.quantity();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < index.size(); i++) {
      for (int u : sel.units()) {
        for (int t = sel.fromStep(); t <= sel.toStep(); t++) {
          float v = index.value(q, i, t, u);
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    double lo = q.isGate() ? 0 : min;
    double hi = q.isGate() ? 1 : max;
    if (!(hi > lo)) { // no images, or every value equal
      lo = Double.isFinite(lo) ? lo - 0.5 : 0;
      hi = lo + 1;
    }
    long[] counts = new long[bins];
    Histogram shape = new Histogram(lo, hi, counts);
    for (int i = 0; i < index.size(); i++) {
      for (int u : sel.units()) {
        for (int t = sel.fromStep(); t <= sel.toStep(); t++) {
          counts[shape.binOf(index.value(q, i, t, u))]++;
        }
      }
    }
    return new Histogram(lo, hi, counts);
  }

  /**
   * The best {@code count} by the traces' scores: the k-th best lower bound decides which images
   * can still be among the best; those whose bounds differ are traced again.
   *
   * @param positiveOnly only scores above 0 are matches
   * @param boundsKnow an image whose bounds are equal has that score exactly
   */
  private static List<Match> best(
      double[] lo,
      double[] hi,
      int count,
      boolean positiveOnly,
      boolean boundsKnow,
      RecurrentClassifier model,
      LabeledImages set,
      PatternSelection sel,
      java.util.function.ToDoubleFunction<float[][]> exact) {
    int n = lo.length;
    if (count <= 0 || n == 0) {
      return List.of();
    }
    double[] sorted = lo.clone();
    Arrays.sort(sorted);
    double kth = sorted[Math.max(0, n - count)];
    List<Match> out = new ArrayList<>();
    List<Integer> retrace = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (hi[i] < kth || (positiveOnly && hi[i] <= 0)) {
        continue; // cannot be among the best (or no match at all)
      }
      if (boundsKnow && lo[i] == hi[i]) {
        out.add(new Match(i, lo[i]));
      } else {
        retrace.add(i);
      }
    }
    for (int i : retrace) {
      out.add(
          new Match(i, exact.applyAsDouble(TraceIndex.retrace(model, set, i).top(sel.quantity()))));
    }
    return out.stream()
        .filter(m -> !positiveOnly || m.score() > 0)
        .sorted(BEST_FIRST)
        .limit(count)
        .toList();
  }

  static double fractionAtLeast(double[] v, double theta) {
    int k = 0;
    for (double x : v) {
      k += x >= theta ? 1 : 0;
    }
    return k / (double) v.length;
  }

  static double cosine(double[] x, double[] r, double rNorm) {
    double dot = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * r[i];
    }
    double xNorm = norm(x);
    // Rounding can take the cosine of equal patterns a hair past 1: held to [−1, 1].
    return xNorm == 0 || rNorm == 0 ? 0 : Math.max(-1, Math.min(1, dot / (xNorm * rNorm)));
  }

  static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
