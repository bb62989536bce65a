package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.lesson.CheckState;
import io.gatescope.core.lesson.DrawingPicture;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.LessonCheck;
import io.gatescope.core.lesson.LessonFile;
import io.gatescope.core.lesson.LessonFileException;
import io.gatescope.core.lesson.LessonInput;
import io.gatescope.core.lesson.LessonStep;
import io.gatescope.core.lesson.LocalText;
import io.gatescope.ui.common.Input;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Session;
import io.gatescope.ui.common.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The open lesson and its current step. Going to a step puts the window in the step's state
 * (workspace, input, timestep, unit, Inside's interventions, hidden controls); the step's check is
 * evaluated again whenever Inside's traces or the timestep change. A teacher records the current
 * state as a new step, edits its caption and question in the language GateScope speaks, and saves.
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
  private final Supplier<Workspace> shownWorkspace;
  private final ModelOpener opener;
  private final LessonPictures pictures = new LessonPictures();
  private final LessonModel model;

  private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper checkText = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Boolean> holds = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<List<String>> hidden = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyObjectWrapper<List<String>> hiddenTabs =
      new ReadOnlyObjectWrapper<>(List.of());
  private final BooleanProperty carryModel = new SimpleBooleanProperty(false);
  private final ReadOnlyBooleanWrapper settled = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(false);
  private boolean loading; // the lesson's own model is being opened; steps wait for it
  private int startAt; // the step to apply once it is in

  /**
   * @param inside Inside's traces, selected unit and interventions
   * @param shownWorkspace the workspace on screen (what "Record step" records)
   * @param opener how a lesson's model file is opened (the window's File ▸ Open path)
   */
  public LessonViewModel(
      Session session, InsideState inside, Supplier<Workspace> shownWorkspace, ModelOpener opener) {
    this.session = session;
    this.inside = inside;
    this.shownWorkspace = shownWorkspace;
    this.opener = opener;
    this.model = new LessonModel(session);
    inside.traceProperty().addListener((o, a, tr) -> traceArrived(tr));
    inside.baselineProperty().addListener((o, a, b) -> evaluate());
    session.timestepProperty().addListener((o, a, b) -> evaluate());
  }

  // ---- opening and walking ----

  /** Opens a lesson file; a bad file is named in the status bar and nothing changes. */
  public boolean openFile(Path file) {
    try {
      open(LessonFile.read(file));
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
    pictures.use(l);
    lesson.set(l);
    index.set(-1);
    unsaved.set(false);
    carryModel.set(l.model().isPresent());
    startAt = 0;
    if (l.model().isEmpty()) {
      go(0);
      return;
    }
    loading = true;
    settled.set(false);
    texts();
    session.setStatus(Messages.get("lesson.model.opening", l.title().text()));
    model.open(
        l,
        opener,
        ok -> {
          loading = false;
          if (lesson.get() == l) {
            go(startAt);
          }
        });
  }

  /**
   * Closes the lesson: the bar goes, every hidden control and tab shows again, and the model in use
   * before a lesson's own model came back.
   */
  public void close() {
    lesson.set(null);
    index.set(-1);
    loading = false;
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
    if (loading) {
      startAt = k; // applied once the lesson's model is in
      return;
    }
    index.set(k);
    apply(l.steps().get(k));
  }

  private void apply(LessonStep s) {
    settled.set(false);
    holds.set(null);
    hidden.set(s.hidden());
    hiddenTabs.set(s.hiddenTabs());
    session.show(Workspace.byId(s.workspace()).orElse(Workspace.INSIDE));
    texts();
    if (s.input() instanceof LessonInput.TestImage t) {
      session.showTestImage(t.index());
      rest(s);
    } else {
      String entry = s.input().entry();
      Path file = pictures.file(entry);
      byte[] png = pictures.bytes(entry);
      boolean drawing = s.input() instanceof LessonInput.Drawing;
      session
          .inference()
          .run(
              () -> drawing ? LessonPictures.readDrawing(file, png) : LessonPictures.read(file),
              in -> {
                if (in.input() != null) {
                  session.show(in.input());
                } else {
                  session.setStatus(in.error());
                }
                rest(s);
              });
    }
  }

  /** After the input: Inside's interventions, the timestep, the unit, Inside's view and target. */
  private void rest(LessonStep s) {
    inside.setInterventions(s.interventions());
    session.setTimestep(s.timestep());
    inside.select(s.timestep(), s.unit());
    inside.showView(s.insideView());
    if (s.target() >= 0) {
      inside.chooseTarget(s.target());
    }
    evaluate();
  }

  private void traceArrived(GateTrace tr) {
    LessonStep s = step();
    if (s != null && tr != null && tr.interventions().equals(s.interventions())) {
      settled.set(true);
    }
    evaluate();
  }

  // ---- the check ----

  private void evaluate() {
    LessonStep s = step();
    Optional<LessonCheck> c = s == null ? Optional.empty() : s.check();
    if (c.isEmpty()) {
      holds.set(null);
      checkText.set("");
      return;
    }
    GateTrace plain = inside.baselineProperty().get();
    GateTrace shown = inside.traceProperty().get();
    if (plain == null || shown == null || !settled.get()) {
      holds.set(null);
      checkText.set(Messages.get("lesson.bar.checking", c.get().describe()));
      return;
    }
    CheckState state = new CheckState(plain, shown, session.timestepProperty().get());
    boolean ok = c.get().holds(state);
    holds.set(ok);
    checkText.set(
        Messages.get(
            ok ? "lesson.bar.holds" : "lesson.bar.notYet",
            c.get().describe(),
            c.get().found(state)));
  }

  // ---- recording and editing ----

  /**
   * Records the window's state as a new step after the current one (a new lesson if none is open):
   * the workspace shown, the input, the timestep, the selected unit, Inside's interventions and the
   * hidden controls of the current step. Its caption starts empty, to be written in place.
   *
   * <p>A drawing becomes a picture of the lesson, rounded to the 256 grey levels a PNG holds; the
   * window then shows that picture, so what the teacher sees is what the step will show.
   *
   * @return false when there is no input, or a picture that cannot be read, said in the status bar
   */
  public boolean record() {
    if (loading) {
      return false;
    }
    Input in = session.currentInputProperty().get();
    int timestep = session.timestepProperty().get();
    int unit = inside.selectedUnitProperty().get();
    int target = inside.chosenTarget();
    LessonInput input;
    Input shown = null;
    if (in != null && in.source() instanceof Input.TestImage t) {
      input = new LessonInput.TestImage(t.index());
    } else if (in != null && in.source() instanceof Input.Drawing) {
      float[] rounded = DrawingPicture.rounded(in.pixels());
      String entry = pictures.addDrawing(rounded);
      input = new LessonInput.Drawing(entry);
      shown = Input.picture(pictures.file(entry), rounded);
    } else if (in != null
        && in.source() instanceof Input.Picture p
        && pictures.drawingShownFrom(p.file()).isPresent()) {
      input = new LessonInput.Drawing(pictures.drawingShownFrom(p.file()).get());
    } else if (in != null && in.source() instanceof Input.Picture p) {
      Optional<String> entry = pictures.add(p.file());
      if (entry.isEmpty()) {
        session.setStatus(Messages.get("lesson.record.pictureUnreadable", p.file().getFileName()));
        return false;
      }
      input = new LessonInput.Picture(entry.get());
    } else {
      session.setStatus(Messages.get("lesson.record.noInput"));
      return false;
    }
    LessonStep current = step();
    String workspace = shownWorkspace.get().id();
    LessonStep s =
        new LessonStep(
            workspace,
            input,
            unit,
            timestep,
            new ArrayList<>(inside.interventions()),
            current == null ? List.of() : current.hidden(),
            LocalText.EMPTY,
            LocalText.EMPTY,
            Optional.empty(),
            current == null
                ? List.of()
                : current.hiddenTabs().stream().filter(t -> !t.equals(workspace)).toList(),
            inside.view(),
            target);
    Lesson l = lesson.get();
    if (l == null) {
      LocalText untitled =
          LocalText.EMPTY.with(Messages.language(), Messages.get("lesson.untitled"));
      l = Lesson.of("my-lesson", untitled, List.of());
      carryModel.set(model.inUseIsNotShipped());
    }
    if (shown != null) {
      // the rounded drawing, where the step will show it; the row and unit stay
      session.show(shown);
      session.setTimestep(timestep);
      inside.select(timestep, unit);
      session.setStatus(
          Messages.get("lesson.record.drawing", pictures.file(s.input().entry()).getFileName()));
    }
    List<LessonStep> steps = new ArrayList<>(l.steps());
    int at = l.steps().isEmpty() ? 0 : index.get() + 1;
    steps.add(at, s);
    lesson.set(pictures.into(l, steps));
    index.set(at);
    unsaved.set(true);
    settled.set(true);
    hidden.set(s.hidden());
    hiddenTabs.set(s.hiddenTabs());
    texts();
    evaluate();
    return true;
  }

  /** Replaces the current step's caption in the language GateScope speaks. */
  public void editCaption(String text) {
    edit(s -> s.withCaption(s.caption().with(Messages.language(), text.strip())));
  }

  /** Replaces the current step's question in the language GateScope speaks. */
  public void editQuestion(String text) {
    edit(s -> s.withQuestion(s.question().with(Messages.language(), text.strip())));
  }

  /** Replaces the lesson's title in the language GateScope speaks. */
  public void editTitle(String text) {
    Lesson l = lesson.get();
    if (l != null) {
      lesson.set(l.withTitle(l.title().with(Messages.language(), text.strip())));
      unsaved.set(true);
      texts();
    }
  }

  /** Sets what the current step checks (empty: nothing); evaluated at once. */
  public void setCheck(Optional<LessonCheck> check) {
    edit(s -> s.withCheck(check));
    evaluate();
  }

  /**
   * Sets the controls and the workspaces' tabs the current step hides (the step's own workspace is
   * never hidden); applied at once.
   */
  public void setHiding(List<String> controls, List<String> tabs) {
    LessonStep now = step();
    if (now == null) {
      return;
    }
    List<String> t = tabs.stream().filter(w -> !w.equals(now.workspace())).distinct().toList();
    edit(s -> s.withHiding(controls, t));
    hidden.set(step().hidden());
    hiddenTabs.set(step().hiddenTabs());
  }

  private void edit(java.util.function.UnaryOperator<LessonStep> change) {
    Lesson l = lesson.get();
    LessonStep s = step();
    if (s == null) {
      return;
    }
    List<LessonStep> steps = new ArrayList<>(l.steps());
    steps.set(index.get(), change.apply(s));
    lesson.set(l.withSteps(steps));
    unsaved.set(true);
    texts();
  }

  /**
   * Writes the lesson to {@code file} (atomically, off the FX thread) and says so; with the model
   * in use inside it when {@link #carryModelProperty()} is on.
   */
  public void save(Path file) {
    Lesson l = lesson.get();
    if (l == null) {
      return;
    }
    LessonModel.Carry carry = model.carry(l, carryModel.get());
    String saved =
        Messages.get(
            carryModel.get() ? "lesson.savedWithModel" : "lesson.saved", file.getFileName());
    session
        .inference()
        .run(
            () -> {
              try {
                Lesson out = carry.into(l);
                LessonFile.write(out, file);
                return new Saved(out, saved);
              } catch (LessonFileException e) {
                return new Saved(null, e.getMessage());
              }
            },
            r -> {
              if (lesson.get() == l && r.lesson() != null) {
                lesson.set(r.lesson());
                model.carried(carry);
                unsaved.set(false);
              }
              session.setStatus(r.message());
            });
  }

  private record Saved(Lesson lesson, String message) {}

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
    caption.set(s == null ? "" : s.caption().text());
    question.set(s == null ? "" : s.question().text());
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

  /** The check and what GateScope found; empty when the step has none. */
  public ReadOnlyStringProperty checkTextProperty() {
    return checkText.getReadOnlyProperty();
  }

  /** Whether the step's check holds now; null when it has none or its traces are not in yet. */
  public ReadOnlyObjectProperty<Boolean> holdsProperty() {
    return holds.getReadOnlyProperty();
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

  /**
   * Whether Save carries the model in use inside the file: on for a lesson that came with one, and
   * for a new lesson recorded with a model other than the shipped one.
   */
  public BooleanProperty carryModelProperty() {
    return carryModel;
  }

  /** The ids of the panels and controls the current step hides. */
  public ReadOnlyObjectProperty<List<String>> hiddenProperty() {
    return hidden.getReadOnlyProperty();
  }

  /** False from going to a step until Inside's trace with the step's interventions is in. */
  public ReadOnlyBooleanProperty settledProperty() {
    return settled.getReadOnlyProperty();
  }

  /** Whether the lesson has recorded steps or edits no file holds. */
  public ReadOnlyBooleanProperty unsavedProperty() {
    return unsaved.getReadOnlyProperty();
  }
}
