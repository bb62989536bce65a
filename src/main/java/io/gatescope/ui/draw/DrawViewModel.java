package io.gatescope.ui.draw;

import io.gatescope.core.Messages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.preprocess.Preprocessor;
import io.gatescope.core.preprocess.StrokeRaster;
import io.gatescope.core.preprocess.StrokeRaster.Stroke;
import io.gatescope.ui.common.InferenceService;
import io.gatescope.ui.common.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * The Draw workspace's state: strokes (with undo), the MNIST image under them, the preprocessed
 * 28×28 input, the prediction and P(digit | rows 1..t). Preprocessing is the core code the CLI's
 * predict uses; inference runs off the FX thread, newest input wins.
 */
public final class DrawViewModel {
  /** Canvas side in logical pixels; strokes are in these coordinates. */
  public static final int CANVAS = 280;

  private final Session session;
  private final InferenceService.Channel inference;
  private final ObservableList<Stroke> strokes = FXCollections.observableArrayList();
  private final ObjectProperty<float[]> background = new SimpleObjectProperty<>();
  private final DoubleProperty brush = new SimpleDoubleProperty(20);
  private final ObjectProperty<float[]> probabilities = new SimpleObjectProperty<>();
  private final ObjectProperty<float[][]> stepProbabilities = new SimpleObjectProperty<>();
  private final IntegerProperty predicted = new SimpleIntegerProperty(-1);
  private final ObjectProperty<float[]> predictedFor = new SimpleObjectProperty<>();
  private final StringProperty headline = new SimpleStringProperty(Messages.get("draw.headline"));
  private final StringProperty detail = new SimpleStringProperty("");
  private final BooleanProperty playing = new SimpleBooleanProperty(false);
  private final IntegerProperty testIndex = new SimpleIntegerProperty(0);
  private final ObjectProperty<Integer> teachLabel = new SimpleObjectProperty<>();
  private final BooleanProperty teaching = new SimpleBooleanProperty(false);
  private final ObjectProperty<io.gatescope.ui.common.ModelEntry> beforeTeaching =
      new SimpleObjectProperty<>();
  private final Timeline player;
  private final Random random = new Random(7);
  private double[] current; // the stroke being drawn, x y pairs
  private int currentLength;

  public DrawViewModel(Session session) {
    this.session = session;
    this.inference = session.inference().channel();
    player =
        new Timeline(
            new KeyFrame(
                Duration.millis(120),
                e -> {
                  int t = session.timestepProperty().get();
                  session.timestepProperty().set(t >= 28 ? 1 : t + 1);
                }));
    player.setCycleCount(Timeline.INDEFINITE);
    playing.addListener(
        (o, a, on) -> {
          if (on) {
            player.play();
          } else {
            player.stop();
          }
        });
    session.inputProperty().addListener((o, a, b) -> predict());
    session.modelProperty().addListener((o, a, b) -> predict());
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

  public void clear() {
    strokes.clear();
    background.set(null);
    current = null;
    playing.set(false);
    session.inputLabelProperty().set(null);
    session.inputSourceProperty().set("");
    session.inputProperty().set(null);
  }

  public void undo() {
    if (!strokes.isEmpty()) {
      strokes.remove(strokes.size() - 1);
      updateInput();
    } else if (background.get() != null) {
      clear();
    }
  }

  /** Re-rasterises everything and preprocesses it into the shared input. */
  private void updateInput() {
    if (strokes.isEmpty() && background.get() != null) {
      session.inputProperty().set(background.get()); // an MNIST image is already model-ready
      return;
    }
    StrokeRaster raster = new StrokeRaster(CANVAS);
    if (background.get() != null) {
      raster.drawImage(background.get(), 28);
    }
    raster.draw(strokes);
    if (raster.isEmpty()) {
      session.inputProperty().set(null);
      return;
    }
    try {
      float[] in = Preprocessor.toMnist(raster.ink(), CANVAS, CANVAS);
      session.inputLabelProperty().set(null);
      session.inputSourceProperty().set(Messages.get("input.drawing"));
      session.inputProperty().set(in);
    } catch (Preprocessor.EmptyImageException e) {
      session.inputProperty().set(null);
    }
  }

  // ---- MNIST ----

  public void loadTestImage(int index) {
    Mnist m = session.dataProperty().get();
    if (m == null) {
      detail.set(Messages.get("train.mnistLoading"));
      return;
    }
    int i = Math.floorMod(index, m.test().size());
    testIndex.set(i);
    strokes.clear();
    background.set(m.test().images().imageAsFloats(i));
    session.showTestImage(i);
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
    float[] in = session.inputProperty().get();
    if (in == null) {
      inference.cancel();
      probabilities.set(null);
      stepProbabilities.set(null);
      predictedFor.set(null);
      predicted.set(-1);
      headline.set(Messages.get("draw.headline"));
      detail.set("");
      return;
    }
    inference.trace(in, List.of(), tr -> show(in, tr));
  }

  private void show(float[] in, GateTrace tr) {
    predictedFor.set(in);
    probabilities.set(tr.probabilities());
    stepProbabilities.set(tr.stepProbabilities());
    predicted.set(tr.prediction());
    headline.set(Integer.toString(tr.prediction()));
    Integer label = session.inputLabelProperty().get();
    double sure = 100 * tr.probabilities()[tr.prediction()];
    detail.set(
        label == null
            ? Messages.get("draw.sure", sure)
            : Messages.get(
                label == tr.prediction() ? "draw.sure.right" : "draw.sure.wrong", sure, label));
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

  public ObjectProperty<float[]> inputProperty() {
    return session.inputProperty();
  }

  public ObjectProperty<float[]> probabilitiesProperty() {
    return probabilities;
  }

  public ObjectProperty<float[][]> stepProbabilitiesProperty() {
    return stepProbabilities;
  }

  /** The input the shown prediction belongs to (the same array object as the session's). */
  public ObjectProperty<float[]> predictedForProperty() {
    return predictedFor;
  }

  public IntegerProperty predictedProperty() {
    return predicted;
  }

  public StringProperty headlineProperty() {
    return headline;
  }

  public StringProperty detailProperty() {
    return detail;
  }

  /** Moves the shared timestep by {@code delta}, within 1..28. */
  public void stepBy(int delta) {
    IntegerProperty t = timestepProperty();
    t.set(Math.max(1, Math.min(28, t.get() + delta)));
  }

  public IntegerProperty timestepProperty() {
    return session.timestepProperty();
  }

  public BooleanProperty playingProperty() {
    return playing;
  }

  public IntegerProperty testIndexProperty() {
    return testIndex;
  }

  public StringProperty sourceProperty() {
    return session.inputSourceProperty();
  }

  /** Strokes drawn so far, for tests. */
  public List<Stroke> strokeSnapshot() {
    return new ArrayList<>(strokes);
  }
}
