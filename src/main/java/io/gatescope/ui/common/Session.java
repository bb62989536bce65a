package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectPropertyBase;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the workspaces share: the data, the current model, the current input (a drawing, a test
 * image or a picture), the selected timestep, the status bar and where the window goes next.
 * Read-only properties, each with the one method that changes it; FX thread only.
 *
 * <p>The input is one {@link Input} value, replaced as a whole by {@link #show(Input)} or {@link
 * #showTestImage(int)}; its pixels, label, source text and test index are read-only views of it, so
 * whichever a listener reads, it sees the same input.
 */
public final class Session {
  private final ReadOnlyObjectWrapper<Mnist> data = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<RecurrentClassifier> model = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper modelName =
      new ReadOnlyStringWrapper(Messages.get("session.noModel"));
  private final ReadOnlyObjectWrapper<Input> current = new ReadOnlyObjectWrapper<>();
  private final InputView<float[]> input = new InputView<>("input", Input::pixels, null);
  private final InputView<Integer> inputLabel = new InputView<>("inputLabel", Input::label, null);
  private final InputView<String> inputSource = new InputView<>("inputSource", Input::describe, "");
  private final InputView<Integer> testIndexValue =
      new InputView<>("testIndex", Input::testIndex, -1);
  private final ReadOnlyIntegerProperty testIndex =
      ReadOnlyIntegerProperty.readOnlyIntegerProperty(testIndexValue);
  private final ReadOnlyIntegerWrapper timestep = new ReadOnlyIntegerWrapper(STEPS);
  private final ReadOnlyIntegerWrapper activeInterventions = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyObjectWrapper<Map<CellType, RecurrentClassifier>> comparisonModels =
      new ReadOnlyObjectWrapper<>(Map.of());
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final InferenceService inference = new InferenceService();
  private final List<Consumer<Navigation>> navigationListeners = new ArrayList<>();

  private final ModelShelf models;

  /** Timesteps of an MNIST image read row by row: the range of {@link #timestepProperty()}. */
  public static final int STEPS = 28;

  public Session() {
    model.addListener((o, a, m) -> inference.setModel(m));
    models = new ModelShelf(this);
  }

  /**
   * The latest notice for the window to show; each {@link #notify(Notice)} fires, even a repeat.
   */
  public ReadOnlyObjectProperty<Notice> noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** Asks the window to show {@code n} where it is seen. */
  public void notify(Notice n) {
    notice.set(null);
    notice.set(n);
  }

  // ---- navigation ----

  /** Asks the window to show workspace {@code w}. */
  public void show(Workspace w) {
    navigate(new Navigation.Show(w));
  }

  /**
   * Carries out a request to go elsewhere: the session shows its payload (a test image), then every
   * observer hears it (the window shows the workspace, Evaluate starts a comparison asked for).
   */
  public void navigate(Navigation n) {
    if (n instanceof Navigation.TestImage t) {
      showTestImage(t.index());
    }
    for (Consumer<Navigation> l : List.copyOf(navigationListeners)) {
      l.accept(n);
    }
  }

  /** Hears every {@link #navigate(Navigation)}, in the order the listeners were added. */
  public void addNavigationListener(Consumer<Navigation> l) {
    navigationListeners.add(l);
  }

  // ---- data and model ----

  public ReadOnlyObjectProperty<Mnist> dataProperty() {
    return data.getReadOnlyProperty();
  }

  /** MNIST, once loaded. */
  public void setData(Mnist m) {
    data.set(m);
  }

  /** The model every workspace shows; the model shelf's current entry. */
  public ReadOnlyObjectProperty<RecurrentClassifier> modelProperty() {
    return model.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty modelNameProperty() {
    return modelName.getReadOnlyProperty();
  }

  /** The current model's reading order (rows unless it was trained otherwise, or no model). */
  public Reading reading() {
    RecurrentClassifier m = model.get();
    return m == null ? Reading.ROWS : m.config().reading();
  }

  /** The shelf chose entry {@code e} (null: none): its model and its name become current. */
  void use(ModelEntry e) {
    modelName.unbind();
    if (e == null) {
      model.set(null);
      return;
    }
    model.set(e.model());
    modelName.bind(e.labelBinding());
  }

  // ---- the input ----

  /** The input every workspace shows, or null when there is nothing to read. */
  public ReadOnlyObjectProperty<Input> currentInputProperty() {
    return current.getReadOnlyProperty();
  }

  /** Makes {@code in} (null: nothing) the input every workspace shows. */
  public void show(Input in) {
    // A new image (a test image, a mistake, a picture) opens at its final answer, after row 28;
    // strokes on the canvas keep the row the reader is looking at.
    if (in != null && !(in.source() instanceof Input.Drawing)) {
      timestep.set(STEPS);
    }
    current.set(in);
    input.changed();
    inputLabel.changed();
    inputSource.changed();
    testIndexValue.changed();
  }

  /** The current input's 784 floats in [0, 1] (ink = 1), or null when there is nothing to read. */
  public ReadOnlyObjectProperty<float[]> inputProperty() {
    return input;
  }

  /** The true digit when the input is an MNIST image, else null. */
  public ReadOnlyObjectProperty<Integer> inputLabelProperty() {
    return inputLabel;
  }

  /** Where the current input came from, as text ("" when there is none). */
  public ReadOnlyObjectProperty<String> inputSourceProperty() {
    return inputSource;
  }

  /** The MNIST test index of the current input, or −1 when it is not a test image. */
  public ReadOnlyIntegerProperty testIndexProperty() {
    return testIndex;
  }

  /** Shows an MNIST test image as the current input. */
  public void showTestImage(int index) {
    Mnist m = data.get();
    if (m == null || index < 0 || index >= m.test().size()) {
      return;
    }
    show(Input.testImage(index, m.test().images().imageAsFloats(index), m.test().label(index)));
  }

  /**
   * How many interventions (clamped gates, silenced units) Inside has active. They change only
   * Inside's trace: Draw and Evaluate show the model as trained, and say so while this is above 0.
   */
  public ReadOnlyIntegerProperty activeInterventionsProperty() {
    return activeInterventions.getReadOnlyProperty();
  }

  public void setActiveInterventions(int n) {
    activeInterventions.set(n);
  }

  /**
   * The models of the last "Compare cells" run, by cell (empty before one finished). Only the
   * inference worker may run them (on copies): they are not thread-safe.
   */
  public ReadOnlyObjectProperty<Map<CellType, RecurrentClassifier>> comparisonModelsProperty() {
    return comparisonModels.getReadOnlyProperty();
  }

  /** Evaluate's comparison finished with these models. */
  public void setComparisonModels(Map<CellType, RecurrentClassifier> models) {
    comparisonModels.set(Map.copyOf(models));
  }

  /** The selected timestep, 1..28, shared by Draw and Inside. */
  public ReadOnlyIntegerProperty timestepProperty() {
    return timestep.getReadOnlyProperty();
  }

  /** Selects timestep {@code t}, kept within 1..28. */
  public void setTimestep(int t) {
    timestep.set(Math.max(1, Math.min(STEPS, t)));
  }

  // ---- the status bar ----

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The status bar's sentence. */
  public void setStatus(String s) {
    status.set(s);
  }

  /** Background work in the status bar: −1 indeterminate, 0..1 fraction, ≥ 1 done. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Sets the status bar's progress: −1 indeterminate, 0..1 fraction, ≥ 1 done. */
  public void setProgress(double p) {
    progress.set(p);
  }

  /** Every model of this window; its current entry is {@link #modelProperty()}. */
  public ModelShelf models() {
    return models;
  }

  /** The worker that runs the model off the FX thread; also the app's one background executor. */
  public InferenceService inference() {
    return inference;
  }

  public void shutdown() {
    inference.shutdown();
    models.shutdown();
  }

  /** A part of the current input, read from it on every get (never a stale copy). */
  private final class InputView<T> extends ReadOnlyObjectPropertyBase<T> {
    private final String name;
    private final Function<Input, T> part;
    private final T none;

    InputView(String name, Function<Input, T> part, T none) {
      this.name = name;
      this.part = part;
      this.none = none;
    }

    @Override
    public T get() {
      Input in = current.get();
      return in == null ? none : part.apply(in);
    }

    void changed() {
      fireValueChangedEvent();
    }

    @Override
    public Object getBean() {
      return Session.this;
    }

    @Override
    public String getName() {
      return name;
    }
  }
}
