package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerPropertyBase;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectPropertyBase;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringPropertyBase;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the workspaces share: the data, the current model, the current input (a drawing, a test
 * image or a picture) and the selected timestep. Properties only; FX thread only.
 *
 * <p>The input is one {@link Input} value, replaced as a whole by {@link #show(Input)} or {@link
 * #showTestImage(int)}; its pixels, label, source text and test index are read-only views of it, so
 * whichever a listener reads, it sees the same input.
 */
public final class Session {
  private final ObjectProperty<Mnist> data = new SimpleObjectProperty<>();
  private final ObjectProperty<RecurrentClassifier> model = new SimpleObjectProperty<>();
  private final StringProperty modelName =
      new SimpleStringProperty(Messages.get("session.noModel"));
  private final ReadOnlyObjectWrapper<Input> current = new ReadOnlyObjectWrapper<>();
  private final InputView<float[]> input = new InputView<>("input", Input::pixels, null);
  private final InputView<Integer> inputLabel = new InputView<>("inputLabel", Input::label, null);
  private final SourceView inputSource = new SourceView();
  private final TestIndexView testIndex = new TestIndexView();
  private final IntegerProperty timestep = new SimpleIntegerProperty(28);
  private final javafx.beans.property.ReadOnlyIntegerWrapper activeInterventions =
      new javafx.beans.property.ReadOnlyIntegerWrapper(0);
  private final StringProperty status = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final InferenceService inference = new InferenceService();
  private final StringProperty workspaceRequest = new SimpleStringProperty();
  private final javafx.beans.property.BooleanProperty comparisonRequest =
      new javafx.beans.property.SimpleBooleanProperty();

  private final ModelShelf models;

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

  public ObjectProperty<Mnist> dataProperty() {
    return data;
  }

  /** The model every workspace shows; replaced when one is trained or opened. */
  public ObjectProperty<RecurrentClassifier> modelProperty() {
    return model;
  }

  public StringProperty modelNameProperty() {
    return modelName;
  }

  /** The input every workspace shows, or null when there is nothing to read. */
  public ReadOnlyObjectProperty<Input> currentInputProperty() {
    return current.getReadOnlyProperty();
  }

  /** Makes {@code in} (null: nothing) the input every workspace shows. */
  public void show(Input in) {
    // A new image (a test image, a mistake, a picture) opens at its final answer, after row 28;
    // strokes on the canvas keep the row the reader is looking at.
    if (in != null && !(in.source() instanceof Input.Drawing)) {
      timestep.set(28);
    }
    current.set(in);
    input.changed();
    inputLabel.changed();
    inputSource.changed();
    testIndex.changed();
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
  public ReadOnlyStringProperty inputSourceProperty() {
    return inputSource;
  }

  /** The MNIST test index of the current input, or −1 when it is not a test image. */
  public ReadOnlyIntegerProperty testIndexProperty() {
    return testIndex;
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

  /** The selected timestep, 1..28, shared by Draw and Inside. */
  public IntegerProperty timestepProperty() {
    return timestep;
  }

  public StringProperty statusProperty() {
    return status;
  }

  /** Background work in the status bar: −1 indeterminate, 0..1 fraction, ≥ 1 done. */
  public DoubleProperty progressProperty() {
    return progress;
  }

  /** A workspace a screen asks the window to show, by id ("draw", "inside", ...). */
  public StringProperty workspaceRequestProperty() {
    return workspaceRequest;
  }

  /** Set to true to ask Evaluate to start its cell comparison. */
  public javafx.beans.property.BooleanProperty comparisonRequestProperty() {
    return comparisonRequest;
  }

  /** Every model of this window; its current entry is {@link #modelProperty()}. */
  public ModelShelf models() {
    return models;
  }

  public InferenceService inference() {
    return inference;
  }

  /** Shows an MNIST test image as the current input. */
  public void showTestImage(int index) {
    Mnist m = data.get();
    if (m == null || index < 0 || index >= m.test().size()) {
      return;
    }
    show(Input.testImage(index, m.test().images().imageAsFloats(index), m.test().label(index)));
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

  /** Where the current input came from, as text. */
  private final class SourceView extends ReadOnlyStringPropertyBase {
    @Override
    public String get() {
      Input in = current.get();
      return in == null ? "" : in.describe();
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
      return "inputSource";
    }
  }

  private final class TestIndexView extends ReadOnlyIntegerPropertyBase {
    @Override
    public int get() {
      Input in = current.get();
      return in == null ? -1 : in.testIndex();
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
      return "testIndex";
    }
  }
}
