package io.gatescope.ui.draw;

import io.gatescope.core.Messages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.train.Teaching;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.ModelShelf;
import io.gatescope.ui.common.Session;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * "Teach it": fine-tunes a copy of the current model on the current input with the digit the user
 * names ({@link Teaching}, on the session's worker), puts the taught copy on the model shelf as the
 * current model, and can go back to the model it was first taught from.
 */
final class Teacher {
  private final Session session;
  private final Consumer<String> say;
  private final ObjectProperty<Integer> label = new SimpleObjectProperty<>();
  private final ReadOnlyBooleanWrapper teaching = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyObjectWrapper<ModelEntry> beforeTeaching = new ReadOnlyObjectWrapper<>();

  /**
   * @param say where a sentence about the teaching goes (the Draw workspace's detail line)
   */
  Teacher(Session session, Consumer<String> say) {
    this.session = session;
    this.say = say;
  }

  /** Teaches the current input as {@link #labelProperty()}; the result arrives on the FX thread. */
  void teach() {
    float[] in = session.inputProperty().get();
    Integer digit = label.get();
    RecurrentClassifier model = session.modelProperty().get();
    Mnist m = session.dataProperty().get();
    if (in == null || digit == null || model == null || m == null || teaching.get()) {
      return;
    }
    teaching.set(true);
    say.accept(Messages.get("draw.teaching", digit));
    long seed = System.nanoTime();
    session.inference().run(() -> Teaching.teach(model, in, digit, m.train(), seed), this::taught);
  }

  /**
   * A taught copy is a new, unsaved entry on the model shelf; Undo goes back to the model it was
   * first taught from.
   */
  private void taught(RecurrentClassifier taught) {
    teaching.set(false);
    ModelShelf shelf = session.models();
    if (beforeTeaching.get() == null) {
      beforeTeaching.set(shelf.currentProperty().get());
    }
    ModelEntry before = beforeTeaching.get();
    shelf.add(
        new ModelEntry(
            ModelEntry.Kind.TAUGHT,
            Messages.get("draw.taughtName", before.name()),
            taught,
            before.summary(),
            null));
  }

  /** Restores the model as it was before the first teaching; the taught copies leave the shelf. */
  void undo() {
    ModelEntry before = beforeTeaching.get();
    if (before == null) {
      return;
    }
    ModelShelf shelf = session.models();
    shelf.entries().stream()
        .filter(e -> e.kind() == ModelEntry.Kind.TAUGHT)
        .filter(ModelEntry::needsSaving)
        .toList()
        .forEach(shelf::remove);
    shelf.select(before);
    beforeTeaching.set(null);
  }

  /** The digit the input should be read as; the view's choice is bound to it both ways. */
  ObjectProperty<Integer> labelProperty() {
    return label;
  }

  ReadOnlyBooleanProperty teachingProperty() {
    return teaching.getReadOnlyProperty();
  }

  /** Set while a taught model is current (Undo is possible). */
  ReadOnlyObjectProperty<ModelEntry> beforeTeachingProperty() {
    return beforeTeaching.getReadOnlyProperty();
  }
}
