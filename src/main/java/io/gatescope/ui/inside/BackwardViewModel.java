package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.BackwardTrace;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.ui.common.InferenceService;
import io.gatescope.ui.common.Session;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Inside's backward view: how L = −log P(target | whole image) flows back through every gate of the
 * shown digit. Its one job is the backward trace of the current input, model and target, requested
 * off the FX thread (newest request wins) and only while the view is shown, and what is read from
 * it: the maps, the equations of the selected cell, the highway curves (with those of the last cell
 * comparison's GRU and RNN for the same digit) and the read-outs.
 *
 * <p>Gradients are those of the model as trained: interventions do not enter (they have none).
 */
public final class BackwardViewModel {
  private final Session session;
  private final InsideViewModel inside;
  private final InferenceService.Channel channel;

  /** Compared model → its copy for the worker; touched on the worker thread only. */
  private final Map<RecurrentClassifier, RecurrentClassifier> workerCopies =
      new java.util.IdentityHashMap<>();

  private boolean shown;
  private boolean stale = true;
  private boolean quiet; // the target is being set from a result, not by the user
  private Integer chosen; // the user's target for this input, or null for the default

  private final ReadOnlyObjectWrapper<BackwardResult> result = new ReadOnlyObjectWrapper<>();
  private final ObservableList<TargetChoice> choices = FXCollections.observableArrayList();
  private final ObservableList<TargetChoice> choicesView =
      FXCollections.unmodifiableObservableList(choices);
  private final ObjectProperty<TargetChoice> target = new SimpleObjectProperty<>();
  private final BooleanProperty signedLog = new SimpleBooleanProperty(false);
  private final BooleanProperty attribution = new SimpleBooleanProperty(true);
  private final ObservableList<MapData> maps = FXCollections.observableArrayList();
  private final ObservableList<HighwaySeries> highway = FXCollections.observableArrayList();
  private final ObservableList<MapData> mapsView = FXCollections.unmodifiableObservableList(maps);
  private final ObservableList<HighwaySeries> highwayView =
      FXCollections.unmodifiableObservableList(highway);
  private final ReadOnlyIntegerWrapper frontier = new ReadOnlyIntegerWrapper(1);
  private final PointerReadout hover = new PointerReadout("inside.back.hover");
  private final ReadOnlyStringWrapper equations =
      new ReadOnlyStringWrapper(Messages.get("inside.equations.hint"));
  private final ReadOnlyStringWrapper loss = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper highwayNote = new ReadOnlyStringWrapper("");

  public BackwardViewModel(Session session, InsideViewModel inside) {
    this.session = session;
    this.inside = inside;
    this.channel = session.inference().channel();
    session
        .inputProperty()
        .addListener(
            (o, a, b) -> {
              chosen = null; // a new digit starts from its default target
              request();
            });
    session.modelProperty().addListener((o, a, b) -> request());
    session.comparisonModelsProperty().addListener((o, a, b) -> request());
    target.addListener(
        (o, a, b) -> {
          if (!quiet && b != null && (a == null || a.digit() != b.digit())) {
            chosen = b.digit();
            request();
          }
        });
    signedLog.addListener(o -> rebuildMaps());
    inside.sharedRangeProperty().addListener(o -> rebuildMaps());
    inside.orderProperty().addListener(o -> rebuildMaps());
    inside.layerProperty().addListener(o -> rebuildMaps());
    inside.timestepProperty().addListener(o -> updateEquations());
    inside.selectedUnitProperty().addListener(o -> updateEquations());
    session.activeInterventionsProperty().addListener(o -> updateNote());
    updateNote();
  }

  /** Whether the backward view is on screen: traces are computed only then. */
  public void setShown(boolean on) {
    shown = on;
    if (on && stale) {
      request();
    }
  }

  /** Asks for the backward trace of the current input, model and target (newest wins). */
  private void request() {
    if (!shown) {
      stale = true;
      return;
    }
    stale = false;
    hover.clear();
    float[] in = session.inputProperty().get();
    if (in == null || session.modelProperty().get() == null) {
      channel.cancel();
      clear();
      return;
    }
    Integer label = session.inputLabelProperty().get();
    Integer k = chosen;
    Map<CellType, RecurrentClassifier> others = session.comparisonModelsProperty().get();
    channel.compute(m -> BackwardResult.compute(m, in, label, k, others, workerCopies), this::show);
  }

  private void show(BackwardResult r) {
    result.set(r);
    quiet = true;
    try {
      choices.setAll(TargetChoice.all(r.byDefault().digit(), r.byDefault().why()));
      target.set(choices.get(r.trace().target()));
    } finally {
      quiet = false;
    }
    BackwardTrace bt = r.trace();
    loss.set(
        Messages.get(
            "inside.back.loss",
            bt.target(),
            BackwardEquations.g(bt.loss()),
            BackwardEquations.g(bt.probability())));
    rebuildMaps();
    updateEquations();
    updateHighway();
  }

  private void clear() {
    result.set(null);
    maps.clear();
    highway.clear();
    loss.set("");
    highwayNote.set("");
  }

  private void rebuildMaps() {
    hover.clear();
    BackwardResult r = result.get();
    if (r == null) {
      return;
    }
    maps.setAll(
        BackwardMaps.of(
            r.trace(),
            layer(r.trace()),
            inside.sharedRangeProperty().get(),
            signedLog.get(),
            frontier.get()));
  }

  private int layer(BackwardTrace bt) {
    return Math.min(inside.layerProperty().get(), bt.layers().size() - 1);
  }

  private void updateEquations() {
    BackwardResult r = result.get();
    int u = inside.selectedUnitProperty().get();
    if (r == null || u < 0 || u >= r.trace().hidden()) {
      equations.set(Messages.get("inside.equations.hint"));
      return;
    }
    int t = Math.max(1, Math.min(r.forward().steps(), inside.timestepProperty().get()));
    equations.set(BackwardEquations.describe(r.forward(), r.trace(), layer(r.trace()), t, u));
  }

  private void updateHighway() {
    BackwardResult r = result.get();
    highway.setAll(HighwaySeries.of(r.trace(), r.compared()));
    highwayNote.set(r.compared().isEmpty() ? Messages.get("inside.back.highway.none") : "");
  }

  private void updateNote() {
    int n = session.activeInterventionsProperty().get();
    note.set(n == 0 ? "" : Messages.get("inside.back.interventions", n));
  }

  /** The pointer is over a cell of ∂L/∂q's map: the read-out names it and its exact value. */
  public void hoverAt(Quantity q, int step, int unit, float value) {
    hover.at(q, step, unit, value);
  }

  public void clearHover() {
    hover.clear();
  }

  /** The target chosen for the current input, or −1 while it is the default one. */
  public int chosenTarget() {
    return chosen == null ? -1 : chosen;
  }

  /** Takes digit k (0..9) as the target, as the chooser does. */
  public void choose(int k) {
    // Chosen whatever the chooser shows: after a new input it may still show this digit from the
    // last one (while Backward was not shown), and setting an equal value tells no listener.
    chosen = k;
    if (choices.size() == 10) {
      quiet = true;
      try {
        target.set(choices.get(k));
      } finally {
        quiet = false;
      }
    }
    request();
  }

  /** Play: the gradient has reached step t (1..28); the steps before it are blank. */
  public void arriveAt(int t) {
    frontier.set(Math.max(1, Math.min(28, t)));
    rebuildMaps();
  }

  /** Every step shown (after Play, or when it stops). */
  public void showAll() {
    arriveAt(1);
  }

  // ---- read-only state ----

  /** The last result: forward and backward traces of the same input and model. */
  public ReadOnlyObjectProperty<BackwardResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** The shown backward trace, or null. */
  public BackwardTrace trace() {
    BackwardResult r = result.get();
    return r == null ? null : r.trace();
  }

  /** The ten digits a target can be, the default one marked with why. */
  public ObservableList<TargetChoice> targetChoices() {
    return choicesView;
  }

  /** The target k of L; the view's chooser is bound to it both ways. */
  public ObjectProperty<TargetChoice> targetProperty() {
    return target;
  }

  /** Colours on a signed-log scale; the view's check box is bound to it both ways. */
  public BooleanProperty signedLogProperty() {
    return signedLog;
  }

  /** Whether gradient × input is laid over the digit; the view's check box is bound both ways. */
  public BooleanProperty attributionProperty() {
    return attribution;
  }

  /** One map of ∂L/∂q per quantity of the cell, in the cell's order. */
  public ObservableList<MapData> maps() {
    return mapsView;
  }

  /** The highway chart's curves. */
  public ObservableList<HighwaySeries> highway() {
    return highwayView;
  }

  /** The first step the gradient has reached (Play); 1 when every step shows. */
  public ReadOnlyIntegerProperty frontierProperty() {
    return frontier.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty hoverProperty() {
    return hover.property();
  }

  public ReadOnlyStringProperty equationsProperty() {
    return equations.getReadOnlyProperty();
  }

  /** "L = −log P(7) = 0.0123 · P(7) = 0.988", or empty. */
  public ReadOnlyStringProperty lossProperty() {
    return loss.getReadOnlyProperty();
  }

  /** While interventions are active: that these are the model's own gradients without them. */
  public ReadOnlyStringProperty interventionNoteProperty() {
    return note.getReadOnlyProperty();
  }

  /** How to get the compared cells' curves, while there are none; else empty. */
  public ReadOnlyStringProperty highwayNoteProperty() {
    return highwayNote.getReadOnlyProperty();
  }

  /** The unit order of the forward maps (the rows stay where they were). */
  public ReadOnlyObjectProperty<int[]> orderProperty() {
    return inside.orderProperty();
  }

  /** A map cell was clicked: the same unit and timestep as a click in the forward maps. */
  public void select(int step, int unit) {
    inside.select(step, unit);
  }
}
