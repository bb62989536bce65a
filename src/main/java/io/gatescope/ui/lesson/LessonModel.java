package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.LessonFileException;
import io.gatescope.core.model.ModelFile;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A lesson's own model: opened when the lesson opens (written to a private file named after its
 * bytes, then opened as File ▸ Open opens a model, so it lands on the model shelf and reopening the
 * same lesson finds it there), the model in use before it brought back when the lesson closes, and
 * the model in use carried into a saved lesson. A lesson's model that arrives after another lesson
 * was opened, or the lesson closed, is not put in use: the newer choice stays.
 */
final class LessonModel {
  private final Session session;
  private boolean open; // a lesson is open (lessons opened one after another count as one)
  private ModelEntry before; // in use when that began; comes back when the lesson closes
  private ModelEntry own; // the model a lesson put in use since then, or null
  private long ticket; // counts open, useShipped and restore: an older open's model is stale
  private boolean pending; // the open lesson's own model is on its way
  private ModelEntry fromLesson; // the open lesson's own model once in: Save keeps its bytes
  private long changes; // how often the model in use changed
  private ModelEntry lastPut; // the model the last change put in use
  private ModelEntry replaced; // the model it replaced

  LessonModel(Session session) {
    this.session = session;
    session
        .models()
        .currentProperty()
        .addListener(
            (o, was, now) -> {
              changes++;
              lastPut = now;
              replaced = was;
            });
  }

  /**
   * Opens {@code l}'s model; {@code then} runs on the FX thread with whether it is now in use (if
   * not, the status bar says why and the model in use stays).
   */
  void open(Lesson l, LessonViewModel.ModelOpener opener, Consumer<Boolean> then) {
    byte[] bytes = l.model().orElseThrow();
    long mine = ++ticket;
    begin();
    pending = true;
    fromLesson = null;
    String title = l.title().text();
    session
        .inference()
        .run(
            () -> file(l.id(), bytes),
            file -> {
              if (mine != ticket) {
                return; // another lesson was opened, or this one closed: its model is not read
              }
              long seen = changes;
              if (file == null) {
                pending = false;
                session.setStatus(Messages.get("lesson.model.refused", title, "—"));
                then.accept(false);
                return;
              }
              opener
                  .open(file)
                  .thenAccept(
                      entry -> {
                        if (mine != ticket) {
                          giveWay(entry, seen, title);
                          return;
                        }
                        pending = false;
                        if (entry.isPresent()) {
                          own = entry.get();
                          fromLesson = own;
                          session.setStatus(Messages.get("lesson.model.opened", title));
                        } else {
                          // the opener put the reason in the status bar
                          String why = session.statusProperty().get();
                          session.setStatus(Messages.get("lesson.model.refused", title, why));
                        }
                        then.accept(entry.isPresent());
                      });
            });
  }

  /**
   * A stale lesson model came in after a newer choice: if the opener put it in use (as File ▸ Open
   * does) since it was handed the file ({@code seen} changes then), the model it replaced comes
   * back; the stale one stays on the shelf.
   */
  private void giveWay(Optional<ModelEntry> stale, long seen, String title) {
    if (stale.isPresent()
        && changes > seen
        && lastPut == stale.get()
        && session.models().currentProperty().get() == stale.get()
        && replaced != null) {
      ModelEntry back = replaced;
      session.models().select(back);
      // The opener has just said it opened the model: say what is in use after all.
      session.setStatus(Messages.get("lesson.model.late", title, back.name()));
    }
  }

  /**
   * A lesson without a model of its own was written for the one GateScope ships (its text quotes
   * that model's numbers): that model is put in use, and the one in use before comes back when the
   * lesson closes. Nothing changes when it is in use already or not on the shelf.
   */
  void useShipped(Lesson l) {
    ticket++;
    begin();
    pending = false;
    fromLesson = null;
    ModelEntry now = session.models().currentProperty().get();
    if (now == null || now.kind() == ModelEntry.Kind.SHIPPED) {
      return;
    }
    session.models().entries().stream()
        .filter(e -> e.kind() == ModelEntry.Kind.SHIPPED)
        .findFirst()
        .ifPresent(
            shipped -> {
              own = shipped;
              session.models().select(shipped);
              session.setStatus(Messages.get("lesson.model.shipped", l.title().text()));
            });
  }

  /** Whether the open lesson's own model is on its way (its steps wait for it). */
  boolean pending() {
    return pending;
  }

  /** A lesson opens: if none was open, the model in use now is the one to bring back. */
  private void begin() {
    if (!open) {
      open = true;
      before = session.models().currentProperty().get();
      own = null;
    }
  }

  /**
   * The lesson is closed: if the model in use is one a lesson put there, the model in use before
   * the first lesson came is in use again (a model the teacher chose meanwhile stays).
   */
  void restore() {
    ticket++;
    ModelEntry now = session.models().currentProperty().get();
    if (own != null && now == own && before != null) {
      session.models().select(before);
    }
    open = false;
    pending = false;
    fromLesson = null;
    own = null;
    before = null;
  }

  /** Whether the model in use is not the one GateScope ships (a new lesson then carries it). */
  boolean inUseIsNotShipped() {
    ModelEntry e = session.models().currentProperty().get();
    return e != null && e.kind() != ModelEntry.Kind.SHIPPED;
  }

  /**
   * What Save puts in the file as its model: nothing, the lesson's own bytes, or the model in use.
   */
  Carry carry(Lesson l, boolean wanted) {
    ModelEntry e = session.models().currentProperty().get();
    if (wanted && pending && l.model().isPresent()) {
      return new Carry(null, true); // its own model, still on its way: the bytes it came with
    }
    if (!wanted || e == null) {
      return new Carry(null, false);
    }
    return new Carry(e, e == fromLesson && l.model().isPresent());
  }

  /** The saved lesson carries the model in use: it is the lesson's own model from now on. */
  void carried(Carry c) {
    if (c.entry() != null) {
      own = c.entry(); // closing brings back what was in use before the lesson, if that differs
      fromLesson = own; // the lesson holds its bytes now
    }
  }

  /**
   * What a saved lesson carries.
   *
   * @param entry the model in use, or null for no model (with keep: the lesson's own, on its way)
   * @param keep whether it is the lesson's own model, whose bytes the lesson already holds
   */
  record Carry(ModelEntry entry, boolean keep) {
    /**
     * {@code l} with this model in it; writes the model to a file first, so only on the thread that
     * runs the model (the inference worker).
     */
    Lesson into(Lesson l) throws LessonFileException {
      if (keep) {
        return l;
      }
      if (entry == null) {
        return l.withModel(Optional.empty());
      }
      try {
        Path tmp = Files.createTempFile("gatescope-lesson-model", ".gatescope");
        try {
          ModelFile.save(entry.model(), entry.summary(), tmp);
          return l.withModel(Optional.of(Files.readAllBytes(tmp)));
        } finally {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException e) {
        throw new LessonFileException(Messages.get("lesson.model.notSaved", e.getMessage()), e);
      }
    }
  }

  /**
   * The lesson's model as a file, {@code <id>.gatescope} in a private folder named after its bytes:
   * the same lesson opened again is the same file. Null when it cannot be written.
   */
  private static Path file(String id, byte[] bytes) {
    try {
      String hash =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
              .substring(0, 16);
      Path folder = Path.of(System.getProperty("java.io.tmpdir"), "gatescope-lesson-models", hash);
      Files.createDirectories(folder);
      Path f = folder.resolve(id + ".gatescope");
      if (!Files.isRegularFile(f) || Files.size(f) != bytes.length) {
        Files.write(f, bytes);
      }
      f.toFile().deleteOnExit();
      folder.toFile().deleteOnExit();
      return f;
    } catch (IOException | NoSuchAlgorithmException e) {
      return null;
    }
  }
}
