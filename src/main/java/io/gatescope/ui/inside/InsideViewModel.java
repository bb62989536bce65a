package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.Equations;
import io.gatescope.core.inspect.GateStatistics;
import io.gatescope.core.inspect.UnitOrder;
import io.gatescope.ui.common.ColorMap;
import io.gatescope.ui.common.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Inside workspace's state: the trace of the current input, the unit order, the shared
 * timestep, the selected cell with its equations, the read-out of the cell under the pointer, and
 * interventions with the prediction before and after them. Traces are computed off the FX thread.
 */
public final class InsideViewModel {
  /** What one map shows: data, colour map and range. */
  public record MapData(Quantity quantity, float[][] values, ColorMap map, double lo, double hi) {}

  private final Session session;

  /** Newest request wins: a trace job that was overtaken is skipped, its result dropped. */
  private final AtomicLong generation = new AtomicLong();

  private final ObjectProperty<GateTrace> trace = new SimpleObjectProperty<>();
  private final ObjectProperty<UnitOrder> orderKind = new SimpleObjectProperty<>(UnitOrder.INDEX);
  private final ObjectProperty<int[]> order = new SimpleObjectProperty<>();
  private final ObservableList<MapData> maps = FXCollections.observableArrayList();
  private final BooleanProperty sharedRange = new SimpleBooleanProperty(false);
  private final IntegerProperty layer = new SimpleIntegerProperty(0);
  private final IntegerProperty selectedUnit = new SimpleIntegerProperty(-1);
  private final StringProperty hover = new SimpleStringProperty("");
  private final ObjectProperty<GateTrace> baseline = new SimpleObjectProperty<>();
  private final StringProperty before = new SimpleStringProperty("");
  private final StringProperty after = new SimpleStringProperty("");
  private final StringProperty equations =
      new SimpleStringProperty(Messages.get("inside.equations.hint"));
  private final StringProperty summary = new SimpleStringProperty("");
  private final ObservableList<Intervention> interventions = FXCollections.observableArrayList();
  private final ObjectProperty<Quantity> clampGate = new SimpleObjectProperty<>(Quantity.FORGET);
  private final ObjectProperty<Double> clampValue = new SimpleObjectProperty<>(0.0);
  private final ObjectProperty<GateStatistics> gateStatistics = new SimpleObjectProperty<>();
  private final StringProperty statisticsStatus =
      new SimpleStringProperty(Messages.get("inside.stats.hint"));
  private final BooleanProperty clampSelectedOnly = new SimpleBooleanProperty(false);

  public InsideViewModel(Session session) {
    this.session = session;
    session.inputProperty().addListener((o, a, b) -> recompute());
    session
        .modelProperty()
        .addListener(
            (o, a, b) -> {
              interventions.clear();
              layer.set(0);
              gateStatistics.set(null);
              recompute();
            });
    interventions.addListener(
        (javafx.collections.ListChangeListener<Intervention>)
            c -> {
              session.setActiveInterventions(interventions.size());
              recompute();
            });
    clampValue.addListener((o, a, b) -> reclampWith(b));
    layer.addListener((o, a, b) -> rebuildMaps());
    orderKind.addListener((o, a, b) -> rebuildMaps());
    sharedRange.addListener((o, a, b) -> rebuildMaps());
    session.timestepProperty().addListener((o, a, b) -> updateEquations());
  }

  /**
   * Traces the current input: as trained first (the baseline), then, if interventions are active,
   * with them. The read-out under the pointer belongs to the old trace, so it goes at once.
   */
  public void recompute() {
    clearHover();
    float[] in = session.inputProperty().get();
    long gen = generation.incrementAndGet();
    if (in == null || session.modelProperty().get() == null) {
      trace.set(null);
      baseline.set(null);
      maps.clear();
      updatePredictions();
      summary.set(Messages.get(in == null ? "inside.noInput" : "inside.noModel"));
      return;
    }
    List<Intervention> active = new ArrayList<>(interventions);
    // One job computes both, so the two always belong to the same input and model.
    session
        .inference()
        .submit(
            model -> {
              if (generation.get() != gen) {
                return;
              }
              GateTrace plain = model.trace(in);
              GateTrace tr = active.isEmpty() ? plain : model.trace(in, active);
              Platform.runLater(
                  () -> {
                    if (generation.get() == gen) {
                      show(plain, tr);
                    }
                  });
            });
  }

  private void show(GateTrace plain, GateTrace tr) {
    baseline.set(plain);
    trace.set(tr);
    rebuildMaps();
  }

  private void rebuildMaps() {
    clearHover();
    GateTrace tr = trace.get();
    if (tr == null) {
      return;
    }
    int l = Math.min(layer.get(), tr.layers().size() - 1);
    RecurrentClassifier model = session.modelProperty().get();
    float[] readout = null;
    if (model != null) {
      readout = model.params().get("out.W").getColumn(tr.prediction()).toFloatVector();
    }
    order.set(orderKind.get().order(tr, l, Quantity.HIDDEN, readout));
    double shared = 0;
    for (Quantity q : tr.cell().quantities()) {
      if (!q.isGate()) {
        shared = Math.max(shared, maxAbs(tr.get(l, q)));
      }
    }
    List<MapData> out = new ArrayList<>();
    for (Quantity q : tr.cell().quantities()) {
      float[][] v = tr.get(l, q);
      if (q.isGate()) {
        out.add(new MapData(q, v, ColorMap.SEQUENTIAL, 0, 1));
      } else {
        double r = sharedRange.get() ? shared : maxAbs(v);
        if (q != Quantity.CELL && !sharedRange.get()) {
          r = 1; // tanh outputs live in [−1, 1]
        }
        r = Math.max(r, 1e-6);
        out.add(new MapData(q, v, ColorMap.DIVERGING, -r, r));
      }
    }
    maps.setAll(out);
    Integer label = session.inputLabelProperty().get();
    summary.set(
        Messages.get(
                "inside.summary",
                session.inputSourceProperty().get(),
                tr.prediction(),
                100 * tr.probabilities()[tr.prediction()])
            + (label == null ? "" : " " + Messages.get("inside.summary.truth", label))
            + (interventions.isEmpty()
                ? ""
                : " " + Messages.get("inside.summary.interventions", interventions.size())));
    updatePredictions();
    updateEquations();
  }

  /** The prediction without and with the interventions, when any is active; else both empty. */
  private void updatePredictions() {
    GateTrace plain = baseline.get();
    GateTrace tr = trace.get();
    if (plain == null || tr == null || tr.interventions().isEmpty()) {
      before.set("");
      after.set("");
      return;
    }
    before.set(
        Messages.get(
            "inside.before", plain.prediction(), 100 * plain.probabilities()[plain.prediction()]));
    after.set(
        Messages.get("inside.after", tr.prediction(), 100 * tr.probabilities()[tr.prediction()]));
  }

  static double maxAbs(float[][] v) {
    double m = 0;
    for (float[] row : v) {
      for (float x : row) {
        m = Math.max(m, Math.abs(x));
      }
    }
    return m;
  }

  /** A map cell was clicked: select the unit and move the shared timestep there. */
  public void select(int step, int unit) {
    selectedUnit.set(unit);
    session.timestepProperty().set(step);
    updateEquations();
  }

  /** The pointer is over a cell of q's map: the read-out names it and its exact value. */
  public void hoverAt(Quantity q, int step, int unit, float value) {
    hover.set(Messages.get("inside.hover.at", q.symbol(), unit, step, exact(value)));
  }

  /**
   * A float exactly: the shortest decimal that reads back as the same float (0.769, 0.0000123,
   * −0.1476064), in the user's number format.
   */
  static String exact(float v) {
    java.math.BigDecimal d = new java.math.BigDecimal(Float.toString(v));
    java.text.NumberFormat f =
        java.text.NumberFormat.getInstance(
            java.util.Locale.getDefault(java.util.Locale.Category.FORMAT));
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(Math.max(1, d.scale()));
    f.setGroupingUsed(false);
    return f.format(d);
  }

  /** Nothing under the pointer, or what was there is gone (new trace, new order). */
  public void clearHover() {
    hover.set("");
  }

  public void stepBy(int delta) {
    int t = Math.max(1, Math.min(28, session.timestepProperty().get() + delta));
    session.timestepProperty().set(t);
  }

  private void updateEquations() {
    GateTrace tr = trace.get();
    int u = selectedUnit.get();
    if (tr == null || u < 0 || u >= tr.hidden()) {
      return;
    }
    int l = Math.min(layer.get(), tr.layers().size() - 1);
    equations.set(Equations.describe(tr, l, session.timestepProperty().get(), u));
  }

  /** Clamps the chosen gate (all units, or only the selected one) to the chosen value. */
  public void applyClamp() {
    int[] units =
        clampSelectedOnly.get() && selectedUnit.get() >= 0
            ? new int[] {selectedUnit.get()}
            : new int[0];
    interventions.add(
        new Intervention(layer.get(), clampGate.get(), units, clampValue.get().floatValue()));
  }

  /**
   * A new value for the chosen gate while it is clamped changes that clamp, so the value shown as
   * chosen is the value in force (a teacher reads the lit button as the clamp).
   */
  private void reclampWith(Double value) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < interventions.size(); i++) {
      Intervention c = interventions.get(i);
      if (c.layer() == layer.get() && c.quantity() == clampGate.get() && c.value() != value) {
        interventions.set(
            i, new Intervention(c.layer(), c.quantity(), c.units(), value.floatValue()));
      }
    }
  }

  public void silenceSelected() {
    if (selectedUnit.get() >= 0) {
      interventions.add(Intervention.silence(layer.get(), selectedUnit.get()));
    }
  }

  public void resetInterventions() {
    interventions.clear();
  }

  /** Gates this model's cell can clamp. */
  public List<Quantity> clampableGates() {
    RecurrentClassifier m = session.modelProperty().get();
    if (m == null) {
      return List.of();
    }
    return m.config().cell().quantities().stream().filter(Quantity::isGate).toList();
  }

  public ObjectProperty<GateTrace> traceProperty() {
    return trace;
  }

  public ObservableList<MapData> maps() {
    return maps;
  }

  public ObjectProperty<int[]> orderProperty() {
    return order;
  }

  public ObjectProperty<UnitOrder> orderKindProperty() {
    return orderKind;
  }

  public BooleanProperty sharedRangeProperty() {
    return sharedRange;
  }

  public IntegerProperty layerProperty() {
    return layer;
  }

  public IntegerProperty selectedUnitProperty() {
    return selectedUnit;
  }

  public IntegerProperty timestepProperty() {
    return session.timestepProperty();
  }

  /** The read-out of the cell under the pointer; empty when there is none. */
  public ReadOnlyStringProperty hoverProperty() {
    return hover;
  }

  /** The trace of the current input without interventions. */
  public ReadOnlyObjectProperty<GateTrace> baselineProperty() {
    return baseline;
  }

  /** "Before: 5 · 96.1%" while an intervention is active, else empty. */
  public ReadOnlyStringProperty predictionBeforeProperty() {
    return before;
  }

  /** "After: 3 · 54.2%" while an intervention is active, else empty. */
  public ReadOnlyStringProperty predictionAfterProperty() {
    return after;
  }

  public StringProperty equationsProperty() {
    return equations;
  }

  public StringProperty summaryProperty() {
    return summary;
  }

  public ObservableList<Intervention> interventions() {
    return interventions;
  }

  /** The active interventions as the user reads them: "Γf = 0 (all units) · a = 0 (unit 5)". */
  public String interventionsText() {
    List<String> parts = new ArrayList<>();
    for (Intervention iv : interventions) {
      String units =
          iv.units().length == 0
              ? Messages.get("inside.iv.all")
              : Messages.get(
                  "inside.iv.units",
                  java.util.Arrays.stream(iv.units())
                      .mapToObj(Integer::toString)
                      .collect(java.util.stream.Collectors.joining(", ")));
      parts.add(Messages.get("inside.iv", iv.quantity().symbol(), iv.value(), units));
    }
    return String.join(" · ", parts);
  }

  public ObjectProperty<Quantity> clampGateProperty() {
    return clampGate;
  }

  public ObjectProperty<Double> clampValueProperty() {
    return clampValue;
  }

  public BooleanProperty clampSelectedOnlyProperty() {
    return clampSelectedOnly;
  }

  public javafx.beans.property.ReadOnlyObjectProperty<float[]> inputProperty() {
    return session.inputProperty();
  }

  /** Per-unit gate saturation over the first 1,000 test images, computed off the FX thread. */
  public void computeGateStatistics() {
    var data = session.dataProperty().get();
    if (data == null || session.modelProperty().get() == null) {
      return;
    }
    int l = layer.get();
    statisticsStatus.set(Messages.get("inside.stats.computing"));
    session
        .inference()
        .submit(
            model -> {
              GateStatistics st = GateStatistics.compute(model, data.test(), 1000, l);
              Platform.runLater(
                  () -> {
                    gateStatistics.set(st);
                    statisticsStatus.set(Messages.get("inside.stats.done", st.images()));
                  });
            });
  }

  public ObjectProperty<GateStatistics> gateStatisticsProperty() {
    return gateStatistics;
  }

  public StringProperty statisticsStatusProperty() {
    return statisticsStatus;
  }

  /** Selects a unit (from the statistics) without moving the timestep. */
  public void selectUnit(int unit) {
    select(session.timestepProperty().get(), unit);
  }

  /** Selects the unit {@code delta} rows below (or above) the selected one, in display order. */
  public void unitBy(int delta) {
    int[] o = order.get();
    if (o == null || o.length == 0) {
      return;
    }
    int row = -1;
    for (int i = 0; i < o.length; i++) {
      if (o[i] == selectedUnit.get()) {
        row = i;
      }
    }
    int next = row < 0 ? 0 : Math.max(0, Math.min(o.length - 1, row + delta));
    selectUnit(o[next]);
  }

  /** The current model's reading order (rows unless it was trained otherwise). */
  public io.gatescope.core.engine.Reading reading() {
    var m = session.modelProperty().get();
    return m == null ? io.gatescope.core.engine.Reading.ROWS : m.config().reading();
  }

  public Session session() {
    return session;
  }
}
