package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.LessonFile;
import io.gatescope.core.lesson.LessonFileException;
import io.gatescope.core.lesson.LessonStep;
import io.gatescope.core.lesson.ShippedLessons;
import io.gatescope.ui.common.InferenceService;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Session;
import io.gatescope.ui.common.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The open lesson and its current step. Going to a step puts the window in the step's state
 * (workspace, input, timestep, unit, Inside's interventions, hidden controls); the step's check is
 * evaluated again ({@link StepCheck}) whenever Inside's traces or the timestep change. A teacher's
 * recording, editing and saving ({@link LessonAuthoring}) are shown here as they happen.
 */
public final class LessonViewModel {
  /** Opens a model file through the window's own path (the model shelf), as File ▸ Open does. */
  @FunctionalInterface
  public interface ModelOpener {
    /** Completes on the FX thread with the shelf's entry, or empty when the file was refused. */
    CompletableFuture<Optional<ModelEntry>> open(Path file);
  }

  private final Session session;
  private final InsideState inside;
  private List<Intervention> interventionsBefore; // Inside's, when the lesson opened
  private final ModelOpener opener;
  private final LessonPictures pictures = new LessonPictures();
  private final LessonModel model;
  private final StepCheck check;
  private final StepNumbers numbers = new StepNumbers();
  private final InferenceService.Channel stepTraces; // the step's own, for its numbers
  // The step's input and interventions are in force: Inside's next trace with the step's
  // interventions is the step's (one asked for before could be the old input's, whose trace
  // arrives while the step's picture is still being read).
  private boolean armed;
  private final LessonAuthoring authoring;

  private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<List<String>> hidden = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyObjectWrapper<List<String>> hiddenTabs =
      new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyBooleanWrapper settled = new ReadOnlyBooleanWrapper(true);
  private int startAt; // the step to apply once it is in
  // Counts steps applied and closes: a picture read late for an older one is dropped.
  private long applied;

  /**
   * @param inside Inside's traces, selected unit and interventions
   * @param shownWorkspace the workspace on screen (what "Record step" records)
   * @param opener how a lesson's model file is opened (the window's File ▸ Open path)
   */
  public LessonViewModel(
      Session session, InsideState inside, Supplier<Workspace> shownWorkspace, ModelOpener opener) {
    this.session = session;
    this.inside = inside;
    this.opener = opener;
    this.model = new LessonModel(session);
    this.check = new StepCheck(session, inside);
    this.stepTraces = session.inference().channel();
    this.authoring = new LessonAuthoring(this, session, inside, shownWorkspace, pictures, model);
    inside.traceProperty().addListener((o, a, tr) -> traceArrived(tr));
    inside.baselineProperty().addListener((o, a, b) -> evaluate());
    session.timestepProperty().addListener((o, a, b) -> evaluate());
  }

  // ---- opening and walking ----

  /** Opens a lesson file; a bad file is named in the status bar and nothing changes. */
  public boolean openFile(Path file) {
    return openRead(() -> LessonFile.read(file));
  }

  /** Opens the lesson {@code id} that comes with GateScope (false, the status bar says why). */
  public boolean openShipped(String id) {
    return openRead(() -> ShippedLessons.load(id));
  }

  /** A lesson read from somewhere, or the reason it cannot be. */
  private interface LessonSource {
    Lesson read() throws LessonFileException;
  }

  private boolean openRead(LessonSource source) {
    try {
      open(source.read());
      return true;
    } catch (LessonFileException e) {
      session.setStatus(e.getMessage());
      return false;
    }
  }

  /**
   * Opens {@code l} at its first step. A lesson that carries its model first opens that model (off
   * the FX thread, through the window's File ▸ Open path); the steps are applied once it is in,
   * with the model in use if it was refused (the status bar says why).
   */
  public void open(Lesson l) {
    if (interventionsBefore == null) { // also over a lesson recorded from scratch, which set none
      interventionsBefore = List.copyOf(inside.interventions());
    }
    pictures.use(l);
    lesson.set(l);
    index.set(-1);
    authoring.opened(l);
    startAt = 0;
    if (l.model().isEmpty()) {
      model.useShipped(l);
      go(0);
      return;
    }
    settled.set(false);
    texts();
    session.setStatus(Messages.get("lesson.model.opening", l.title().text()));
    model.open(
        l,
        opener,
        ok -> go(startAt)); // not called when another lesson was opened, or this one closed
  }

  /**
   * Closes the lesson: the bar goes, every hidden control and tab shows again, Inside's
   * interventions are those from before the lesson, and the model in use before a lesson's own
   * model came back.
   */
  public void close() {
    if (lesson.get() != null && interventionsBefore != null) {
      // the steps' clamps go with the lesson
      inside.setInterventions(interventionsBefore);
    }
    interventionsBefore = null;
    applied++; // a picture still being read for a step shows nothing now
    lesson.set(null);
    index.set(-1);
    hidden.set(List.of());
    hiddenTabs.set(List.of());
    pictures.use(null);
    model.restore();
    texts();
  }

  public void next() {
    go(index.get() + 1);
  }

  public void back() {
    go(index.get() - 1);
  }

  /** Goes to step {@code k} (0-based; out of range: nothing happens) and applies it. */
  public void go(int k) {
    Lesson l = lesson.get();
    if (l == null || k < 0 || k >= l.steps().size()) {
      return;
    }
    if (loading()) {
      startAt = k; // applied once the lesson's model is in
      return;
    }
    index.set(k);
    apply(l.steps().get(k));
  }

  private void apply(LessonStep s) {
    settled.set(false);
    check.unknown();
    numbers.forget(s.timestep());
    armed = false;
    hide(s);
    session.show(Workspace.byId(s.workspace()).orElse(Workspace.INSIDE));
    texts();
    long ticket = ++applied;
    pictures.show(s.input(), session, () -> ticket == applied, shown -> rest(s, shown));
  }

  /**
   * After the input ({@code shown}: the step's own; else its picture could not be read and the
   * window keeps the one before): Inside's interventions, the timestep, the unit, Inside's view and
   * target, and the step's numbers.
   */
  private void rest(LessonStep s, boolean shown) {
    inside.setInterventions(s.interventions());
    session.setTimestep(s.timestep());
    inside.select(s.timestep(), s.unit());
    inside.showView(s.insideView());
    if (s.target() >= 0) {
      inside.chooseTarget(s.target());
    }
    armed = shown;
    traceStep(s, shown);
    evaluate();
  }

  /**
   * Traces the step's input (the window's now) with the step's interventions for its numbers, on a
   * channel of its own: what the student does next (draw, clamp) does not change them.
   */
  private void traceStep(LessonStep s, boolean shown) {
    float[] in = session.inputProperty().get();
    if (!shown || in == null) {
      numbers.unavailable();
      texts();
      return;
    }
    long ticket = applied;
    List<Intervention> ivs = s.interventions();
    stepTraces.compute(
        model -> {
          GateTrace plain = model.trace(in);
          return new GateTrace[] {plain, ivs.isEmpty() ? plain : model.trace(in, ivs)};
        },
        both -> {
          if (ticket == applied) {
            numbers.keep(both[1], both[0]);
            texts();
          }
        });
  }

  private void traceArrived(GateTrace tr) {
    LessonStep s = step();
    if (armed && s != null && tr != null && tr.interventions().equals(s.interventions())) {
      settled.set(true);
    }
    evaluate();
  }

  /** The step's check evaluated again. */
  void evaluate() {
    check.evaluate(step(), settled.get());
  }

  // ---- what the teacher changed (LessonAuthoring) ----

  /** The recording, editing and saving of this lesson. */
  LessonAuthoring authoring() {
    return authoring;
  }

  /** The traces the current step's live numbers are read from (see {@link StepNumbers}). */
  StepNumbers numbers() {
    return numbers;
  }

  /** Whether the lesson's own model is being opened (no step is recorded meanwhile). */
  boolean loading() {
    return model.pending(); // steps wait for it
  }

  /** Shows {@code l}, an edit of the lesson, at the same step. */
  void edited(Lesson l) {
    lesson.set(l);
    texts();
  }

  /** Shows {@code l} at step {@code at}, the step {@code s} just recorded from the window. */
  void recorded(Lesson l, int at, LessonStep s) {
    lesson.set(l);
    index.set(at);
    settled.set(true);
    applied++; // a step's picture still being read shows nothing now
    numbers.forget(s.timestep());
    armed = true;
    traceStep(s, true); // the state recorded: the window's now
    hide(s);
    texts();
    evaluate();
  }

  /** Hides the controls and tabs {@code s} hides. */
  void hide(LessonStep s) {
    hidden.set(s.hidden());
    hiddenTabs.set(s.hiddenTabs());
  }

  /** {@code l} as saved (with the model it carries), nothing else changed. */
  void saved(Lesson l) {
    lesson.set(l);
  }

  // ---- what the bar shows ----

  private LessonStep step() {
    Lesson l = lesson.get();
    int k = index.get();
    return l == null || k < 0 || k >= l.steps().size() ? null : l.steps().get(k);
  }

  private void texts() {
    Lesson l = lesson.get();
    LessonStep s = step();
    title.set(l == null ? "" : l.title().text());
    position.set(
        s == null ? "" : Messages.get("lesson.bar.position", index.get() + 1, l.steps().size()));
    caption.set(s == null ? "" : numbers.fill(s.caption().text()));
    question.set(s == null ? "" : numbers.fill(s.question().text()));
  }

  public ReadOnlyObjectProperty<Lesson> lessonProperty() {
    return lesson.getReadOnlyProperty();
  }

  /** The current step, 0-based; −1 without a lesson. */
  public ReadOnlyIntegerProperty indexProperty() {
    return index.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** "Step 2 of 5". */
  public ReadOnlyStringProperty positionProperty() {
    return position.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty captionProperty() {
    return caption.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty questionProperty() {
    return question.getReadOnlyProperty();
  }

  /**
   * Whether the current step's caption and question show their live numbers (read, or "—" where
   * they cannot be), none still pending; true without a step.
   */
  public boolean numbersShown() {
    return step() == null || numbers.done();
  }

  /** The current step's caption as written, its live numbers unread (what the teacher edits). */
  public String captionAsWritten() {
    LessonStep s = step();
    return s == null ? "" : s.caption().text();
  }

  /** The current step's question as written (see {@link #captionAsWritten}). */
  public String questionAsWritten() {
    LessonStep s = step();
    return s == null ? "" : s.question().text();
  }

  /** The check and what GateScope found; empty when the step has none. */
  public ReadOnlyStringProperty checkTextProperty() {
    return check.textProperty();
  }

  /** Whether the step's check holds now; null when it has none or its traces are not in yet. */
  public ReadOnlyObjectProperty<Boolean> holdsProperty() {
    return check.holdsProperty();
  }

  /** The ids of the workspaces whose tabs the current step hides. */
  public ReadOnlyObjectProperty<List<String>> hiddenTabsProperty() {
    return hiddenTabs.getReadOnlyProperty();
  }

  /** The current step, or null without a lesson (for the step's editor). */
  public LessonStep currentStep() {
    return step();
  }

  /** How many units Inside's layer has: what a check's unit must be below. */
  public int units() {
    return inside.units();
  }

  /** The ids of the panels and controls the current step hides. */
  public ReadOnlyObjectProperty<List<String>> hiddenProperty() {
    return hidden.getReadOnlyProperty();
  }

  /** False from going to a step until Inside's trace with the step's interventions is in. */
  public ReadOnlyBooleanProperty settledProperty() {
    return settled.getReadOnlyProperty();
  }
}
