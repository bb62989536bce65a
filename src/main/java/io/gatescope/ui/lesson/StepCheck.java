package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.lesson.CheckState;
import io.gatescope.core.lesson.LessonCheck;
import io.gatescope.core.lesson.LessonStep;
import io.gatescope.ui.common.Session;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A step's check against Inside's traces and the timestep: whether it holds, and the sentence that
 * says what it checks and what GateScope found.
 */
final class StepCheck {
  private final Session session;
  private final InsideState inside;
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Boolean> holds = new ReadOnlyObjectWrapper<>();

  StepCheck(Session session, InsideState inside) {
    this.session = session;
    this.inside = inside;
  }

  /** Not known (the step is being applied). */
  void unknown() {
    holds.set(null);
  }

  /**
   * Evaluates the check of {@code s} (none: null) again; not yet while Inside's traces are not in
   * or not {@code settled} to the step's interventions.
   */
  void evaluate(LessonStep s, boolean settled) {
    Optional<LessonCheck> c = s == null ? Optional.empty() : s.check();
    if (c.isEmpty()) {
      holds.set(null);
      text.set("");
      return;
    }
    GateTrace plain = inside.baselineProperty().get();
    GateTrace shown = inside.traceProperty().get();
    if (plain == null || shown == null || !settled) {
      holds.set(null);
      text.set(Messages.get("lesson.bar.checking", c.get().describe()));
      return;
    }
    CheckState state = new CheckState(plain, shown, session.timestepProperty().get());
    boolean ok = c.get().holds(state);
    holds.set(ok);
    text.set(
        Messages.get(
            ok ? "lesson.bar.holds" : "lesson.bar.notYet",
            c.get().describe(),
            c.get().found(state)));
  }

  /** The check and what GateScope found; empty when the step has none. */
  ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** Whether the step's check holds now; null when it has none or its traces are not in yet. */
  ReadOnlyObjectProperty<Boolean> holdsProperty() {
    return holds.getReadOnlyProperty();
  }
}
