package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.ui.common.Session;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The layer Inside's maps show (the first; a new model starts there again), and whether it is the
 * top layer: the one Units' index covers, so the only one whose units have a card or a pattern
 * search.
 */
final class ShownLayer {
  private final Session session;
  private final ReadOnlyIntegerWrapper layer = new ReadOnlyIntegerWrapper(0);

  ShownLayer(Session session) {
    this.session = session;
  }

  int get() {
    return layer.get();
  }

  /** A new model: back to the first layer. */
  void reset() {
    layer.set(0);
  }

  ReadOnlyIntegerProperty property() {
    return layer.getReadOnlyProperty();
  }

  /** Whether the shown layer is the top one. */
  boolean isTop() {
    RecurrentClassifier m = session.modelProperty().get();
    return m != null && layer.get() == m.config().layers() - 1;
  }

  /** Says in the status bar that unit cards and pattern searches cover the top layer only. */
  void explainTopOnly() {
    RecurrentClassifier m = session.modelProperty().get();
    if (m != null) {
      session.setStatus(Messages.get("inside.topLayerOnly", layer.get() + 1, m.config().layers()));
    }
  }

  /** What a click on unit {@code unit}'s number on a map does, as the read-out says it. */
  String unitLabelSentence(int unit) {
    return isTop()
        ? Messages.get("inside.hover.unitLabel", unit)
        : Messages.get(
            "inside.hover.unitLabelOtherLayer",
            unit,
            layer.get() + 1,
            session.modelProperty().get().config().layers());
  }
}
