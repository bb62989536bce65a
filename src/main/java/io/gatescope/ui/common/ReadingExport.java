package io.gatescope.ui.common;

import io.gatescope.core.AtomicFile;
import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * "Export reading…": the current input read row by row by the current model, as an animated GIF
 * ({@link ReadingFrames}, {@link AnimatedGif}). The trace and the GIF's encoding run on the
 * inference worker; the frames are snapshots, one per FX pulse, so the window stays responsive.
 */
public final class ReadingExport {
  private ReadingExport() {}

  /** Asks for a file, then exports there; says so when there is nothing to read. FX thread. */
  public static void ask(Session session, Window owner) {
    Input in = session.currentInputProperty().get();
    if (in == null || session.modelProperty().get() == null) {
      session.notify(
          new Notice(Messages.get("export.reading"), Messages.get("export.reading.none")));
      return;
    }
    String name = in.testIndex() >= 0 ? "gatescope-reading-" + in.testIndex() : "gatescope-reading";
    Path target = PictureExport.askSave(owner, name + ".gif", "gif");
    if (target != null) {
      write(session, target, done -> {});
    }
  }

  /**
   * Traces the current input with the current model and writes the GIF to {@code target}; then
   * calls {@code done} (FX thread) with the number of frames, or −1 when it failed (the status says
   * why). FX thread.
   */
  public static void write(Session session, Path target, Consumer<Integer> done) {
    Input in = session.currentInputProperty().get();
    if (in == null) {
      done.accept(-1);
      return;
    }
    String model = session.modelNameProperty().get();
    var reading = session.reading();
    session
        .inference()
        .compute(
            m -> m.trace(in.pixels()),
            (GateTrace tr) -> {
              ReadingFrames frames =
                  new ReadingFrames(in.pixels(), tr, reading, in.describe(), model);
              renderFrom(0, frames, new ArrayList<>(), session, target, done);
            });
  }

  /** One frame now, the next at a later pulse; when all are there, encodes off the FX thread. */
  private static void renderFrom(
      int k,
      ReadingFrames frames,
      List<AnimatedGif.Frame> out,
      Session session,
      Path target,
      Consumer<Integer> done) {
    int n = frames.count();
    if (k < n) {
      session.setStatus(Messages.get("export.reading.busy", k + 1, n));
      session.setProgress((k + 1.0) / (n + 1));
      out.add(ReadingFrames.gifFrame(frames.frame(k), frames.centiseconds(k)));
      Platform.runLater(() -> renderFrom(k + 1, frames, out, session, target, done));
      return;
    }
    session
        .inference()
        .run(
            () -> {
              try {
                AtomicFile.write(target, AnimatedGif.write(out));
                return null;
              } catch (IOException | UncheckedIOException ex) {
                return Failure.describe(ex); // in words, as every background failure
              }
            },
            (String error) -> {
              session.setProgress(1);
              String text =
                  error == null
                      ? Messages.get("export.reading.done", target, n)
                      : Messages.get("file.saveFailed", target, error);
              session.setStatus(text);
              session.notify(new Notice(Messages.get("export.reading"), text));
              done.accept(error == null ? n : -1);
            });
  }
}
