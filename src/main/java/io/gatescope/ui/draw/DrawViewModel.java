package io.gatescope.ui.draw;

import io.gatescope.core.Messages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.inspect.Mistakes;
import io.gatescope.core.preprocess.StrokeRaster.Stroke;
import io.gatescope.ui.common.InferenceService;
import io.gatescope.ui.common.Input;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The Draw workspace's state: the canvas ({@link Sketch}), the prediction and P(digit | rows 1..t)
 * ({@link StepAnswer}), playback settings, and "teach it" ({@link Teacher}). The canvas follows the
 * session's input whoever set it: a test image or picture shown from anywhere replaces the strokes
 * and lies under new ones; drawing over it makes the input a drawing. Inference, the mistakes
 * search, pictures and teaching run on the session's worker, off the FX thread.
 */
public final class DrawViewModel {
  /** Canvas side in logical pixels; strokes are in these coordinates. */
  public static final int CANVAS = Sketch.SIDE;

  /** The playback speeds offered, in rows per second. */
  public static final List<Integer> SPEEDS = List.of(1, 2, 4, 8);

  private final Session session;
  private final InferenceService.Channel inference;
  private final Sketch sketch = new Sketch(this::publish);
  private final StepAnswer answer;
  private final Teacher teacher;
  private final BooleanProperty playing = new SimpleBooleanProperty(false);
  private final ObjectProperty<Integer> speed = new SimpleObjectProperty<>(4);
  private final BooleanProperty loop = new SimpleBooleanProperty(false);
  private final ReadOnlyIntegerWrapper testIndex = new ReadOnlyIntegerWrapper(0);
  private final Random random = new Random(7);
  private boolean publishing; // this workspace is making its own input current

  public DrawViewModel(Session session) {
    this.session = session;
    this.inference = session.inference().channel();
    this.answer = new StepAnswer(session.timestepProperty());
    this.teacher = new Teacher(session, answer::say);
    session.currentInputProperty().addListener((o, a, in) -> follow(in));
    session.modelProperty().addListener((o, a, b) -> predict());
    // Playing from the last row starts again at the first.
    playing.addListener(
        (o, a, on) -> {
          if (on && session.timestepProperty().get() >= Session.STEPS) {
            session.setTimestep(1);
          }
        });
  }

  // ---- the input ----

  /** The session shows another input: unless this workspace made it, the canvas shows it. */
  private void follow(Input in) {
    if (!publishing) {
      sketch.showUnder(in);
      if (in != null && in.testIndex() >= 0) {
        testIndex.set(in.testIndex());
      }
    }
    predict();
  }

  private void publish(Input in) {
    publishing = true;
    try {
      session.show(in);
    } finally {
      publishing = false;
    }
  }

  public void beginStroke(double x, double y) {
    sketch.begin(x, y);
  }

  public void extendStroke(double x, double y) {
    sketch.extend(x, y);
  }

  public void endStroke() {
    sketch.end();
  }

  /** Clears the canvas; Undo right after brings back what was there (strokes and image). */
  public void clear() {
    playing.set(false);
    sketch.clear();
  }

  public void undo() {
    if (sketch.undo()) {
      playing.set(false);
    }
  }

  // ---- pictures and test images ----

  /**
   * Reads a PNG/JPEG picture off the FX thread, preprocesses it the MNIST way (as the CLI's predict
   * does) and shows it; a file that cannot be read is named in the detail line.
   */
  public void openPicture(Path file) {
    session.inference().run(() -> Picture.read(file), this::showPicture);
  }

  private void showPicture(Picture p) {
    if (p.input() != null) {
      session.show(p.input());
    } else {
      answer.say(p.error());
    }
  }

  public void loadTestImage(int index) {
    Mnist m = session.dataProperty().get();
    if (m == null) {
      answer.say(Messages.get("train.mnistLoading"));
      return;
    }
    int i = Math.floorMod(index, m.test().size());
    if (session.testIndexProperty().get() != i) {
      session.showTestImage(i);
    }
  }

  public void loadRandom() {
    Mnist m = session.dataProperty().get();
    if (m != null) {
      loadTestImage(random.nextInt(m.test().size()));
    }
  }

  /** The next test image after the current index that the model gets wrong. */
  public void nextMistake() {
    Mnist m = session.dataProperty().get();
    if (m == null || session.modelProperty().get() == null) {
      return;
    }
    int from = testIndex.get() + 1;
    session
        .inference()
        .compute(
            model -> Mistakes.next(model, m.test(), from),
            found -> {
              if (found >= 0) {
                loadTestImage(found);
              } else {
                answer.say(Messages.get("draw.noMistakes"));
              }
            });
  }

  // ---- prediction ----

  private void predict() {
    Input in = session.currentInputProperty().get();
    if (in == null) {
      inference.cancel();
      answer.clear();
      return;
    }
    inference.trace(in.pixels(), List.of(), (GateTrace tr) -> answer.show(in, tr));
  }

  /** The current model's reading order (rows unless it was trained otherwise). */
  /** The session this workspace shows (for exports that read the current input and model). */
  public Session session() {
    return session;
  }

  public Reading reading() {
    return session.reading();
  }

  // ---- playback ----

  /** Moves the shared timestep by {@code delta}, within 1..28; stepping by hand pauses playback. */
  public void stepBy(int delta) {
    selectStep(timestepProperty().get() + delta);
  }

  /** Shows the reading after row t (1..28), pausing playback. */
  public void selectStep(int t) {
    playing.set(false);
    session.setTimestep(t);
  }

  /** Moves the shared timestep to t (1..28) without pausing: the slider and the player. */
  public void moveTo(int t) {
    session.setTimestep(t);
  }

  /** Starts or pauses the row-by-row playback. */
  public void togglePlaying() {
    playing.set(!playing.get());
  }

  // ---- teach it ----

  /**
   * Fine-tunes a copy of the model on the current input with {@link #teachLabelProperty()} as its
   * label (mixed with MNIST), then makes it the current model. {@link #undoTeach()} goes back.
   */
  public void teach() {
    teacher.teach();
  }

  /** Restores the model as it was before the first teaching; the taught copies leave the shelf. */
  public void undoTeach() {
    teacher.undo();
  }

  // ---- properties ----

  /** The digit to teach; the view's choice is bound to it both ways. */
  public ObjectProperty<Integer> teachLabelProperty() {
    return teacher.labelProperty();
  }

  public ReadOnlyBooleanProperty teachingProperty() {
    return teacher.teachingProperty();
  }

  /** Set while a taught model is current (Undo is possible). */
  public ReadOnlyObjectProperty<ModelEntry> beforeTeachingProperty() {
    return teacher.beforeTeachingProperty();
  }

  public ObservableList<Stroke> strokes() {
    return sketch.strokes();
  }

  public ReadOnlyObjectProperty<float[]> backgroundProperty() {
    return sketch.backgroundProperty();
  }

  /** The pen's width; the view's slider is bound to it both ways. */
  public DoubleProperty brushProperty() {
    return sketch.brushProperty();
  }

  public ReadOnlyObjectProperty<float[]> inputProperty() {
    return session.inputProperty();
  }

  /** The final probabilities, after all 28 rows (null while there is no prediction). */
  public ReadOnlyObjectProperty<float[]> probabilitiesProperty() {
    return answer.probabilitiesProperty();
  }

  /** P(digit | rows 1..t) at the shared timestep t: what the bars and the headline show. */
  public ReadOnlyObjectProperty<float[]> probabilitiesAtStepProperty() {
    return answer.probabilitiesAtStepProperty();
  }

  /** Said while Inside has interventions active: Draw's numbers are the model's as trained. */
  public StringBinding interventionNoteBinding() {
    return Bindings.createStringBinding(
        () -> {
          int n = session.activeInterventionsProperty().get();
          return n == 0 ? "" : Messages.get("draw.interventionNote", n);
        },
        session.activeInterventionsProperty());
  }

  /** "after row t of 28" while t < 28, else that this is the final answer. */
  public ReadOnlyStringProperty stepNoteProperty() {
    return answer.stepNoteProperty();
  }

  public ReadOnlyObjectProperty<float[][]> stepProbabilitiesProperty() {
    return answer.stepProbabilitiesProperty();
  }

  /** The input the shown prediction belongs to (the same array object as the session's). */
  public ReadOnlyObjectProperty<float[]> predictedForProperty() {
    return answer.predictedForProperty();
  }

  /** The final answer (after all rows). */
  public ReadOnlyIntegerProperty predictedProperty() {
    return answer.predictedProperty();
  }

  public ReadOnlyStringProperty headlineProperty() {
    return answer.headlineProperty();
  }

  public ReadOnlyStringProperty detailProperty() {
    return answer.detailProperty();
  }

  public ReadOnlyIntegerProperty timestepProperty() {
    return session.timestepProperty();
  }

  /** Whether the reading plays row by row; the view's player and Play button turn it on and off. */
  public BooleanProperty playingProperty() {
    return playing;
  }

  /** Playback speed in rows per second, one of {@link #SPEEDS}; bound to the view's choice. */
  public ObjectProperty<Integer> speedProperty() {
    return speed;
  }

  /** Whether playback starts again at row 1 after the last row; bound to the view's check box. */
  public BooleanProperty loopProperty() {
    return loop;
  }

  /** The MNIST test index to load: the shown test image's, else the last one shown. */
  public ReadOnlyIntegerProperty testIndexProperty() {
    return testIndex.getReadOnlyProperty();
  }

  /** Where the shown input came from ("MNIST test #7", "your drawing", "picture 3.png"). */
  public ReadOnlyObjectProperty<String> sourceProperty() {
    return session.inputSourceProperty();
  }

  /** Strokes drawn so far, for tests. */
  public List<Stroke> strokeSnapshot() {
    return new ArrayList<>(sketch.strokes());
  }
}
