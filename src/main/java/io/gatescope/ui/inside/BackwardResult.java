package io.gatescope.ui.inside;

import io.gatescope.core.engine.BackwardTrace;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one backward job computes on the worker, all for the same input and model: the forward and
 * backward traces, the compared cells' backward traces, and the default target.
 */
record BackwardResult(
    GateTrace forward,
    BackwardTrace trace,
    Map<CellType, BackwardTrace> compared,
    TargetChoice byDefault) {

  /**
   * On the worker: the traces of {@code in} through {@code m} for target {@code chosen} (null: the
   * default one), and through the compared GRU and RNN of {@code others}; {@code copies} holds the
   * worker's own copy of each compared model, kept between requests.
   */
  static BackwardResult compute(
      RecurrentClassifier m,
      float[] in,
      Integer label,
      Integer chosen,
      Map<CellType, RecurrentClassifier> others,
      Map<RecurrentClassifier, RecurrentClassifier> copies) {
    GateTrace forward = m.trace(in);
    TargetChoice byDefault = TargetChoice.byDefault(label, forward.prediction());
    int k = chosen != null ? chosen : byDefault.digit();
    BackwardTrace bt = m.backwardTrace(in, k);
    Map<CellType, BackwardTrace> compared = new EnumMap<>(CellType.class);
    copies.keySet().retainAll(others.values()); // only the last comparison's models stay
    for (CellType c : List.of(CellType.GRU, CellType.RNN)) {
      RecurrentClassifier other = others.get(c);
      if (other != null) {
        // The worker's own copy, made once per compared model (with its buffers, kept between
        // requests): the session's model is not for this thread.
        compared.put(
            c, copies.computeIfAbsent(other, RecurrentClassifier::copy).backwardTrace(in, k));
      }
    }
    return new BackwardResult(forward, bt, compared, byDefault);
  }
}
