package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.model.TrainingSummary;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One model on the shelf: where it came from, its weights, the file it is saved in (if any) and its
 * accuracy on the whole MNIST test set, measured once the entry is on the shelf. FX thread.
 */
public final class ModelEntry {
  /** Where a model came from. */
  public enum Kind {
    SHIPPED,
    FILE,
    TRAINED,
    TAUGHT
  }

  private final Kind kind;
  private final String name;
  private final RecurrentClassifier model;
  private final TrainingSummary summary;
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyDoubleWrapper accuracy = new ReadOnlyDoubleWrapper(Double.NaN);
  private final StringBinding label;

  public ModelEntry(
      Kind kind, String name, RecurrentClassifier model, TrainingSummary summary, Path file) {
    this.kind = kind;
    this.name = name;
    this.model = model;
    this.summary = summary;
    this.file.set(file);
    this.label =
        Bindings.createStringBinding(
            () ->
                Double.isNaN(accuracy.get())
                    ? Messages.get("models.entry.measuring", name)
                    : Messages.get("models.entry", name, 100 * accuracy.get()),
            accuracy);
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public RecurrentClassifier model() {
    return model;
  }

  /** What is saved with the model (epochs, accuracy, date, where it was trained). */
  public TrainingSummary summary() {
    return summary;
  }

  /** The file the model is saved in, or null when it exists only in this window. */
  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /** Accuracy on the whole test set (the number Evaluate shows), NaN until measured. */
  public ReadOnlyDoubleProperty accuracyProperty() {
    return accuracy.getReadOnlyProperty();
  }

  /** "name · 98.55 % on the test set" (or "measuring…" until known), for menus and status bar. */
  public StringBinding labelBinding() {
    return label;
  }

  /** A trained or taught model that no file holds: lost at quit unless saved. */
  public boolean needsSaving() {
    return (kind == Kind.TRAINED || kind == Kind.TAUGHT) && file.get() == null;
  }

  void savedAs(Path p) {
    file.set(p);
  }

  void measured(double a) {
    accuracy.set(a);
  }
}
