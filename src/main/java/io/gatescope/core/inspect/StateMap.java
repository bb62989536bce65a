package io.gatescope.core.inspect;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * A 2-D map of the top layer's states: a⟨t⟩ (or c⟨t⟩) of the first n images of a set at all 28
 * steps, traced by the engine, placed on their first two principal components ({@link
 * PrincipalPlane}). Any other image's 28 states project onto the same plane ({@link #path}).
 */
public final class StateMap {
  /** Images on the map by default. */
  public static final int IMAGES = 1000;

  private static final int T = ModelConfig.STEPS;

  private final Quantity quantity;
  private final PrincipalPlane plane;
  private final float[] xs; // [image·T + step]
  private final float[] ys;
  private final byte[] labels;

  private StateMap(Quantity quantity, PrincipalPlane plane, float[] xs, float[] ys, byte[] labels) {
    this.quantity = quantity;
    this.plane = plane;
    this.xs = xs;
    this.ys = ys;
    this.labels = labels;
  }

  /**
   * Traces the first {@code n} images of {@code set} (at least 1) on the caller's thread and maps
   * their states.
   *
   * @param quantity {@link Quantity#HIDDEN} or {@link Quantity#CELL} (an LSTM's)
   * @param progress receives the fraction traced after each minibatch
   * @param cancelled polled before each minibatch
   * @throws CancellationException when {@code cancelled} answered true
   */
  public static StateMap build(
      RecurrentClassifier model,
      LabeledImages set,
      int n,
      Quantity quantity,
      DoubleConsumer progress,
      BooleanSupplier cancelled) {
    if (quantity != Quantity.HIDDEN && quantity != Quantity.CELL) {
      throw new IllegalArgumentException("a state map shows a or c, not " + quantity.symbol());
    }
    if (!model.config().cell().quantities().contains(quantity)) {
      throw new IllegalArgumentException(model.config().cell() + " has no " + quantity.symbol());
    }
    int count = Math.min(n, set.size());
    if (count < 1) {
      throw new IllegalArgumentException("a state map needs at least one image");
    }
    float[][] rows = new float[count * T][];
    byte[] labels = new byte[count];
    int batch = TraceIndex.BATCH;
    int[] idx = new int[batch];
    int[] batchLabels = new int[batch];
    float[] buffer = new float[T * batch * ModelConfig.FEATURES];
    for (int from = 0; from < count; from += batch) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("state map cancelled");
      }
      int b = Math.min(batch, count - from);
      for (int i = 0; i < b; i++) {
        idx[i] = from + i;
      }
      List<GateTrace> traces =
          model.traceBatch(Batches.timeMajor(set, idx, 0, b, batchLabels, buffer), List.of());
      for (int s = 0; s < b; s++) {
        float[][] v = traces.get(s).top(quantity);
        for (int t = 0; t < T; t++) {
          rows[(from + s) * T + t] = v[t];
        }
        labels[from + s] = (byte) batchLabels[s];
      }
      progress.accept((from + b) / (double) count);
    }
    PrincipalPlane plane = PrincipalPlane.fit(rows);
    float[] xs = new float[rows.length];
    float[] ys = new float[rows.length];
    for (int r = 0; r < rows.length; r++) {
      double[] p = plane.project(rows[r]);
      xs[r] = (float) p[0];
      ys[r] = (float) p[1];
    }
    return new StateMap(quantity, plane, xs, ys, labels);
  }

  /** The 28 states of a trace of the same model, on this map: [step][x, y]. */
  public double[][] path(GateTrace trace) {
    float[][] v = trace.top(quantity);
    double[][] out = new double[v.length][];
    for (int t = 0; t < v.length; t++) {
      out[t] = plane.project(v[t]);
    }
    return out;
  }

  public Quantity quantity() {
    return quantity;
  }

  /** Images on the map: test indices 0..images()−1. */
  public int images() {
    return labels.length;
  }

  /** First coordinate of image i's state after step t (0-based). */
  public float x(int image, int step) {
    return xs[image * T + step];
  }

  /** Second coordinate of image i's state after step t (0-based). */
  public float y(int image, int step) {
    return ys[image * T + step];
  }

  public int label(int image) {
    return labels[image];
  }

  /** The plane: axes, variances and the share of variance each explains. */
  public PrincipalPlane plane() {
    return plane;
  }
}
