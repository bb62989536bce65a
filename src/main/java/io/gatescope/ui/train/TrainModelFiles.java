package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelFileException;
import io.gatescope.core.model.SavedModel;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Notice;
import io.gatescope.ui.common.Session;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;

/** File ▸ Save and File ▸ Open: the model shelf's current model to a file, and back. */
final class TrainModelFiles {
  private final Session session;
  private final Consumer<String> say;

  /**
   * @param say where a message goes (the status line)
   */
  TrainModelFiles(Session session, Consumer<String> say) {
    this.session = session;
    this.say = say;
  }

  /** Saves the current model; the shelf remembers the file. */
  void save(Path file) {
    ModelEntry e = session.models().currentProperty().get();
    if (e == null) {
      say.accept(Messages.get("train.noModel"));
      return;
    }
    try {
      session.models().save(e, file);
      String m = Messages.get("train.saved", file);
      say.accept(m);
      session.notify(new Notice(Messages.get("notice.saved"), m));
    } catch (ModelFileException ex) {
      say.accept(ex.getMessage());
    }
  }

  /**
   * Opens a model file as a new shelf entry (or shows the entry that already holds it), reading it
   * off the FX thread; completes on the FX thread with the entry, or empty when the file was
   * refused (the message says why, the current model stays).
   */
  CompletableFuture<Optional<ModelEntry>> open(Path file) {
    var done = new CompletableFuture<Optional<ModelEntry>>();
    var known = session.models().withFile(file);
    if (known.isPresent()) {
      session.models().select(known.get());
      say.accept(Messages.get("train.opened", file.getFileName()));
      done.complete(known);
      return done;
    }
    // Checking and reading a file is off the FX thread, so a large or hostile file never
    // freezes the window; the current model stays until the new one is whole.
    say.accept(Messages.get("train.opening", file.getFileName()));
    session.setProgress(-1);
    Thread t = new Thread(() -> read(file, done), "gatescope-open");
    t.setDaemon(true);
    t.start();
    return done;
  }

  private void read(Path file, CompletableFuture<Optional<ModelEntry>> done) {
    ModelEntry entry = null;
    String problem = null;
    try {
      SavedModel s = ModelFile.load(file);
      entry =
          new ModelEntry(
              ModelEntry.Kind.FILE,
              file.getFileName().toString(),
              s.model(),
              s.summary(),
              file.toAbsolutePath());
    } catch (ModelFileException ex) {
      problem = ex.getMessage();
    }
    ModelEntry opened = entry;
    String why = problem;
    Platform.runLater(
        () -> {
          session.setProgress(1);
          if (opened != null) {
            session.models().add(opened);
            say.accept(Messages.get("train.opened", file.getFileName()));
          } else {
            say.accept(why);
          }
          done.complete(Optional.ofNullable(opened));
        });
  }
}
