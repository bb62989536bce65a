package io.gatescope.ui.units;

import io.gatescope.core.Messages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.Histogram;
import io.gatescope.core.inspect.PatternSearch;
import io.gatescope.core.inspect.PatternSelection;
import io.gatescope.core.inspect.TraceIndex;
import io.gatescope.ui.common.Failure;
import io.gatescope.ui.common.Navigation;
import io.gatescope.ui.common.Session;
import io.gatescope.ui.common.Workspace;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The pattern search: the shown digit's map of one quantity (its rows in a chosen order: by unit,
 * or Inside's order when the selection was brushed there), a rectangle brushed on it (units ×
 * steps), a threshold θ with the histogram of what the selection holds over the index, and the best
 * matches over the index (by threshold, or by cosine similarity to the shown test image). The map's
 * trace is made on the quick lane, searches on the long one.
 */
public final class PatternViewModel {
  /** Matches shown. */
  public static final int MATCHES = 12;

  /** Bins of the selection's histogram. */
  static final int BINS = 40;

  /** How matches are found. */
  public enum Mode {
    THRESHOLD,
    SIMILAR
  }

  private final Session session;
  private final UnitsWorker quick;
  private final UnitsWorker worker;
  private final IndexViewModel index;
  private final ReadOnlyObjectWrapper<Quantity> quantity =
      new ReadOnlyObjectWrapper<>(Quantity.HIDDEN);
  private final ReadOnlyObjectWrapper<GateTrace> trace = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<PatternSelection> selection = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<int[]> order = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyDoubleWrapper theta = new ReadOnlyDoubleWrapper(0.5);
  private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.THRESHOLD);
  private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<List<PatternSearch.Match>> matches =
      new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper(Messages.get("units.pattern.hint"));
  private long generation;
  private boolean active;
  private boolean thetaFromNextTrace; // a selection came before the trace it takes θ from
  private float[] tracedInput; // the input and model of the newest trace asked for
  private RecurrentClassifier tracedModel;
  private boolean traceDone; // and whether it has come

  PatternViewModel(Session session, UnitsWorker quick, UnitsWorker worker, IndexViewModel index) {
    this.session = session;
    this.quick = quick;
    this.worker = worker;
    this.index = index;
    session
        .inputProperty()
        .addListener(
            (o, a, in) -> {
              if (active) {
                traceInput();
              }
            });
    session
        .modelProperty()
        .addListener(
            (o, a, m) -> {
              selection.set(null);
              order.set(null);
              thetaFromNextTrace = false;
              histogram.set(null);
              matches.set(List.of());
              if (m != null && !m.config().cell().quantities().contains(quantity.get())) {
                quantity.set(Quantity.HIDDEN);
              }
              if (active) {
                traceInput();
              }
            });
    index.indexProperty().addListener((o, a, i) -> search());
  }

  /** Traces the shown input for its map (on the Units worker), and from now on each new one. */
  public void traceInput() {
    active = true;
    float[] in = session.inputProperty().get();
    RecurrentClassifier model = session.modelProperty().get();
    if (in == null || model == null) {
      tracedInput = null;
      trace.set(null);
      return;
    }
    if (in == tracedInput && model == tracedModel) {
      // Traced already, or on its way (then traced() sees to a pending θ).
      if (traceDone && trace.get() != null) {
        traced(trace.get(), true);
      }
      return;
    }
    tracedInput = in;
    tracedModel = model;
    traceDone = false;
    quick.run(
        model,
        m -> m.trace(in),
        tr -> {
          boolean current = in == tracedInput && model == tracedModel;
          traceDone |= current;
          traced(tr, current);
        },
        e -> tracedInput = null);
  }

  /** A trace came; {@code current}: of the shown input and model (a pending θ is taken from it). */
  private void traced(GateTrace tr, boolean current) {
    trace.set(tr);
    PatternSelection s = selection.get();
    if (current
        && thetaFromNextTrace
        && s != null
        && tr.cell().quantities().contains(s.quantity())) {
      thetaFromNextTrace = false;
      theta.set(middle(tr, s));
      histogram.set(null);
      search();
    }
  }

  /**
   * A selection brushed elsewhere (Inside's maps): its quantity, units and steps, the map's rows in
   * {@code rowOrder} (display row → unit, so the brushed units stay side by side); θ is set from
   * the shown digit's trace (made first if it is not there yet) as a brush here sets it, then the
   * search runs.
   */
  public void find(PatternSelection s, int[] rowOrder) {
    quantity.set(s.quantity());
    order.set(rowOrder == null ? null : rowOrder.clone());
    selection.set(s);
    histogram.set(null);
    matches.set(List.of());
    ++generation; // a search of the previous selection is of no use now
    thetaFromNextTrace = true;
    status.set(Messages.get("units.pattern.searching"));
    traceInput();
  }

  public void chooseQuantity(Quantity q) {
    if (q == null || q == quantity.get()) {
      return;
    }
    quantity.set(q);
    PatternSelection s = selection.get();
    if (s != null) {
      select(s.units(), s.fromStep(), s.toStep());
    }
  }

  /**
   * Brushes units {@code units} over steps {@code fromStep..toStep} (0-based, either order); θ
   * moves to the middle of the values the selection holds in the shown digit's trace.
   */
  public void select(int[] units, int fromStep, int toStep) {
    PatternSelection s =
        new PatternSelection(
            quantity.get(), units, Math.min(fromStep, toStep), Math.max(fromStep, toStep));
    selection.set(s);
    thetaFromNextTrace = false;
    GateTrace tr = trace.get();
    if (tr != null) {
      theta.set(middle(tr, s));
    }
    histogram.set(null);
    search();
  }

  /** The middle of the values selection s holds in trace tr. */
  private static double middle(GateTrace tr, PatternSelection s) {
    float[][] v = tr.top(s.quantity());
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int u : s.units()) {
      for (int t = s.fromStep(); t <= s.toStep(); t++) {
        lo = Math.min(lo, v[t][u]);
        hi = Math.max(hi, v[t][u]);
      }
    }
    return lo + (hi - lo) / 2;
  }

  /** Sets θ and searches again (threshold mode). */
  public void setTheta(double t) {
    theta.set(t);
    if (mode.get() == Mode.THRESHOLD) {
      search();
    }
  }

  /**
   * Moves θ without searching (while the slider is dragged: the histogram shows what it keeps; the
   * search runs when the slider is let go, {@link #setTheta}).
   */
  public void previewTheta(double t) {
    theta.set(t);
  }

  public void chooseMode(Mode m) {
    if (m != null && m != mode.get()) {
      mode.set(m);
      search();
    }
  }

  /** Searches the index for the selection (building the index first if needed). */
  public void search() {
    PatternSelection s = selection.get();
    RecurrentClassifier model = session.modelProperty().get();
    Mnist data = session.dataProperty().get();
    long gen = ++generation;
    if (s == null || model == null || data == null) {
      return;
    }
    TraceIndex ix = index.indexProperty().get();
    if (ix == null) {
      index.ensure();
      status.set(Messages.get("units.pattern.waiting"));
      return;
    }
    int reference = session.testIndexProperty().get();
    if (mode.get() == Mode.SIMILAR && (reference < 0 || reference >= ix.size())) {
      matches.set(List.of());
      status.set(Messages.get("units.pattern.needTestImage", ix.size() - 1));
      return;
    }
    status.set(Messages.get("units.pattern.searching"));
    Mode how = mode.get();
    double th = theta.get();
    boolean needHistogram = histogram.get() == null;
    worker.run(
        model,
        m -> {
          Histogram h = needHistogram ? PatternSearch.histogram(ix, s, BINS) : null;
          List<PatternSearch.Match> found =
              how == Mode.THRESHOLD
                  ? PatternSearch.threshold(ix, m, data.test(), s, th, MATCHES)
                  : PatternSearch.similar(ix, m, data.test(), s, reference, MATCHES);
          return new Object[] {h, found};
        },
        r -> {
          if (gen != generation) {
            return;
          }
          if (r[0] != null) {
            histogram.set((Histogram) r[0]);
          }
          @SuppressWarnings("unchecked")
          List<PatternSearch.Match> found = (List<PatternSearch.Match>) r[1];
          matches.set(found);
          status.set(
              Messages.get(
                  how == Mode.THRESHOLD
                      ? "units.pattern.foundThreshold"
                      : "units.pattern.foundSimilar",
                  found.size(),
                  ix.size(),
                  s.cells()));
        },
        e -> status.set(Failure.describe(e)));
  }

  /** Opens MNIST test image {@code testIndex} in Inside. */
  public void open(int testIndex) {
    session.navigate(new Navigation.TestImage(Workspace.INSIDE, testIndex));
  }

  /** The 784 pixels of test image i (for a thumbnail), or null without data. */
  public float[] pixels(int i) {
    Mnist data = session.dataProperty().get();
    return data == null ? null : data.test().images().imageAsFloats(i);
  }

  /** The quantities the model's cell has. */
  public List<Quantity> quantities() {
    RecurrentClassifier m = session.modelProperty().get();
    return m == null ? List.of(Quantity.HIDDEN) : m.config().cell().quantities();
  }

  public ReadOnlyObjectProperty<Quantity> quantityProperty() {
    return quantity.getReadOnlyProperty();
  }

  /** The shown input's trace (its map), or null. */
  public ReadOnlyObjectProperty<GateTrace> traceProperty() {
    return trace.getReadOnlyProperty();
  }

  /** The map's rows: display row → unit, or null for unit order. */
  public ReadOnlyObjectProperty<int[]> orderProperty() {
    return order.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<PatternSelection> selectionProperty() {
    return selection.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty thetaProperty() {
    return theta.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Mode> modeProperty() {
    return mode.getReadOnlyProperty();
  }

  /** What the selection holds over the index, or null. */
  public ReadOnlyObjectProperty<Histogram> histogramProperty() {
    return histogram.getReadOnlyProperty();
  }

  /** Best matches first. */
  public ReadOnlyObjectProperty<List<PatternSearch.Match>> matchesProperty() {
    return matches.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
