package io.gatescope.core.inspect;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The images where a unit's quantity is highest (or lowest): each image is ranked by its value at
 * the step where it peaks for that image (or is lowest), which the index keeps as the float of its
 * trace; equal values are ranked by test index.
 *
 * <p>The index traces images in minibatches; a trace of one image alone (what Inside shows) can
 * differ from its minibatch trace in the last bits of a float (the engine checks 1e-5; for the
 * shipped model every value compared was equal). So the numbers to show come from {@link
 * #tracedAlone}: each listed image traced again alone, its own step and value.
 */
public final class UnitRanking {
  /**
   * One ranked image.
   *
   * @param testIndex the image's index in the test set
   * @param step the step (0-based) where q peaks (or is lowest) in that image
   * @param value q at (step, unit): the trace's value
   */
  public record Entry(int testIndex, int step, float value) {}

  private UnitRanking() {}

  /** The {@code count} images where q of {@code unit} peaks highest, highest first. */
  public static List<Entry> top(TraceIndex index, Quantity q, int unit, int count) {
    return rank(index, q, unit, count, false);
  }

  /** The {@code count} images where q of {@code unit} goes lowest, lowest first. */
  public static List<Entry> lowest(TraceIndex index, Quantity q, int unit, int count) {
    return rank(index, q, unit, count, true);
  }

  /**
   * The entries again from each image's trace made alone, as Inside makes it: the step where q of
   * {@code unit} peaks (or, {@code lowest}, is lowest) in that trace and its value there, in the
   * ranking's order by those values (ties by test index). About a millisecond per image.
   */
  public static List<Entry> tracedAlone(
      List<Entry> ranked,
      RecurrentClassifier model,
      LabeledImages set,
      Quantity q,
      int unit,
      boolean lowest) {
    List<Entry> out = new ArrayList<>(ranked.size());
    for (Entry e : ranked) {
      float[][] v = TraceIndex.retrace(model, set, e.testIndex()).top(q);
      int best = 0;
      for (int t = 1; t < v.length; t++) {
        if (lowest ? v[t][unit] < v[best][unit] : v[t][unit] > v[best][unit]) {
          best = t;
        }
      }
      out.add(new Entry(e.testIndex(), best, v[best][unit]));
    }
    out.sort(order(lowest));
    return out;
  }

  /** "a before b" in the ranking: the better value, then the smaller test index. */
  private static java.util.Comparator<Entry> order(boolean lowest) {
    return (a, b) -> {
      int c = lowest ? Float.compare(a.value, b.value) : Float.compare(b.value, a.value);
      return c != 0 ? c : Integer.compare(a.testIndex, b.testIndex);
    };
  }

  static List<Entry> rank(TraceIndex index, Quantity q, int unit, int count, boolean lowest) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be at least 0");
    }
    java.util.Comparator<Entry> order = order(lowest);
    // Keeps the best `count` so far; its head is the worst of them.
    PriorityQueue<Entry> kept = new PriorityQueue<>(Math.max(1, count), order.reversed());
    for (int i = 0; i < index.size() && count > 0; i++) {
      Entry e =
          lowest
              ? new Entry(i, index.lowStep(q, i, unit), index.low(q, i, unit))
              : new Entry(i, index.peakStep(q, i, unit), index.peak(q, i, unit));
      if (kept.size() < count) {
        kept.add(e);
      } else if (order.compare(e, kept.peek()) < 0) {
        kept.poll();
        kept.add(e);
      }
    }
    List<Entry> out = new ArrayList<>(kept);
    out.sort(order);
    return out;
  }
}
