package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.GateStatistics;
import io.gatescope.core.inspect.UnitOrder;
import io.gatescope.ui.common.Session;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Inside workspace's state: the trace of the current input, the unit order, the shared
 * timestep, the selected cell with its equations, the read-out of the cell under the pointer, and
 * interventions with the prediction before and after them. Traces are computed off the FX thread.
 */
public final class InsideViewModel {
  private final Session session;

  private final InsideTraces traces;
  private final ObjectProperty<UnitOrder> orderKind = new SimpleObjectProperty<>(UnitOrder.INDEX);
  private final ReadOnlyObjectWrapper<int[]> order = new ReadOnlyObjectWrapper<>();
  private final ObservableList<MapData> maps = FXCollections.observableArrayList();
  private final ObservableList<MapData> mapsView = FXCollections.unmodifiableObservableList(maps);
  private final BooleanProperty sharedRange = new SimpleBooleanProperty(false);
  private final ShownLayer layer;
  private final CellSelection selection;
  private final PointerReadout hover = new PointerReadout("inside.hover.at");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final InterventionSetup setup;
  private final StatisticsRun statistics;

  public InsideViewModel(Session session) {
    this.session = session;
    this.layer = new ShownLayer(session);
    this.traces = new InsideTraces(session, this::rebuildMaps);
    this.selection = new CellSelection(session, () -> traces.traceProperty().get(), layer::get);
    this.setup = new InterventionSetup(layer::get, selection::unit);
    this.statistics = new StatisticsRun(session);
    session.inputProperty().addListener((o, a, b) -> recompute());
    session
        .modelProperty()
        .addListener(
            (o, a, b) -> {
              setup.reset();
              setup.offer(b);
              layer.reset();
              statistics.clear();
              recompute();
            });
    setup
        .active()
        .addListener(
            (ListChangeListener<Intervention>)
                c -> {
                  session.setActiveInterventions(setup.active().size());
                  recompute();
                });
    layer.property().addListener((o, a, b) -> rebuildMaps());
    orderKind.addListener((o, a, b) -> rebuildMaps());
    sharedRange.addListener((o, a, b) -> rebuildMaps());
    session.timestepProperty().addListener((o, a, b) -> selection.updateEquations());
  }

  /**
   * Traces the current input: as trained first (the baseline), then, if interventions are active,
   * with them. The read-out under the pointer belongs to the old trace, so it goes at once.
   */
  public void recompute() {
    clearHover();
    if (!traces.request(setup.active())) {
      maps.clear();
      traces.updatePredictions();
      summary.set(
          Messages.get(
              session.inputProperty().get() == null ? "inside.noInput" : "inside.noModel"));
    }
  }

  private void rebuildMaps() {
    clearHover();
    GateTrace tr = traces.traceProperty().get();
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
    maps.setAll(MapData.of(tr, l, sharedRange.get()));
    Integer label = session.inputLabelProperty().get();
    summary.set(
        TraceTexts.summary(session.inputSourceProperty().get(), tr, label, setup.active().size()));
    traces.updatePredictions();
    selection.updateEquations();
  }

  /** A map cell was clicked: select the unit and move the shared timestep there. */
  public void select(int step, int unit) {
    selection.select(step, unit);
  }

  /** The pointer is over a cell of q's map: the read-out names it and its exact value. */
  public void hoverAt(Quantity q, int step, int unit, float value) {
    hover.at(q, step, unit, value);
  }

  /** Nothing under the pointer, or what was there is gone (new trace, new order). */
  public void clearHover() {
    hover.clear();
  }

  public void stepBy(int delta) {
    session.setTimestep(session.timestepProperty().get() + delta);
  }

  /** Moves the shared timestep to t (1..28). */
  public void selectStep(int t) {
    session.setTimestep(t);
  }

  /** Clamps the chosen gate (all units, or only the selected one) to the chosen value. */
  public void applyClamp() {
    setup.clamp();
  }

  public void silenceSelected() {
    setup.silenceSelected();
  }

  /**
   * Adds an intervention made elsewhere (Units' "Silence in Inside": a unit of the top layer, which
   * for a deeper model is not the layer the maps show; the list then names its layer).
   */
  public void intervene(Intervention iv) {
    setup.add(iv);
  }

  /**
   * Whether the maps show the layer Units' index covers (the top one): only then are their units
   * the units of a unit card or a pattern search.
   */
  public boolean showsTopLayer() {
    return layer.isTop();
  }

  /** Says in the status bar that unit cards and pattern searches cover the top layer only. */
  public void explainTopLayerOnly() {
    layer.explainTopOnly();
  }

  /** The pointer is over a map's unit number: the read-out says what a click does there. */
  public void hoverUnitLabel(int unit) {
    hover.say(layer.unitLabelSentence(unit));
  }

  public void resetInterventions() {
    setup.reset();
  }

  /** Puts exactly these interventions in force (a lesson step's), replacing any others. */
  public void setInterventions(List<Intervention> list) {
    setup.replaceWith(list);
  }

  public ReadOnlyObjectProperty<GateTrace> traceProperty() {
    return traces.traceProperty();
  }

  /** One map per gate and state of the shown layer, in the cell's order. */
  public ObservableList<MapData> maps() {
    return mapsView;
  }

  /** Display row → unit, as {@link #orderKindProperty()} sorts them. */
  public ReadOnlyObjectProperty<int[]> orderProperty() {
    return order.getReadOnlyProperty();
  }

  /** How the maps' rows are sorted; the view's choice is bound to it both ways. */
  public ObjectProperty<UnitOrder> orderKindProperty() {
    return orderKind;
  }

  /** Whether c̃, c and a share one colour range; the view's check box is bound to it both ways. */
  public BooleanProperty sharedRangeProperty() {
    return sharedRange;
  }

  public ReadOnlyIntegerProperty layerProperty() {
    return layer.property();
  }

  public ReadOnlyIntegerProperty selectedUnitProperty() {
    return selection.unitProperty();
  }

  public ReadOnlyIntegerProperty timestepProperty() {
    return session.timestepProperty();
  }

  /** The read-out of the cell under the pointer; empty when there is none. */
  public ReadOnlyStringProperty hoverProperty() {
    return hover.property();
  }

  /** The trace of the current input without interventions. */
  public ReadOnlyObjectProperty<GateTrace> baselineProperty() {
    return traces.baselineProperty();
  }

  /** "Before: 5 · 96.1%" while an intervention is active, else empty. */
  public ReadOnlyStringProperty predictionBeforeProperty() {
    return traces.beforeProperty();
  }

  /** "After: 3 · 54.2%" while an intervention is active, else empty. */
  public ReadOnlyStringProperty predictionAfterProperty() {
    return traces.afterProperty();
  }

  public ReadOnlyStringProperty equationsProperty() {
    return selection.equationsProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** The interventions in force, oldest first. */
  public ObservableList<Intervention> interventions() {
    return setup.active();
  }

  /** The active interventions as the user reads them: "Γf = 0 (all units) · a = 0 (unit 5)". */
  public String interventionsText() {
    return setup.describe();
  }

  /** The gates this model's cell can clamp (the choices offered). */
  public ReadOnlyObjectProperty<List<Quantity>> clampableGatesProperty() {
    return setup.gatesProperty();
  }

  /** The gate to clamp; the view's choice is bound to it both ways. */
  public ObjectProperty<Quantity> clampGateProperty() {
    return setup.gateProperty();
  }

  /** The value to clamp to; the view's segments are bound to it both ways. */
  public ObjectProperty<Double> clampValueProperty() {
    return setup.valueProperty();
  }

  /** Whether a clamp holds the selected unit only; the view's check box is bound both ways. */
  public BooleanProperty clampSelectedOnlyProperty() {
    return setup.selectedOnlyProperty();
  }

  public ReadOnlyObjectProperty<float[]> inputProperty() {
    return session.inputProperty();
  }

  /** Per-unit gate saturation over the first 1,000 test images, computed off the FX thread. */
  public void computeGateStatistics() {
    statistics.compute(layer.get());
  }

  public ReadOnlyObjectProperty<GateStatistics> gateStatisticsProperty() {
    return statistics.resultProperty();
  }

  public ReadOnlyStringProperty statisticsStatusProperty() {
    return statistics.statusProperty();
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
    selectUnit(CellSelection.unitBy(o, selection.unit(), delta));
  }

  /** The current model's reading order (rows unless it was trained otherwise). */
  public Reading reading() {
    return session.reading();
  }

  /** Shows MNIST test image {@code index} in every workspace. */
  public void showTestImage(int index) {
    session.showTestImage(index);
  }

  /** The MNIST test index of the current input, or −1 when it is not a test image. */
  public ReadOnlyIntegerProperty testIndexProperty() {
    return session.testIndexProperty();
  }

  /** Asks the window for another workspace (the model strip's input and output go to Draw). */
  public void show(io.gatescope.ui.common.Workspace w) {
    session.show(w);
  }
}
