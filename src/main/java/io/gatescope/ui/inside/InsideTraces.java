package io.gatescope.ui.inside;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.ui.common.InferenceService;
import io.gatescope.ui.common.Session;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The traces of the current input: as trained (the baseline) and with the interventions in force,
 * computed off the FX thread (newest request wins), and the prediction before and after them.
 */
final class InsideTraces {
  private final Session session;
  private final InferenceService.Channel inference;
  private final Runnable onShown;
  private final ReadOnlyObjectWrapper<GateTrace> trace = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<GateTrace> baseline = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper before = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper after = new ReadOnlyStringWrapper("");

  /** {@code onShown} runs on the FX thread when the traces of a request have arrived. */
  InsideTraces(Session session, Runnable onShown) {
    this.session = session;
    this.inference = session.inference().channel();
    this.onShown = onShown;
  }

  /**
   * Traces the current input with {@code interventions}; false (and no traces) when there is no
   * input or no model.
   */
  boolean request(List<Intervention> interventions) {
    float[] in = session.inputProperty().get();
    if (in == null || session.modelProperty().get() == null) {
      inference.cancel();
      trace.set(null);
      baseline.set(null);
      return false;
    }
    List<Intervention> active = new ArrayList<>(interventions);
    // One job computes both, so the two always belong to the same input and model.
    inference.compute(
        model -> {
          GateTrace plain = model.trace(in);
          return new GateTrace[] {plain, active.isEmpty() ? plain : model.trace(in, active)};
        },
        both -> show(both[0], both[1]));
    return true;
  }

  private void show(GateTrace plain, GateTrace tr) {
    baseline.set(plain);
    trace.set(tr);
    onShown.run();
  }

  /** The prediction without and with the interventions, when any is active; else both empty. */
  void updatePredictions() {
    GateTrace plain = baseline.get();
    GateTrace tr = trace.get();
    boolean changed = plain != null && tr != null && !tr.interventions().isEmpty();
    before.set(changed ? TraceTexts.answer("inside.before", plain) : "");
    after.set(changed ? TraceTexts.answer("inside.after", tr) : "");
  }

  ReadOnlyObjectProperty<GateTrace> traceProperty() {
    return trace.getReadOnlyProperty();
  }

  ReadOnlyObjectProperty<GateTrace> baselineProperty() {
    return baseline.getReadOnlyProperty();
  }

  ReadOnlyStringProperty beforeProperty() {
    return before.getReadOnlyProperty();
  }

  ReadOnlyStringProperty afterProperty() {
    return after.getReadOnlyProperty();
  }
}
