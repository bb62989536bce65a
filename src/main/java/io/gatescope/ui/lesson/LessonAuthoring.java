package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.lesson.DrawingPicture;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.LessonCheck;
import io.gatescope.core.lesson.LessonFile;
import io.gatescope.core.lesson.LessonFileException;
import io.gatescope.core.lesson.LessonInput;
import io.gatescope.core.lesson.LessonStep;
import io.gatescope.core.lesson.LiveNumbers;
import io.gatescope.core.lesson.LocalText;
import io.gatescope.ui.common.Input;
import io.gatescope.ui.common.Session;
import io.gatescope.ui.common.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The teacher's side of the open lesson: records the window's state as a new step, edits the title,
 * the step's caption, question, check and hiding in the language GateScope speaks, and saves (the
 * steps are walked by {@link LessonViewModel}, which shows each change).
 */
final class LessonAuthoring {
  private final LessonViewModel walked;
  private final Session session;
  private final InsideState inside;
  private final Supplier<Workspace> shownWorkspace;
  private final LessonPictures pictures;
  private final LessonModel model;
  private final BooleanProperty carryModel = new SimpleBooleanProperty(false);
  private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(false);

  /**
   * @param walked the lesson walked, which shows every change made here
   * @param shownWorkspace the workspace on screen (what "Record step" records)
   */
  LessonAuthoring(
      LessonViewModel walked,
      Session session,
      InsideState inside,
      Supplier<Workspace> shownWorkspace,
      LessonPictures pictures,
      LessonModel model) {
    this.walked = walked;
    this.session = session;
    this.inside = inside;
    this.shownWorkspace = shownWorkspace;
    this.pictures = pictures;
    this.model = model;
  }

  /** {@code l} was opened: nothing unsaved; its model carried when it came with one. */
  void opened(Lesson l) {
    unsaved.set(false);
    carryModel.set(l.model().isPresent());
  }

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
  boolean record() {
    if (walked.loading()) {
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
    LessonStep current = walked.currentStep();
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
    Lesson l = walked.lessonProperty().get();
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
    int at = l.steps().isEmpty() ? 0 : walked.indexProperty().get() + 1;
    steps.add(at, s);
    walked.recorded(pictures.into(l, steps), at, s);
    unsaved.set(true);
    return true;
  }

  /**
   * Replaces the current step's caption in the language GateScope speaks, unless a live number in
   * it is not one GateScope can compute (the status bar says why; the bar asks {@link #computable}
   * first, so that caption and question are kept together or not at all).
   */
  void editCaption(String text) {
    if (computable(text)) {
      edit(s -> s.withCaption(s.caption().with(Messages.language(), text.strip())));
    }
  }

  /** Replaces the current step's question (as {@link #editCaption}). */
  void editQuestion(String text) {
    if (computable(text)) {
      edit(s -> s.withQuestion(s.question().with(Messages.language(), text.strip())));
    }
  }

  /**
   * Whether every live number of {@code text} is one GateScope can compute; if not, the status bar
   * says why.
   */
  boolean computable(String text) {
    try {
      LiveNumbers.parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      session.setStatus(e.getMessage());
      return false;
    }
  }

  /**
   * The live numbers the window's state offers for a caption (see {@link NumberChoices}): at the
   * current timestep, for the unit selected in the layer Inside shows, read from the step's own
   * traces as its caption reads them (the current input's while the step has none yet).
   */
  List<NumberChoices.Choice> numberChoices() {
    Integer label = session.inputLabelProperty().get();
    StepNumbers kept = walked.numbers();
    boolean step = kept.kept();
    return NumberChoices.of(
        step ? kept.shown() : inside.traceProperty().get(),
        step ? kept.plain() : inside.baselineProperty().get(),
        session.timestepProperty().get(),
        inside.selectedUnitProperty().get(),
        inside.shownLayer(),
        label == null ? -1 : label);
  }

  /** Replaces the lesson's title in the language GateScope speaks. */
  void editTitle(String text) {
    Lesson l = walked.lessonProperty().get();
    if (l != null) {
      walked.edited(l.withTitle(l.title().with(Messages.language(), text.strip())));
      unsaved.set(true);
    }
  }

  /** Sets what the current step checks (empty: nothing); evaluated at once. */
  void setCheck(Optional<LessonCheck> check) {
    edit(s -> s.withCheck(check));
    walked.evaluate();
  }

  /**
   * Sets the controls and the workspaces' tabs the current step hides (the step's own workspace is
   * never hidden); applied at once.
   */
  void setHiding(List<String> controls, List<String> tabs) {
    LessonStep now = walked.currentStep();
    if (now == null) {
      return;
    }
    List<String> t = tabs.stream().filter(w -> !w.equals(now.workspace())).distinct().toList();
    edit(s -> s.withHiding(controls, t));
    walked.hide(walked.currentStep());
  }

  private void edit(java.util.function.UnaryOperator<LessonStep> change) {
    Lesson l = walked.lessonProperty().get();
    LessonStep s = walked.currentStep();
    if (s == null) {
      return;
    }
    List<LessonStep> steps = new ArrayList<>(l.steps());
    steps.set(walked.indexProperty().get(), change.apply(s));
    walked.edited(l.withSteps(steps));
    unsaved.set(true);
  }

  /**
   * Writes the lesson to {@code file} (atomically, off the FX thread) and says so; with the model
   * in use inside it when {@link #carryModelProperty()} is on.
   */
  void save(Path file) {
    Lesson l = walked.lessonProperty().get();
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
              if (walked.lessonProperty().get() == l && r.lesson() != null) {
                walked.saved(r.lesson());
                model.carried(carry);
                unsaved.set(false);
              }
              session.setStatus(r.message());
            });
  }

  private record Saved(Lesson lesson, String message) {}

  /**
   * Whether Save carries the model in use inside the file: on for a lesson that came with one, and
   * for a new lesson recorded with a model other than the shipped one.
   */
  BooleanProperty carryModelProperty() {
    return carryModel;
  }

  /** Whether the lesson has recorded steps or edits no file holds. */
  ReadOnlyBooleanProperty unsavedProperty() {
    return unsaved.getReadOnlyProperty();
  }
}
