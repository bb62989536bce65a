package io.gatescope.ui.train;

import io.gatescope.core.AtomicFile;
import io.gatescope.core.Messages;
import io.gatescope.core.runs.RunRecord;
import io.gatescope.core.runs.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The finished runs, newest first: the runs of this session and those kept from earlier ones (read
 * and written off the FX thread), the ticked ones whose curves are overlaid, and their CSV export.
 */
public final class RunHistory {
  private static final Pattern NUMBER = Pattern.compile("^#(\\d+) ");

  private final ObservableList<Run> runs = FXCollections.observableArrayList();
  private final ObservableList<Run> runsView = FXCollections.unmodifiableObservableList(runs);
  private final ObservableList<Run> overlaid = FXCollections.observableArrayList();
  private final ObservableList<Run> overlaidView =
      FXCollections.unmodifiableObservableList(overlaid);
  private final Consumer<String> say;
  private RunStore store; // null: runs live only as long as the window
  private ExecutorService keeper;
  private int count;

  /**
   * @param say where a message goes (the status line)
   */
  RunHistory(Consumer<String> say) {
    this.say = say;
  }

  /** A name for the next run: "#3 LSTM H128", numbered after every run listed. */
  String nextName(String what) {
    return "#" + ++count + " " + what;
  }

  /** A run just finished: first in the list, and kept in the folder when there is one. */
  void add(Run run) {
    watch(run);
    runs.add(0, run);
    keep(run);
  }

  private void watch(Run run) {
    run.shown().addListener((o, a, b) -> updateOverlay());
  }

  /**
   * Lists the runs kept in {@code folder} (read off the FX thread; damaged or foreign files are
   * skipped and named in the status) and keeps every run finished from now on there too.
   */
  void keepIn(Path folder) {
    RunStore s = new RunStore(folder);
    store = s;
    if (keeper == null) {
      keeper =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "gatescope-runs");
                t.setDaemon(true);
                return t;
              });
    }
    keeper.execute(
        () -> {
          RunStore.Loaded loaded = s.load();
          Platform.runLater(() -> restore(loaded));
        });
  }

  private void restore(RunStore.Loaded loaded) {
    List<Run> older = new ArrayList<>();
    for (RunRecord r : loaded.runs()) {
      Run run =
          new Run(
              r.name(),
              r.config(),
              r.result(),
              r.iterations(),
              r.evaluations(),
              new SimpleBooleanProperty(false));
      watch(run);
      older.add(run);
      // New runs go on numbering after the kept ones: "#12 …" is never two runs.
      Matcher m = NUMBER.matcher(r.name());
      if (m.find()) {
        count = Math.max(count, Integer.parseInt(m.group(1)));
      }
    }
    runs.addAll(older); // after any run finished meanwhile: these are older
    if (!loaded.problems().isEmpty()) {
      say.accept(
          Messages.get(
              "runs.skipped", loaded.problems().size(), String.join("; ", loaded.problems())));
    }
  }

  /** Writes a run just finished to the store, off the FX thread. */
  private void keep(Run run) {
    RunStore s = store;
    if (s == null) {
      return;
    }
    RunRecord r =
        new RunRecord(
            run.name(),
            Instant.now(),
            run.config(),
            run.result(),
            run.iterations(),
            run.evaluations());
    keeper.execute(
        () -> {
          try {
            s.save(r);
          } catch (IOException | RuntimeException e) {
            Platform.runLater(
                () -> say.accept(Messages.get("runs.saveFailed", run.name(), e.getMessage())));
          }
        });
  }

  private void updateOverlay() {
    overlaid.setAll(runs.stream().filter(r -> r.shown().get()).toList());
  }

  /**
   * What Export CSV writes: the ticked runs, or the selected one when none is ticked (the list's
   * order, newest first); empty when there is nothing to export.
   */
  public List<Run> exportTargets(Run selected) {
    List<Run> ticked = runs.stream().filter(r -> r.shown().get()).toList();
    return !ticked.isEmpty() ? ticked : selected == null ? List.of() : List.of(selected);
  }

  /** Writes {@link RunCsv} of the chosen runs to {@code file}, atomically, and says so. */
  public void exportCsv(List<Run> chosen, Path file) {
    try {
      AtomicFile.write(file, RunCsv.of(chosen).getBytes(StandardCharsets.UTF_8));
      say.accept(
          chosen.size() == 1
              ? Messages.get("train.exported", chosen.get(0).name(), file.getFileName())
              : Messages.get("train.exportedMany", chosen.size(), file.getFileName()));
    } catch (IOException ex) {
      say.accept(Messages.get("train.exportFailed", file, ex.getMessage()));
    }
  }

  /**
   * Waits (a few seconds at most) for the runs queued for writing: called when the window closes.
   */
  void flush() {
    if (keeper == null) {
      return;
    }
    try {
      keeper.submit(() -> {}).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // nothing more to do at close
    }
  }

  /** Every run listed, newest first (read-only). */
  public ObservableList<Run> runs() {
    return runsView;
  }

  /** Runs ticked in the list, whose test-accuracy curves are overlaid (read-only). */
  public ObservableList<Run> overlaid() {
    return overlaidView;
  }
}
