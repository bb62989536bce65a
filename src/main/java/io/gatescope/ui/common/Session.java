package io.gatescope.ui.common;

import io.gatescope.core.Messages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.RecurrentClassifier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the workspaces share: the data, the current model, the current input (a drawing or a test
 * image) and the selected timestep. Properties only; FX thread only.
 */
public final class Session {
  private final ObjectProperty<Mnist> data = new SimpleObjectProperty<>();
  private final ObjectProperty<RecurrentClassifier> model = new SimpleObjectProperty<>();
  private final StringProperty modelName =
      new SimpleStringProperty(Messages.get("session.noModel"));
  private final ObjectProperty<float[]> input = new SimpleObjectProperty<>();
  private final ObjectProperty<Integer> inputLabel = new SimpleObjectProperty<>();
  private final StringProperty inputSource = new SimpleStringProperty("");
  private final javafx.beans.property.ReadOnlyIntegerWrapper testIndex =
      new javafx.beans.property.ReadOnlyIntegerWrapper(-1);
  private final IntegerProperty timestep = new SimpleIntegerProperty(28);
  private final StringProperty status = new SimpleStringProperty("");
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final InferenceService inference = new InferenceService();
  private final StringProperty workspaceRequest = new SimpleStringProperty();
  private final javafx.beans.property.BooleanProperty comparisonRequest =
      new javafx.beans.property.SimpleBooleanProperty();

  private final ModelShelf models;

  public Session() {
    model.addListener((o, a, m) -> inference.setModel(m));
    models = new ModelShelf(this);
    // Any other input (a drawing, a picture, nothing) is not a test image.
    input.addListener((o, a, in) -> testIndex.set(-1));
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

  /** 784 floats in [0, 1] (ink = 1), or null when there is nothing to read. */
  public ObjectProperty<float[]> inputProperty() {
    return input;
  }

  /** The true digit when the input is an MNIST image, else null. */
  public ObjectProperty<Integer> inputLabelProperty() {
    return inputLabel;
  }

  public StringProperty inputSourceProperty() {
    return inputSource;
  }

  /** The MNIST test index of the current input, or −1 when it is not a test image. */
  public javafx.beans.property.ReadOnlyIntegerProperty testIndexProperty() {
    return testIndex.getReadOnlyProperty();
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
    inputLabel.set(m.test().label(index));
    inputSource.set(Messages.get("input.test", index));
    input.set(m.test().images().imageAsFloats(index));
    testIndex.set(index);
  }

  public void shutdown() {
    inference.shutdown();
    models.shutdown();
  }
}
