package io.gatescope.core.inspect;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The traces of the first n images of a labelled set, kept once for the unit explorer, the pattern
 * search and their command line: the top recurrent layer's quantities (LSTM: Γu, Γf, Γo, c̃, c, a;
 * GRU: Γu, Γr, c̃, a; RNN: a) at every step and unit, the labels and the model's answers.
 *
 * <p>What it keeps, per image, quantity and unit (38 bytes): the exact maximum and minimum over the
 * 28 steps as the trace's floats, the steps where they occur (the first, if several), and the 28
 * values in 8 bits each between that minimum and maximum ({@link RangeCode}: within (max − min)/510
 * of the trace). An LSTM of 128 units keeps 6·128·38 + 2 = 29,186 bytes per image, 292 MB for the
 * 10,000 test images; {@link #bytesPerImage}. Besides, per quantity, exact sums per unit and digit,
 * per unit and step, and gate histograms ({@link UnitTotals}).
 *
 * <p>The rule for numbers: peaks and lows are the floats of the traces the index was made of
 * (minibatches of 200), so rankings are exact on them; a value read at any other step is the 8-bit
 * one, good for searching. A number to show comes from the image traced again alone ({@link
 * #retrace}, as Inside traces it; about a millisecond): {@link UnitRanking#tracedAlone} and the
 * pattern search's scores do so (a minibatch trace and a trace alone can differ in a float's last
 * bits).
 *
 * <p>Steps are 0-based here ({@code step} 0..27 is the lesson's t = 1..28).
 */
public final class TraceIndex {
  /** Images traced per minibatch while building. */
  static final int BATCH = 200;

  private static final int T = ModelConfig.STEPS;

  /** What the index keeps of one quantity; arrays are [image·H + unit] (codes ·T + step). */
  private static final class Store {
    final float[] max;
    final float[] min;
    final byte[] maxStep;
    final byte[] minStep;
    final byte[] codes;
    final UnitTotals totals;

    Store(int n, int hidden, boolean gate) {
      max = new float[n * hidden];
      min = new float[n * hidden];
      maxStep = new byte[n * hidden];
      minStep = new byte[n * hidden];
      codes = new byte[n * hidden * T];
      totals = new UnitTotals(hidden, gate);
    }

    void put(int image, int hidden, float[][] v, int label) {
      int first = image * hidden;
      for (int u = 0; u < hidden; u++) {
        // The unit's first max and min over the steps, in registers.
        float hi = v[0][u];
        float lo = hi;
        int hiStep = 0;
        int loStep = 0;
        for (int t = 1; t < T; t++) {
          float x = v[t][u];
          if (x > hi) {
            hi = x;
            hiStep = t;
          } else if (x < lo) {
            lo = x;
            loStep = t;
          }
        }
        int at = first + u;
        max[at] = hi;
        min[at] = lo;
        maxStep[at] = (byte) hiStep;
        minStep[at] = (byte) loStep;
        float scale = RangeCode.scale(lo, hi);
        int base = at * T;
        for (int t = 0; t < T; t++) {
          codes[base + t] = RangeCode.encode(v[t][u], lo, scale);
        }
      }
      totals.add(v, label);
    }
  }

  private final CellType cell;
  private final int hidden;
  private final int size;
  private final Map<Quantity, Store> stores = new EnumMap<>(Quantity.class);
  private final byte[] labels;
  private final byte[] predictions;

  private TraceIndex(CellType cell, int hidden, int size) {
    this.cell = cell;
    this.hidden = hidden;
    this.size = size;
    for (Quantity q : cell.quantities()) {
      stores.put(q, new Store(size, hidden, q.isGate()));
    }
    labels = new byte[size];
    predictions = new byte[size];
  }

  /**
   * Traces the first {@code n} images of {@code set} (all of them if it has fewer) in minibatches,
   * on the caller's thread, with {@code model} as it is (no interventions). The model is used by
   * this thread only while it runs: give it a copy if another thread uses the model.
   *
   * @param progress receives the fraction done after each minibatch
   * @param cancelled polled before each minibatch
   * @throws CancellationException when {@code cancelled} answered true
   */
  public static TraceIndex build(
      RecurrentClassifier model,
      LabeledImages set,
      int n,
      DoubleConsumer progress,
      BooleanSupplier cancelled) {
    int count = Math.max(0, Math.min(n, set.size()));
    ModelConfig config = model.config();
    TraceIndex index = new TraceIndex(config.cell(), config.hidden(), count);
    int[] idx = new int[BATCH];
    int[] batchLabels = new int[BATCH];
    float[] buffer = new float[T * BATCH * ModelConfig.FEATURES];
    for (int from = 0; from < count; from += BATCH) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("index build cancelled");
      }
      int b = Math.min(BATCH, count - from);
      for (int i = 0; i < b; i++) {
        idx[i] = from + i;
      }
      List<GateTrace> traces =
          model.traceBatch(Batches.timeMajor(set, idx, 0, b, batchLabels, buffer), List.of());
      for (int s = 0; s < b; s++) {
        index.put(from + s, traces.get(s), batchLabels[s]);
      }
      progress.accept((from + b) / (double) count);
    }
    return index;
  }

  private void put(int image, GateTrace tr, int label) {
    labels[image] = (byte) label;
    predictions[image] = (byte) tr.prediction();
    for (Map.Entry<Quantity, Store> e : stores.entrySet()) {
      e.getValue().put(image, hidden, tr.top(e.getKey()), label);
    }
  }

  /**
   * The trace of image {@code image} of the set the index was built from, made again: the numbers
   * to show for it (the same model, no interventions).
   */
  public static GateTrace retrace(RecurrentClassifier model, LabeledImages set, int image) {
    return model.trace(set.images().imageAsFloats(image));
  }

  /** Bytes an index keeps per image for a model of this cell and width (see the class notes). */
  public static long bytesPerImage(CellType cell, int hidden) {
    return (long) cell.quantities().size() * hidden * (4 + 4 + 1 + 1 + T) + 2;
  }

  /** Bytes this index keeps: its images' share and the sums, which do not grow with them. */
  public long bytes() {
    long sums = stores.values().stream().mapToLong(s -> s.totals.bytes()).sum();
    return bytesPerImage(cell, hidden) * size + sums;
  }

  public CellType cell() {
    return cell;
  }

  public int hidden() {
    return hidden;
  }

  /** Images indexed: the set's first {@code size()}; image i is test index i. */
  public int size() {
    return size;
  }

  /** The quantities kept, in the cell's display order. */
  public List<Quantity> quantities() {
    return cell.quantities();
  }

  public boolean has(Quantity q) {
    return stores.containsKey(q);
  }

  public int label(int image) {
    return labels[image];
  }

  /** The model's answer after the last row. */
  public int prediction(int image) {
    return predictions[image];
  }

  /** The largest value of q at unit u over the image's steps: the trace's float. */
  public float peak(Quantity q, int image, int unit) {
    return store(q).max[image * hidden + check(unit)];
  }

  /** The first step (0-based) where {@link #peak} occurs. */
  public int peakStep(Quantity q, int image, int unit) {
    return store(q).maxStep[image * hidden + check(unit)];
  }

  /** The smallest value of q at unit u over the image's steps: the trace's float. */
  public float low(Quantity q, int image, int unit) {
    return store(q).min[image * hidden + check(unit)];
  }

  /** The first step (0-based) where {@link #low} occurs. */
  public int lowStep(Quantity q, int image, int unit) {
    return store(q).minStep[image * hidden + check(unit)];
  }

  /**
   * q at (step, unit) as kept: exact at the unit's peak and low, otherwise within {@link
   * #tolerance} of the trace.
   */
  public float value(Quantity q, int image, int step, int unit) {
    Store s = store(q);
    int at = image * hidden + check(unit);
    return RangeCode.decode(s.codes[at * T + step], s.min[at], s.max[at]);
  }

  /** The most {@link #value} can differ from the trace for this image and unit. */
  public float tolerance(Quantity q, int image, int unit) {
    Store s = store(q);
    int at = image * hidden + check(unit);
    return RangeCode.tolerance(s.min[at], s.max[at]);
  }

  /** Mean of q at unit u per true digit 0..9, over every step of the indexed images of it. */
  public double[] classMeans(Quantity q, int unit) {
    return store(q).totals.classMeans(check(unit));
  }

  /** Mean of q at unit u per step (0-based), over every indexed image. */
  public double[] stepMeans(Quantity q, int unit) {
    return store(q).totals.stepMeans(check(unit));
  }

  /** Gate q's values at unit u (every image and step) in bins over [0, 1]. */
  public Histogram gateHistogram(Quantity q, int unit) {
    if (!q.isGate()) {
      throw new IllegalArgumentException(q.symbol() + " is not a gate");
    }
    return store(q).totals.gateHistogram(check(unit));
  }

  private Store store(Quantity q) {
    Store s = stores.get(q);
    if (s == null) {
      throw new IllegalArgumentException(cell + " has no " + q.symbol());
    }
    return s;
  }

  private int check(int unit) {
    if (unit < 0 || unit >= hidden) {
      throw new IndexOutOfBoundsException("unit " + unit + " of " + hidden);
    }
    return unit;
  }
}
