package io.gatescope.ui.common;

import io.gatescope.core.data.Mnist;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelFileException;
import io.gatescope.core.model.TrainingSummary;
import io.gatescope.core.train.Evaluation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every model of this window: the shipped one, opened files, trained runs and taught copies. One of
 * them is current (the session's model); training or opening adds an entry instead of replacing
 * one, so the shipped model is always a click away. Each entry's accuracy on the whole test set is
 * measured in the background with the code Evaluate uses, so the status bar and Evaluate show the
 * same number. FX thread, except the measuring.
 */
public final class ModelShelf {
  private final Session session;
  private final ObservableList<ModelEntry> entries = FXCollections.observableArrayList();
  private final ObservableList<ModelEntry> readOnly =
      FXCollections.unmodifiableObservableList(entries);
  private final ReadOnlyObjectWrapper<ModelEntry> current = new ReadOnlyObjectWrapper<>();
  private final ExecutorService measurer =
      InferenceService.singleDaemon("gatescope-model-accuracy");

  ModelShelf(Session session) {
    this.session = session;
    current.addListener((o, was, e) -> session.use(e));
    session
        .dataProperty()
        .addListener((o, a, data) -> entries.stream().filter(e -> isNaN(e)).forEach(this::measure));
  }

  public ObservableList<ModelEntry> entries() {
    return readOnly;
  }

  /** The entry whose model every workspace shows. */
  public ReadOnlyObjectProperty<ModelEntry> currentProperty() {
    return current.getReadOnlyProperty();
  }

  /** Puts a model on the shelf and makes it current. */
  public void add(ModelEntry e) {
    entries.add(e);
    current.set(e);
    measure(e);
  }

  /** Makes an entry on the shelf the current model. */
  public void select(ModelEntry e) {
    if (entries.contains(e)) {
      current.set(e);
    }
  }

  /** Takes an entry off the shelf; if it was current, the one before it becomes current. */
  public void remove(ModelEntry e) {
    int i = entries.indexOf(e);
    if (i < 0) {
      return;
    }
    entries.remove(i);
    if (current.get() == e) {
      current.set(entries.isEmpty() ? null : entries.get(Math.max(0, i - 1)));
    }
  }

  /** The entry already holding {@code file}, if it was opened or saved in this window. */
  public Optional<ModelEntry> withFile(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return entries.stream()
        .filter(e -> e.fileProperty().get() != null)
        .filter(e -> e.fileProperty().get().toAbsolutePath().normalize().equals(abs))
        .findFirst();
  }

  /** Trained or taught models that no file holds, in shelf order. */
  public List<ModelEntry> unsaved() {
    return entries.stream().filter(ModelEntry::needsSaving).toList();
  }

  /**
   * Saves an entry's model (atomically) and remembers the file. The summary's test accuracy is the
   * shelf's measurement when there is one.
   */
  public void save(ModelEntry e, Path file) throws ModelFileException {
    TrainingSummary s = e.summary();
    double measured = e.accuracyProperty().get();
    if (!Double.isNaN(measured)) {
      s = new TrainingSummary(s.epochs(), s.iterations(), measured, s.date(), s.command());
    }
    ModelFile.save(e.model(), s, file);
    e.savedAs(file.toAbsolutePath());
  }

  private static boolean isNaN(ModelEntry e) {
    return Double.isNaN(e.accuracyProperty().get());
  }

  /** Measures test accuracy off the FX thread, on a copy (the entry's model may be in use). */
  private void measure(ModelEntry e) {
    Mnist data = session.dataProperty().get();
    if (data == null || measurer.isShutdown()) {
      return; // measured when the data arrives; nothing once the window is closing
    }
    measurer.execute(
        () -> {
          double a = Evaluation.of(e.model().copy(), data.test(), 500, f -> {}).accuracy();
          Platform.runLater(() -> e.measured(a));
        });
  }

  void shutdown() {
    measurer.shutdownNow();
  }
}
