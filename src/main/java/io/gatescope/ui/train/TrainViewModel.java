package io.gatescope.ui.train;

import io.gatescope.core.Limits;
import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelFileException;
import io.gatescope.core.model.SavedModel;
import io.gatescope.core.model.TrainingSummary;
import io.gatescope.core.runs.RunRecord;
import io.gatescope.core.runs.RunStore;
import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.GateSaturation;
import io.gatescope.core.train.IterationStats;
import io.gatescope.core.train.OptimizerKind;
import io.gatescope.core.train.Trainer;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingListener;
import io.gatescope.core.train.TrainingResult;
import io.gatescope.ui.common.CoalescingBridge;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Notice;
import io.gatescope.ui.common.Session;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.concurrent.Task;
import javafx.scene.chart.XYChart;

/**
 * The Train workspace's state: the hyperparameter form (text as typed, with a reason per invalid
 * field), the run's progress, chart data and the list of finished runs. Training runs in a Task;
 * its statistics reach the FX thread through one coalescing bridge.
 */
public final class TrainViewModel {
  /** Points kept per chart series before old points are thinned. */
  static final int MAX_POINTS = 1500;

  /** Form fields, in display order. */
  public enum Field {
    CELL,
    READING,
    LAYERS,
    HIDDEN,
    PROJECTION,
    BATCH,
    EPOCHS,
    LR,
    LR_DECAY,
    OPTIMIZER,
    CLIP,
    FORGET_BIAS,
    SEED,
    TRAIN_SIZE,
    EVAL_EVERY;

    /** The field's name in the form, in the current language. */
    public String label() {
      return Messages.get("train.field." + name().toLowerCase());
    }
  }

  /**
   * A finished run, for the run list: its config, result and full history (for the CSV export and
   * for overlaying its curves). {@code shown} is ticked in the list to overlay it.
   */
  public record Run(
      String name,
      TrainingConfig config,
      TrainingResult result,
      List<IterationStats> iterations,
      List<EvaluationStats> evaluations,
      BooleanProperty shown) {
    @Override
    public String toString() {
      String reason = Messages.get("train.stop." + result.reason().name().toLowerCase());
      // A run stopped before its first evaluation measured no accuracy: say so, never "0.00%".
      return evaluations.isEmpty()
          ? Messages.get(
              "train.run.summary.unmeasured", name, reason, result.elapsedMillis() / 1000.0)
          : Messages.get(
              "train.run.summary",
              name,
              100 * result.bestAccuracy(),
              reason,
              result.elapsedMillis() / 1000.0);
    }
  }

  private final Session session;
  private final Map<Field, StringProperty> text = new EnumMap<>(Field.class);
  private final ObservableMap<Field, String> errors = FXCollections.observableHashMap();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final javafx.beans.property.ReadOnlyIntegerWrapper totalIterations =
      new javafx.beans.property.ReadOnlyIntegerWrapper(0);
  private final BooleanProperty paused = new SimpleBooleanProperty(false);
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final StringProperty progressText =
      new SimpleStringProperty(Messages.get("train.progress.ready"));
  private final StringProperty message = new SimpleStringProperty("");
  private final ObservableList<XYChart.Data<Number, Number>> loss =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> smoothLoss =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> batchAccuracy =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> testAccuracy =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> testLoss =
      FXCollections.observableArrayList();
  private final Map<String, ObservableList<XYChart.Data<Number, Number>>> saturation =
      new LinkedHashMap<>();
  private final ObservableList<Run> runs = FXCollections.observableArrayList();
  private final ObservableList<Run> overlaid = FXCollections.observableArrayList();
  private final List<IterationStats> iterationHistory = new java.util.ArrayList<>();
  private final List<EvaluationStats> evaluationHistory = new java.util.ArrayList<>();
  private final java.util.concurrent.atomic.AtomicReference<Trainer> trainer =
      new java.util.concurrent.atomic.AtomicReference<>();
  private volatile boolean stopRequested;
  private final BooleanBinding valid;

  /** Reasons for values the form does not show (none while the form sets them right). */
  private final StringProperty beyondForm = new SimpleStringProperty("");

  private final ReadOnlyIntegerWrapper plannedIterations = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyIntegerWrapper pausedAt = new ReadOnlyIntegerWrapper(-1);
  private String currentName = "";
  private RunStore store; // null: runs live only as long as the window
  private boolean restoring; // runs being listed from the store, not finished now
  private java.util.concurrent.ExecutorService keeper;
  private double ema = Double.NaN;
  private double emaWeight;
  private int runCount;

  public TrainViewModel(Session session) {
    this.session = session;
    for (Field f : Field.values()) {
      StringProperty p = new SimpleStringProperty("");
      p.addListener((o, a, b) -> validate());
      text.put(f, p);
    }
    for (String g :
        List.of("Γu < 0.1", "Γu > 0.9", "Γf < 0.1", "Γf > 0.9", "Γo < 0.1", "Γo > 0.9")) {
      saturation.put(g, FXCollections.observableArrayList());
    }
    valid = Bindings.isEmpty(errors).and(beyondForm.isEmpty());
    applyPreset(TrainingConfig.classic());
    paused.addListener((o, was, now) -> showPaused());
    runs.addListener(
        (ListChangeListener<Run>)
            c -> {
              while (c.next()) {
                if (c.wasAdded() && !restoring) {
                  c.getAddedSubList().forEach(this::keep);
                }
              }
            });
  }

  // ---- runs kept between sessions ----

  /**
   * Lists the runs kept in {@code folder} (read off the FX thread; damaged or foreign files are
   * skipped and named in the status) and keeps every run finished from now on there too.
   */
  public void keepRunsIn(java.nio.file.Path folder) {
    RunStore s = new RunStore(folder);
    store = s;
    if (keeper == null) {
      keeper =
          java.util.concurrent.Executors.newSingleThreadExecutor(
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
    List<Run> older = new java.util.ArrayList<>();
    for (RunRecord r : loaded.runs()) {
      Run run =
          new Run(
              r.name(),
              r.config(),
              r.result(),
              r.iterations(),
              r.evaluations(),
              new SimpleBooleanProperty(false));
      run.shown().addListener((o, a, b) -> updateOverlay());
      older.add(run);
      // New runs go on numbering after the kept ones: "#12 …" is never two runs.
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^#(\\d+) ").matcher(r.name());
      if (m.find()) {
        runCount = Math.max(runCount, Integer.parseInt(m.group(1)));
      }
    }
    restoring = true;
    try {
      runs.addAll(older); // after any run finished meanwhile: these are older
    } finally {
      restoring = false;
    }
    if (!loaded.problems().isEmpty()) {
      message.set(
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
            java.time.Instant.now(),
            run.config(),
            run.result(),
            run.iterations(),
            run.evaluations());
    keeper.execute(
        () -> {
          try {
            s.save(r);
          } catch (java.io.IOException | RuntimeException e) {
            Platform.runLater(
                () -> message.set(Messages.get("runs.saveFailed", run.name(), e.getMessage())));
          }
        });
  }

  // ---- form ----

  public void applyPreset(TrainingConfig c) {
    ModelConfig m = c.model();
    set(Field.CELL, m.cell().name().toLowerCase());
    set(Field.READING, m.reading().name().toLowerCase());
    set(Field.LAYERS, Integer.toString(m.layers()));
    set(Field.HIDDEN, Integer.toString(m.hidden()));
    set(Field.PROJECTION, Integer.toString(m.projection()));
    set(Field.BATCH, Integer.toString(c.batch()));
    set(Field.EPOCHS, Integer.toString(c.epochs()));
    set(Field.LR, Double.toString(c.learningRate()));
    set(Field.LR_DECAY, Double.toString(c.lrDecay()));
    set(Field.OPTIMIZER, c.optimizer().name().toLowerCase());
    set(Field.CLIP, Double.toString(c.clipNorm()));
    set(Field.FORGET_BIAS, Double.toString(m.forgetBias()));
    set(Field.SEED, Long.toString(m.seed()));
    set(Field.TRAIN_SIZE, Integer.toString(c.trainSize()));
    set(Field.EVAL_EVERY, Integer.toString(c.evalEvery()));
  }

  private void set(Field f, String v) {
    text.get(f).set(v);
  }

  public StringProperty textProperty(Field f) {
    return text.get(f);
  }

  /** Reasons per invalid field; empty when the form is valid. */
  public ObservableMap<Field, String> errors() {
    return errors;
  }

  public BooleanBinding validProperty() {
    return valid;
  }

  /** Parses the form into a config, filling {@link #errors()}; null when invalid. */
  public TrainingConfig validate() {
    Map<Field, String> e = new EnumMap<>(Field.class);
    CellType cell = null;
    try {
      cell = CellType.parse(text.get(Field.CELL).get());
    } catch (IllegalArgumentException ex) {
      e.put(Field.CELL, Messages.get("train.error.cell"));
    }
    io.gatescope.core.engine.Reading reading = io.gatescope.core.engine.Reading.ROWS;
    try {
      reading = io.gatescope.core.engine.Reading.parse(text.get(Field.READING).get());
    } catch (IllegalArgumentException | NullPointerException ex) {
      e.put(Field.READING, Messages.get("train.error.reading"));
    }
    OptimizerKind opt = null;
    try {
      opt = OptimizerKind.parse(text.get(Field.OPTIMIZER).get());
    } catch (IllegalArgumentException ex) {
      e.put(Field.OPTIMIZER, Messages.get("train.error.optimizer"));
    }
    int layers = integer(e, Field.LAYERS);
    int hidden = integer(e, Field.HIDDEN);
    int proj = integer(e, Field.PROJECTION);
    int batch = integer(e, Field.BATCH);
    int epochs = integer(e, Field.EPOCHS);
    double lr = decimal(e, Field.LR);
    double decay = decimal(e, Field.LR_DECAY);
    double clip = decimal(e, Field.CLIP);
    double fb = decimal(e, Field.FORGET_BIAS);
    long seed = integer(e, Field.SEED);
    int train = integer(e, Field.TRAIN_SIZE);
    int every = integer(e, Field.EVAL_EVERY);
    List<String> beyond = new java.util.ArrayList<>();
    TrainingConfig cfg = null;
    if (e.isEmpty()) {
      cfg =
          TrainingConfig.builder()
              .model(new ModelConfig(cell, layers, hidden, proj, fb, seed, reading))
              .batch(batch)
              .epochs(epochs)
              .learningRate(lr)
              .optimizer(opt)
              .clipNorm(clip)
              .trainSize(train)
              .testSize((int) Limits.TEST_SIZE.maxWhole())
              .evalEvery( // the whole test set
                  every)
              .lrDecay(decay)
              .build();
      for (TrainingConfig.FieldError fe : cfg.validate()) {
        Field f = formField(fe.field());
        if (f != null) {
          e.put(f, fe.message());
        } else {
          beyond.add(fe.toString()); // named with its own label, never on another field
        }
      }
    }
    errors.keySet().retainAll(e.keySet());
    errors.putAll(e);
    beyondForm.set(String.join("; ", beyond));
    if (!beyond.isEmpty()) {
      message.set(beyondForm.get());
    }
    // Planned from a form that is valid now, never from an earlier value (no invented number).
    plannedIterations.set(valid.get() && cfg != null ? cfg.epochs() * cfg.iterationsPerEpoch() : 0);
    return valid.get() ? cfg : null;
  }

  /**
   * The form's field for a {@link TrainingConfig.FieldError#field()} id; null for a value the form
   * does not show (the test-set size, the target accuracy).
   */
  static Field formField(String id) {
    for (Field f : Field.values()) {
      if (f.name().equalsIgnoreCase(id)) {
        return f;
      }
    }
    return null;
  }

  /** A numeric field's range, from the one table of limits. */
  static Limits limit(Field f) {
    return Limits.valueOf(f.name());
  }

  private int integer(Map<Field, String> e, Field f) {
    long lo = limit(f).minWhole();
    long hi = limit(f).maxWhole();
    String s = text.get(f).get() == null ? "" : text.get(f).get().trim();
    if (s.isEmpty()) {
      e.put(f, Messages.get("train.error.requiredWhole", lo, hi));
      return 0;
    }
    try {
      long v = Long.parseLong(s);
      if (!limit(f).allows(v)) {
        e.put(f, Messages.get("train.error.range", lo, hi));
      }
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    } catch (NumberFormatException ex) {
      e.put(f, Messages.get("train.error.notWhole", s));
      return 0;
    }
  }

  private double decimal(Map<Field, String> e, Field f) {
    double lo = limit(f).min();
    double hi = limit(f).max();
    String s = text.get(f).get() == null ? "" : text.get(f).get().trim();
    if (s.isEmpty()) {
      e.put(f, Messages.get("train.error.required", plain(lo), plain(hi)));
      return 0;
    }
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) {
        e.put(f, Messages.get("train.error.finite"));
      } else if (!limit(f).allows(v)) {
        e.put(f, Messages.get("train.error.range", plain(lo), plain(hi)));
      }
      return v;
    } catch (NumberFormatException ex) {
      e.put(f, Messages.get("train.error.notNumber", s));
      return 0;
    }
  }

  /** 1e-7 as "0.0000001", 10.0 as "10": bounds as a user would type them. */
  static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  // ---- run control ----

  public void start() {
    TrainingConfig cfg = validate();
    if (cfg == null || running.get() || session.dataProperty().get() == null) {
      if (session.dataProperty().get() == null) {
        message.set(Messages.get("train.mnistLoading"));
      }
      return;
    }
    clearCharts();
    runCount++;
    String name = "#" + runCount + " " + cfg.model().cell().name() + " H" + cfg.model().hidden();
    currentName = name;
    CoalescingBridge<Object> bridge = new CoalescingBridge<>(this::accept);
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onIteration(IterationStats s) {
            bridge.post(s);
          }

          @Override
          public void onEvaluation(EvaluationStats s) {
            bridge.post(s);
          }
        };
    var data = session.dataProperty().get();
    stopRequested = false;
    trainer.set(null);
    Task<TrainingResult> task =
        new Task<>() {
          @Override
          protected TrainingResult call() {
            // Built here, not on the FX thread: creating a large model takes a moment.
            Trainer t = new Trainer(cfg, data, null, listener);
            trainer.set(t);
            if (stopRequested) {
              t.cancel();
            }
            return t.run();
          }
        };
    task.setOnSucceeded(e -> finished(name, cfg, trainer.get(), task.getValue()));
    task.setOnFailed(
        e -> {
          running.set(false);
          message.set(Messages.get("train.failed", task.getException().getMessage()));
        });
    totalIterations.set(cfg.epochs() * cfg.iterationsPerEpoch());
    running.set(true);
    paused.set(false);
    message.set(Messages.get("train.training", name));
    Thread th = new Thread(task, "gatescope-training");
    th.setDaemon(true);
    th.start();
  }

  public void togglePause() {
    Trainer t = trainer.get();
    if (t == null || !running.get()) {
      return;
    }
    if (paused.get()) {
      t.resume();
      paused.set(false);
    } else {
      t.pause();
      paused.set(true);
      stillProgress();
    }
  }

  /** While paused or after the end: where the run is, without a speed or a time to go. */
  private void stillProgress() {
    if (!iterationHistory.isEmpty()) {
      IterationStats s = iterationHistory.get(iterationHistory.size() - 1);
      progressText.set(
          Messages.get("train.progress.still", s.epoch(), s.iteration(), s.totalIterations()));
    }
  }

  /** Paused: the iteration it stopped at, in the badge and the status; running again: cleared. */
  private void showPaused() {
    if (!paused.get()) {
      if (pausedAt.get() >= 0 && running.get()) {
        message.set(Messages.get("train.training", currentName));
      }
      pausedAt.set(-1);
      return;
    }
    int at =
        iterationHistory.isEmpty()
            ? 0
            : iterationHistory.get(iterationHistory.size() - 1).iteration();
    pausedAt.set(at);
    message.set(Messages.get("train.paused.status", at, totalIterations.get()));
  }

  public void stop() {
    stopRequested = true;
    Trainer t = trainer.get();
    if (t != null) {
      t.cancel();
    }
  }

  private void finished(String name, TrainingConfig cfg, Trainer t, TrainingResult r) {
    running.set(false);
    paused.set(false);
    stillProgress();
    Run run =
        new Run(
            name,
            cfg,
            r,
            List.copyOf(iterationHistory),
            List.copyOf(evaluationHistory),
            new SimpleBooleanProperty(false));
    run.shown().addListener((o, a, b) -> updateOverlay());
    runs.add(0, run);
    message.set(Messages.get("train.finishedInUse", name, r.message()));
    session.notify(new Notice(Messages.get("notice.trainingEnded"), message.get()));
    // A new entry on the model shelf: the model it was trained from stays one click away. The
    // summary's test accuracy is the shelf's measurement on the whole test set (set when saved).
    session
        .models()
        .add(
            new ModelEntry(
                ModelEntry.Kind.TRAINED,
                Messages.get("models.trained", name),
                t.model(),
                new TrainingSummary(
                    r.epochs(),
                    r.iterations(),
                    Double.NaN,
                    LocalDate.now().toString(),
                    "GateScope Train workspace"),
                null));
  }

  private void accept(List<Object> batch) {
    for (Object o : batch) {
      if (o instanceof IterationStats s) {
        iterationHistory.add(s);
        if (paused.get()) {
          showPaused(); // a minibatch in flight when Pause was pressed
        }
        add(loss, s.iteration(), s.loss());
        // Exponential moving average with bias correction, so it does not lag at the start.
        ema = Double.isNaN(ema) ? 0.1 * s.loss() : 0.9 * ema + 0.1 * s.loss();
        emaWeight = 0.9 * emaWeight + 0.1;
        add(smoothLoss, s.iteration(), ema / emaWeight);
        add(batchAccuracy, s.iteration(), s.batchAccuracy());
        progress.set(s.iteration() / (double) s.totalIterations());
        progressText.set(
            Messages.get(
                "train.progress",
                s.epoch(),
                s.iteration(),
                s.totalIterations(),
                s.samplesPerSecond(),
                eta(s.etaSeconds())));
      } else if (o instanceof EvaluationStats s) {
        evaluationHistory.add(s);
        add(testAccuracy, s.iteration(), s.testAccuracy());
        add(testLoss, s.iteration(), s.testLoss());
        for (GateSaturation g : s.saturation()) {
          if (g.gate() == Quantity.RESET) {
            continue;
          }
          String sym = g.gate().symbol();
          if (saturation.containsKey(sym + " < 0.1")) {
            add(saturation.get(sym + " < 0.1"), s.iteration(), g.low());
            add(saturation.get(sym + " > 0.9"), s.iteration(), g.high());
          }
        }
      }
    }
  }

  /** Appends, thinning the older half when a series grows past {@link #MAX_POINTS}. */
  static void add(ObservableList<XYChart.Data<Number, Number>> s, double x, double y) {
    s.add(new XYChart.Data<>(x, y));
    if (s.size() > MAX_POINTS) {
      int half = s.size() / 2;
      List<XYChart.Data<Number, Number>> kept = new java.util.ArrayList<>();
      for (int i = 0; i < half; i += 2) {
        kept.add(s.get(i));
      }
      kept.addAll(s.subList(half, s.size()));
      s.setAll(kept);
    }
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

  /**
   * The metrics of runs as one CSV, one line per run and iteration (test columns filled where an
   * evaluation happened), the run's name first, written atomically. One file for several runs, so a
   * spreadsheet compares them in one sheet (filter or pivot on the run column).
   */
  public void exportCsv(List<Run> chosen, Path file) {
    StringBuilder sb =
        new StringBuilder(
            "run,iteration,epoch,loss,batch_accuracy,test_loss,"
                + "test_accuracy,samples_per_s,elapsed_ms\n");
    for (Run run : chosen) {
      appendCsv(sb, run);
    }
    try {
      io.gatescope.core.AtomicFile.write(
          file, sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      message.set(
          chosen.size() == 1
              ? Messages.get("train.exported", chosen.get(0).name(), file.getFileName())
              : Messages.get("train.exportedMany", chosen.size(), file.getFileName()));
    } catch (java.io.IOException ex) {
      message.set(Messages.get("train.exportFailed", file, ex.getMessage()));
    }
  }

  private static void appendCsv(StringBuilder sb, Run run) {
    String name = '"' + run.name().replace("\"", "\"\"") + '"';
    Map<Integer, EvaluationStats> evals = new java.util.HashMap<>();
    run.evaluations().forEach(e -> evals.put(e.iteration(), e));
    for (IterationStats s : run.iterations()) {
      EvaluationStats e = evals.get(s.iteration());
      sb.append(name).append(',');
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "%d,%d,%.6f,%.4f,%s,%s,%.1f,%d%n",
              s.iteration(),
              s.epoch(),
              s.loss(),
              s.batchAccuracy(),
              e == null ? "" : String.format(java.util.Locale.ROOT, "%.6f", e.testLoss()),
              e == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", e.testAccuracy()),
              s.samplesPerSecond(),
              s.elapsedMillis()));
    }
  }

  /** Runs ticked in the list, whose test-accuracy curves are overlaid. */
  public ObservableList<Run> overlaid() {
    return overlaid;
  }

  private void clearCharts() {
    iterationHistory.clear();
    evaluationHistory.clear();
    loss.clear();
    smoothLoss.clear();
    batchAccuracy.clear();
    testAccuracy.clear();
    testLoss.clear();
    saturation.values().forEach(List::clear);
    ema = Double.NaN;
    emaWeight = 0;
    progress.set(0);
  }

  static String eta(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? Messages.get("train.eta.hours", s / 3600, s % 3600 / 60)
        : Messages.get("train.eta.minutes", s / 60, s % 60);
  }

  // ---- files ----

  /** Saves the current model (File ▸ Save); the shelf remembers the file. */
  public void save(Path file) {
    ModelEntry e = session.models().currentProperty().get();
    if (e == null) {
      message.set(Messages.get("train.noModel"));
      return;
    }
    try {
      session.models().save(e, file);
      message.set(Messages.get("train.saved", file));
      session.notify(new Notice(Messages.get("notice.saved"), message.get()));
    } catch (ModelFileException ex) {
      message.set(ex.getMessage());
    }
  }

  /**
   * Opens a model file as a new shelf entry (or shows the entry that already holds it), reading it
   * off the FX thread; completes on the FX thread with the entry, or empty when the file was
   * refused (the message says why, the current model stays).
   */
  public java.util.concurrent.CompletableFuture<java.util.Optional<ModelEntry>> open(Path file) {
    var done = new java.util.concurrent.CompletableFuture<java.util.Optional<ModelEntry>>();
    var known = session.models().withFile(file);
    if (known.isPresent()) {
      session.models().select(known.get());
      message.set(Messages.get("train.opened", file.getFileName()));
      done.complete(known);
      return done;
    }
    // Checking and reading a file is off the FX thread, so a large or hostile file never
    // freezes the window; the current model stays until the new one is whole.
    message.set(Messages.get("train.opening", file.getFileName()));
    session.progressProperty().set(-1);
    Thread t =
        new Thread(
            () -> {
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
              javafx.application.Platform.runLater(
                  () -> {
                    session.progressProperty().set(1);
                    if (opened != null) {
                      session.models().add(opened);
                      message.set(Messages.get("train.opened", file.getFileName()));
                    } else {
                      message.set(why);
                    }
                    done.complete(java.util.Optional.ofNullable(opened));
                  });
            },
            "gatescope-open");
    t.setDaemon(true);
    t.start();
    return done;
  }

  /** Asks the window to show Evaluate and run its LSTM/GRU/RNN comparison. */
  public void requestComparison() {
    session.comparisonRequestProperty().set(false);
    session.comparisonRequestProperty().set(true);
    session.workspaceRequestProperty().set(null);
    session.workspaceRequestProperty().set("evaluate");
  }

  /** The form as typed, keyed by field name, for the settings file. */
  public Map<String, String> formValues() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Field f : Field.values()) {
      m.put(f.name().toLowerCase(), text.get(f).get());
    }
    return m;
  }

  /** Restores typed values (unknown or missing keys are skipped; validation marks bad ones). */
  public void restoreForm(java.util.function.Function<String, java.util.Optional<String>> get) {
    for (Field f : Field.values()) {
      get.apply(f.name().toLowerCase()).ifPresent(v -> text.get(f).set(v));
    }
  }

  /** Called when the window closes: stop a run so no thread lingers. */
  public void shutdown() {
    stop();
    if (keeper != null) {
      // A run finished a moment ago is still written: wait for the writes queued so far.
      try {
        keeper.submit(() -> {}).get(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // nothing more to do at close
      }
    }
  }

  // ---- properties ----

  /** Iterations of the current (or last) run: the charts' x range, fixed for the whole run. */
  public javafx.beans.property.ReadOnlyIntegerProperty totalIterationsProperty() {
    return totalIterations.getReadOnlyProperty();
  }

  /**
   * Iterations the form's run would take (epochs × batches per epoch): the idle charts' x range.
   */
  public ReadOnlyIntegerProperty plannedIterationsProperty() {
    return plannedIterations.getReadOnlyProperty();
  }

  /** The iteration a paused run stopped at; −1 while not paused. */
  public ReadOnlyIntegerProperty pausedAtProperty() {
    return pausedAt.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public BooleanProperty pausedProperty() {
    return paused;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public StringProperty progressTextProperty() {
    return progressText;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public ObservableList<XYChart.Data<Number, Number>> loss() {
    return loss;
  }

  public ObservableList<XYChart.Data<Number, Number>> smoothLoss() {
    return smoothLoss;
  }

  public ObservableList<XYChart.Data<Number, Number>> batchAccuracy() {
    return batchAccuracy;
  }

  public ObservableList<XYChart.Data<Number, Number>> testAccuracy() {
    return testAccuracy;
  }

  public ObservableList<XYChart.Data<Number, Number>> testLoss() {
    return testLoss;
  }

  public Map<String, ObservableList<XYChart.Data<Number, Number>>> saturation() {
    return saturation;
  }

  public ObservableList<Run> runs() {
    return runs;
  }
}
