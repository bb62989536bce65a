package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.model.TrainingSummary;
import io.gatescope.core.train.TimeLapse;
import io.gatescope.core.train.Trainer;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingResult;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Navigation;
import io.gatescope.ui.common.Notice;
import io.gatescope.ui.common.Session;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Train workspace's state, by job: the hyperparameter {@link #form()}, the current run's {@link
 * #series()}, the {@link #history()} of runs and the {@link #run()} controller. This class wires
 * them to the session: a run starts from a valid form once MNIST is loaded, and a finished run is
 * listed and put on the model shelf. It also saves and opens model files, and holds the status
 * message.
 */
public final class TrainViewModel {
  private final Session session;
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final TrainForm form = new TrainForm(message::set);
  private final RunSeries series = new RunSeries();
  private final RunHistory history = new RunHistory(message::set);
  private final TrainingRun run = new TrainingRun(series, message::set);
  private final TimeLapseReplay timeLapse = new TimeLapseReplay(run::lossAt);
  private final TrainModelFiles files;

  public TrainViewModel(Session session) {
    this.session = session;
    this.files = new TrainModelFiles(session, message::set);
    // The run's frames are taken before its iteration is reported: they come over with the loss.
    series.loss().addListener((Observable o) -> timeLapse.refresh());
    session
        .dataProperty()
        .addListener(
            (o, was, data) -> {
              if (data != null) {
                timeLapse.dataLoaded(data.test());
              }
            });
    if (session.dataProperty().get() != null) {
      timeLapse.dataLoaded(session.dataProperty().get().test());
    }
  }

  public TrainForm form() {
    return form;
  }

  public RunSeries series() {
    return series;
  }

  public RunHistory history() {
    return history;
  }

  public TrainingRun run() {
    return run;
  }

  /** The training time-lapse: probe digits, the run's frames, the frame shown. */
  public TimeLapseReplay timeLapse() {
    return timeLapse;
  }

  /** The last thing the workspace has to say (started, paused, exported, refused …). */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Fills the form with a preset (the classic lesson, the quick demo, or any config). */
  public void applyPreset(TrainingConfig c) {
    form.applyPreset(c);
  }

  /** Starts a run from the form: not while one runs, the form is invalid or MNIST is loading. */
  public void start() {
    TrainingConfig cfg = form.validate();
    var data = session.dataProperty().get();
    if (data == null) {
      message.set(Messages.get("train.mnistLoading"));
      return;
    }
    if (cfg == null || run.runningProperty().get()) {
      return;
    }
    if (!timeLapse.validProperty().get()) {
      message.set(Messages.get("train.lapse.invalid", timeLapse.probeErrorProperty().get()));
      return;
    }
    String name = history.nextName(cfg.model().cell().name() + " H" + cfg.model().hidden());
    AtomicReference<Trainer> trainer = new AtomicReference<>();
    List<float[]> probes =
        timeLapse.startRun().stream().map(i -> data.test().images().imageAsFloats(i)).toList();
    int total = cfg.epochs() * cfg.iterationsPerEpoch();
    run.start(
        name,
        cfg,
        listener -> {
          // Built on the run's thread, not the FX thread: a large model takes a moment.
          RecurrentClassifier model = RecurrentClassifier.create(cfg.model());
          TimeLapse lapse = timeLapse.begin(model, probes, total);
          Trainer t = new Trainer(cfg, data, model, lapse.then(listener));
          trainer.set(t);
          return job(t);
        },
        (finished, result) -> finished(finished, result, trainer.get()));
  }

  private static TrainingRun.Job job(Trainer t) {
    return new TrainingRun.Job() {
      @Override
      public TrainingResult run() {
        return t.run();
      }

      @Override
      public void pause() {
        t.pause();
      }

      @Override
      public void resume() {
        t.resume();
      }

      @Override
      public void cancel() {
        t.cancel();
      }
    };
  }

  private void finished(Run r, TrainingResult result, Trainer t) {
    history.add(r);
    message.set(Messages.get("train.finishedInUse", r.name(), result.message()));
    session.notify(new Notice(Messages.get("notice.trainingEnded"), message.get()));
    // A new entry on the model shelf: the model it was trained from stays one click away. The
    // summary's test accuracy is the shelf's measurement on the whole test set (set when saved).
    session
        .models()
        .add(
            new ModelEntry(
                ModelEntry.Kind.TRAINED,
                Messages.get("models.trained", r.name()),
                t.model(),
                new TrainingSummary(
                    result.epochs(),
                    result.iterations(),
                    Double.NaN,
                    LocalDate.now().toString(),
                    "GateScope Train workspace"),
                null));
  }

  public void togglePause() {
    run.togglePause();
  }

  public void stop() {
    run.stop();
  }

  /** Lists the runs kept in {@code folder} and keeps every run finished from now on there. */
  public void keepRunsIn(Path folder) {
    history.keepIn(folder);
  }

  /** Saves the current model (File ▸ Save); the shelf remembers the file. */
  public void save(Path file) {
    files.save(file);
  }

  /** Opens a model file as a new shelf entry; see {@link TrainModelFiles#open}. */
  public CompletableFuture<Optional<ModelEntry>> open(Path file) {
    return files.open(file);
  }

  /** Asks the window to show Evaluate and run its LSTM/GRU/RNN comparison. */
  public void requestComparison() {
    session.navigate(new Navigation.Comparison());
  }

  /** Called when the window closes: stop a run so no thread lingers; finish writing runs. */
  public void shutdown() {
    run.stop();
    history.flush(); // a run finished a moment ago is still written
  }
}
