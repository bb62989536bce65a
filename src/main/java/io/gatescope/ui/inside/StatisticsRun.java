package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.inspect.GateStatistics;
import io.gatescope.ui.common.Session;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Inside's gate statistics: per-unit gate saturation over the first {@value #IMAGES} test images,
 * computed on the session's worker, with a sentence on how far it got.
 */
final class StatisticsRun {
  static final int IMAGES = 1000;

  private final Session session;
  private final ReadOnlyObjectWrapper<GateStatistics> result = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper(Messages.get("inside.stats.hint"));

  StatisticsRun(Session session) {
    this.session = session;
  }

  /** Computes the statistics of one layer of the current model. */
  void compute(int layer) {
    var data = session.dataProperty().get();
    if (data == null || session.modelProperty().get() == null) {
      return;
    }
    status.set(Messages.get("inside.stats.computing"));
    session
        .inference()
        .compute(
            model -> GateStatistics.compute(model, data.test(), IMAGES, layer),
            st -> {
              result.set(st);
              status.set(Messages.get("inside.stats.done", st.images()));
            });
  }

  /** The model changed: the statistics shown were another model's. */
  void clear() {
    result.set(null);
  }

  ReadOnlyObjectProperty<GateStatistics> resultProperty() {
    return result.getReadOnlyProperty();
  }

  ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
