package io.gatescope.ui.draw;

import io.gatescope.core.Messages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.preprocess.ImageFiles;
import io.gatescope.core.preprocess.Preprocessor;
import io.gatescope.core.preprocess.StrokeRaster;
import io.gatescope.core.preprocess.StrokeRaster.Stroke;
import io.gatescope.ui.common.InferenceService;
import io.gatescope.ui.common.Input;
import io.gatescope.ui.common.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Draw workspace's state: strokes (with undo), the picture under them, the preprocessed 28×28
 * input, the prediction and P(digit | rows 1..t), and the playback settings. The canvas follows the
 * session's input whoever set it: a test image or picture shown from anywhere replaces the strokes
 * and lies under new ones; drawing over it makes the input a drawing. Preprocessing is the core
 * code the CLI's predict uses; inference runs off the FX thread, newest input wins.
 */
public final class DrawViewModel {
  /** Canvas side in logical pixels; strokes are in these coordinates. */
  public static final int CANVAS = 280;

  /** The playback speeds offered, in rows per second. */
  public static final List<Integer> SPEEDS = List.of(1, 2, 4, 8);

  private static final int STEPS = 28;

  private final Session session;
  private final InferenceService.Channel inference;
  private final ObservableList<Stroke> strokes = FXCollections.observableArrayList();
  private final ObjectProperty<float[]> background = new SimpleObjectProperty<>();
  private final DoubleProperty brush = new SimpleDoubleProperty(20);
  private final ObjectProperty<float[]> probabilities = new SimpleObjectProperty<>();
  private final ObjectProperty<float[][]> stepProbabilities = new SimpleObjectProperty<>();
  private final ObjectProperty<float[]> probabilitiesAtStep = new SimpleObjectProperty<>();
  private final IntegerProperty predicted = new SimpleIntegerProperty(-1);
  private final ObjectProperty<float[]> predictedFor = new SimpleObjectProperty<>();
  private final StringProperty headline = new SimpleStringProperty(Messages.get("draw.headline"));
  private final StringProperty detail = new SimpleStringProperty("");
  private final StringProperty stepNote = new SimpleStringProperty("");
  private final BooleanProperty playing = new SimpleBooleanProperty(false);
  private final ObjectProperty<Integer> speed = new SimpleObjectProperty<>(4);
  private final BooleanProperty loop = new SimpleBooleanProperty(false);
  private final IntegerProperty testIndex = new SimpleIntegerProperty(0);
  private final ObjectProperty<Integer> teachLabel = new SimpleObjectProperty<>();
  private final BooleanProperty teaching = new SimpleBooleanProperty(false);
  private final ObjectProperty<io.gatescope.ui.common.ModelEntry> beforeTeaching =
      new SimpleObjectProperty<>();
  private final Random random = new Random(7);
  private Input base; // the test image or picture under the strokes, or null
  private boolean publishing; // this workspace is making its own input current
  private Input predictedInput; // the input the shown trace belongs to
  private double[] current; // the stroke being drawn, x y pairs
  private int currentLength;

  public DrawViewModel(Session session) {
    this.session = session;
    this.inference = session.inference().channel();
    session.currentInputProperty().addListener((o, a, in) -> follow(in));
    session.modelProperty().addListener((o, a, b) -> predict());
    session.timestepProperty().addListener((o, a, b) -> showStep());
    // Playing from the last row starts again at the first.
    playing.addListener(
        (o, a, on) -> {
          if (on && session.timestepProperty().get() >= STEPS) {
            session.timestepProperty().set(1);
          }
        });
  }

  // ---- the input ----

  /** The session shows another input: unless this workspace made it, the canvas shows it. */
  private void follow(Input in) {
    if (!publishing) {
      current = null;
      strokes.clear();
      base = in;
      background.set(in == null ? null : in.pixels());
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

  // ---- strokes ----

  public void beginStroke(double x, double y) {
    current = new double[64];
    currentLength = 0;
    addPoint(x, y);
    strokes.add(new Stroke(java.util.Arrays.copyOf(current, currentLength), brush.get()));
  }

  public void extendStroke(double x, double y) {
    if (current == null) {
      return;
    }
    addPoint(x, y);
    strokes.set(
        strokes.size() - 1,
        new Stroke(java.util.Arrays.copyOf(current, currentLength), brush.get()));
    updateInput();
  }

  public void endStroke() {
    if (current != null) {
      current = null;
      updateInput();
    }
  }

  private void addPoint(double x, double y) {
    if (currentLength + 2 > current.length) {
      current = java.util.Arrays.copyOf(current, current.length * 2);
    }
    current[currentLength++] = Math.max(0, Math.min(CANVAS, x));
    current[currentLength++] = Math.max(0, Math.min(CANVAS, y));
  }

  /** Empties the canvas: no strokes, no picture under them, no input. */
  /** Clears the canvas; Undo right after brings back what was there (strokes and image). */
  public void clear() {
    if (!strokes.isEmpty() || base != null) {
      cleared = new Cleared(List.copyOf(strokes), base, background.get());
    }
    strokes.clear();
    background.set(null);
    base = null;
    current = null;
    playing.set(false);
    publish(null);
  }

  /** What the last clear removed, for Undo. */
  private record Cleared(List<Stroke> strokes, Input base, float[] background) {}

  private Cleared cleared;

  public void undo() {
    if (strokes.isEmpty() && base == null && cleared != null) {
      Cleared c = cleared;
      cleared = null;
      base = c.base();
      background.set(c.background());
      strokes.setAll(c.strokes());
      updateInput();
    } else if (!strokes.isEmpty()) {
      strokes.remove(strokes.size() - 1);
      updateInput();
    } else if (background.get() != null) {
      clear();
    }
  }

  /** Re-rasterises everything and preprocesses it into the shared input. */
  private void updateInput() {
    if (strokes.isEmpty()) {
      publish(base); // the test image or picture as it was, label and all
      return;
    }
    StrokeRaster raster = new StrokeRaster(CANVAS);
    if (background.get() != null) {
      raster.drawImage(background.get(), 28);
    }
    raster.draw(strokes);
    if (raster.isEmpty()) {
      publish(null);
      return;
    }
    try {
      publish(Input.drawing(Preprocessor.toMnist(raster.ink(), CANVAS, CANVAS)));
    } catch (Preprocessor.EmptyImageException e) {
      publish(null);
    }
  }

  // ---- pictures ----

  /**
   * Reads a PNG/JPEG picture off the FX thread, preprocesses it the MNIST way (as the CLI's predict
   * does) and shows it; a file that cannot be read is named in the detail line.
   */
  public void openPicture(Path file) {
    Thread t =
        new Thread(
            () -> {
              Input in;
              String error;
              try {
                ImageFiles.Grey g = ImageFiles.read(file);
                in = Input.picture(file, Preprocessor.toMnist(g.pixels(), g.width(), g.height()));
                error = null;
              } catch (IOException | RuntimeException e) {
                in = null;
                error =
                    Messages.get(
                        "draw.picture.error", file.getFileName().toString(), e.getMessage());
              }
              Input shown = in;
              String err = error;
              javafx.application.Platform.runLater(
                  () -> {
                    if (shown != null) {
                      session.show(shown);
                    } else {
                      detail.set(err);
                    }
                  });
            },
            "gatescope-picture");
    t.setDaemon(true);
    t.start();
  }

  // ---- MNIST ----

  public void loadTestImage(int index) {
    Mnist m = session.dataProperty().get();
    if (m == null) {
      detail.set(Messages.get("train.mnistLoading"));
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
    int start = testIndex.get() + 1;
    session
        .inference()
        .submit(
            model -> {
              int found = -1;
              int n = m.test().size();
              for (int k = 0; k < n && found < 0; k += 200) {
                int from = (start + k) % n;
                int to = Math.min(n, from + 200);
                int[] idx = new int[to - from];
                for (int i = 0; i < idx.length; i++) {
                  idx[i] = from + i;
                }
                int[] labels = new int[idx.length];
                float[] buf = new float[28 * idx.length * 28];
                float[][] p =
                    model.predict(
                        io.gatescope.core.engine.Batches.timeMajor(
                            m.test(), idx, 0, idx.length, labels, buf));
                for (int i = 0; i < idx.length && found < 0; i++) {
                  if (io.gatescope.core.engine.RecurrentClassifier.argmax(p[i]) != labels[i]) {
                    found = idx[i];
                  }
                }
              }
              int f = found;
              javafx.application.Platform.runLater(
                  () -> {
                    if (f >= 0) {
                      loadTestImage(f);
                    } else {
                      detail.set(Messages.get("draw.noMistakes"));
                    }
                  });
            });
  }

  // ---- prediction ----

  private void predict() {
    Input in = session.currentInputProperty().get();
    if (in == null) {
      inference.cancel();
      predictedInput = null;
      probabilities.set(null);
      stepProbabilities.set(null);
      predictedFor.set(null);
      predicted.set(-1);
      showStep();
      return;
    }
    inference.trace(in.pixels(), List.of(), tr -> show(in, tr));
  }

  private void show(Input in, GateTrace tr) {
    predictedInput = in;
    predictedFor.set(in.pixels());
    probabilities.set(tr.probabilities());
    stepProbabilities.set(tr.stepProbabilities());
    predicted.set(tr.prediction());
    showStep();
  }

  /**
   * The answer after row t, as the model computed it: the headline digit, how sure, the ten
   * probabilities and a note when it is not yet the final answer.
   */
  private void showStep() {
    float[][] steps = stepProbabilities.get();
    if (steps == null || predictedInput == null) {
      probabilitiesAtStep.set(null);
      headline.set(Messages.get("draw.headline"));
      detail.set("");
      stepNote.set("");
      return;
    }
    int t = Math.max(1, Math.min(steps.length, session.timestepProperty().get()));
    float[] p = steps[t - 1];
    int best = io.gatescope.core.engine.RecurrentClassifier.argmax(p);
    probabilitiesAtStep.set(p);
    headline.set(Integer.toString(best));
    Integer label = predictedInput.label();
    double sure = 100 * p[best];
    // ✓/✗ judge the final answer only; before the last row the true digit is just named.
    String key =
        label == null
            ? "draw.sure"
            : t < steps.length
                ? "draw.sure.truth"
                : label == best ? "draw.sure.right" : "draw.sure.wrong";
    detail.set(Messages.get(key, sure, label));
    stepNote.set(
        t < steps.length
            ? Messages.get("draw.afterRow", t, steps.length)
            : Messages.get("draw.final", t, steps.length));
  }

  // ---- teach it ----

  /**
   * Fine-tunes a copy of the model on the current input with {@link #teachLabelProperty()} as its
   * label (mixed with MNIST), then makes it the current model. {@link #undoTeach()} goes back.
   */
  public void teach() {
    float[] in = session.inputProperty().get();
    Integer label = teachLabel.get();
    var model = session.modelProperty().get();
    Mnist m = session.dataProperty().get();
    if (in == null || label == null || model == null || m == null || teaching.get()) {
      return;
    }
    teaching.set(true);
    detail.set(Messages.get("draw.teaching", label));
    Thread t =
        new Thread(
            () -> {
              var taught =
                  io.gatescope.core.train.Teaching.teach(
                      model, in, label, m.train(), System.nanoTime());
              javafx.application.Platform.runLater(
                  () -> {
                    teaching.set(false);
                    // A taught copy is a new, unsaved entry on the model shelf; Undo goes back to
                    // the model it was first taught from.
                    var shelf = session.models();
                    if (beforeTeaching.get() == null) {
                      beforeTeaching.set(shelf.currentProperty().get());
                    }
                    shelf.add(
                        new io.gatescope.ui.common.ModelEntry(
                            io.gatescope.ui.common.ModelEntry.Kind.TAUGHT,
                            Messages.get("draw.taughtName", beforeTeaching.get().name()),
                            taught,
                            beforeTeaching.get().summary(),
                            null));
                  });
            },
            "gatescope-teach");
    t.setDaemon(true);
    t.start();
  }

  /** Restores the model as it was before the first teaching; the taught copies leave the shelf. */
  public void undoTeach() {
    var before = beforeTeaching.get();
    if (before == null) {
      return;
    }
    var shelf = session.models();
    shelf.entries().stream()
        .filter(e -> e.kind() == io.gatescope.ui.common.ModelEntry.Kind.TAUGHT)
        .filter(e -> e.needsSaving())
        .toList()
        .forEach(shelf::remove);
    shelf.select(before);
    beforeTeaching.set(null);
  }

  public ObjectProperty<Integer> teachLabelProperty() {
    return teachLabel;
  }

  public BooleanProperty teachingProperty() {
    return teaching;
  }

  /** Set while a taught model is current (Undo is possible). */
  public ObjectProperty<io.gatescope.ui.common.ModelEntry> beforeTeachingProperty() {
    return beforeTeaching;
  }

  /** The current model's reading order (rows unless it was trained otherwise). */
  public io.gatescope.core.engine.Reading reading() {
    var m = session.modelProperty().get();
    return m == null ? io.gatescope.core.engine.Reading.ROWS : m.config().reading();
  }

  // ---- properties ----

  public ObservableList<Stroke> strokes() {
    return strokes;
  }

  public ObjectProperty<float[]> backgroundProperty() {
    return background;
  }

  public DoubleProperty brushProperty() {
    return brush;
  }

  public ReadOnlyObjectProperty<float[]> inputProperty() {
    return session.inputProperty();
  }

  /** The final probabilities, after all 28 rows (null while there is no prediction). */
  public ObjectProperty<float[]> probabilitiesProperty() {
    return probabilities;
  }

  /** P(digit | rows 1..t) at the shared timestep t: what the bars and the headline show. */
  public ReadOnlyObjectProperty<float[]> probabilitiesAtStepProperty() {
    return probabilitiesAtStep;
  }

  /** "after row t of 28" while t < 28, else that this is the final answer. */
  /** Said while Inside has interventions active: Draw's numbers are the model's as trained. */
  public javafx.beans.binding.StringBinding interventionNoteBinding() {
    return javafx.beans.binding.Bindings.createStringBinding(
        () -> {
          int n = session.activeInterventionsProperty().get();
          return n == 0 ? "" : Messages.get("draw.interventionNote", n);
        },
        session.activeInterventionsProperty());
  }

  public StringProperty stepNoteProperty() {
    return stepNote;
  }

  public ObjectProperty<float[][]> stepProbabilitiesProperty() {
    return stepProbabilities;
  }

  /** The input the shown prediction belongs to (the same array object as the session's). */
  public ObjectProperty<float[]> predictedForProperty() {
    return predictedFor;
  }

  /** The final answer (after all rows). */
  public IntegerProperty predictedProperty() {
    return predicted;
  }

  public StringProperty headlineProperty() {
    return headline;
  }

  public StringProperty detailProperty() {
    return detail;
  }

  /** Moves the shared timestep by {@code delta}, within 1..28; stepping by hand pauses playback. */
  public void stepBy(int delta) {
    selectStep(timestepProperty().get() + delta);
  }

  /** Shows the reading after row t (1..28), pausing playback. */
  public void selectStep(int t) {
    playing.set(false);
    timestepProperty().set(Math.max(1, Math.min(STEPS, t)));
  }

  public IntegerProperty timestepProperty() {
    return session.timestepProperty();
  }

  public BooleanProperty playingProperty() {
    return playing;
  }

  /** Playback speed in rows per second, one of {@link #SPEEDS}. */
  public ObjectProperty<Integer> speedProperty() {
    return speed;
  }

  /** Whether playback starts again at row 1 after the last row (else it stops there). */
  public BooleanProperty loopProperty() {
    return loop;
  }

  /** Starts or pauses the row-by-row playback. */
  public void togglePlaying() {
    playing.set(!playing.get());
  }

  /** The MNIST test index to load: the shown test image's, else the last one shown. */
  public IntegerProperty testIndexProperty() {
    return testIndex;
  }

  public ReadOnlyStringProperty sourceProperty() {
    return session.inputSourceProperty();
  }

  /** Strokes drawn so far, for tests. */
  public List<Stroke> strokeSnapshot() {
    return new ArrayList<>(strokes);
  }
}
