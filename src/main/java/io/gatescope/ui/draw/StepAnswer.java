package io.gatescope.ui.draw;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Softmax;
import io.gatescope.ui.common.Input;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableIntegerValue;

/**
 * The model's answer for the shown input after row t, as the model computed it: the headline digit,
 * how sure, the ten probabilities and a note while it is not yet the final answer; t follows the
 * shared timestep.
 */
final class StepAnswer {
  private final ObservableIntegerValue timestep;
  private final ReadOnlyObjectWrapper<float[]> probabilities = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<float[][]> stepProbabilities = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<float[]> probabilitiesAtStep = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyIntegerWrapper predicted = new ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyObjectWrapper<float[]> predictedFor = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper headline =
      new ReadOnlyStringWrapper(Messages.get("draw.headline"));
  private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper stepNote = new ReadOnlyStringWrapper("");
  private Input predictedInput; // the input the shown trace belongs to

  StepAnswer(ObservableIntegerValue timestep) {
    this.timestep = timestep;
    timestep.addListener(o -> showStep());
  }

  /** No input: no answer. */
  void clear() {
    predictedInput = null;
    probabilities.set(null);
    stepProbabilities.set(null);
    predictedFor.set(null);
    predicted.set(-1);
    showStep();
  }

  /** The trace of input {@code in} arrived. */
  void show(Input in, GateTrace tr) {
    predictedInput = in;
    predictedFor.set(in.pixels());
    probabilities.set(tr.probabilities());
    stepProbabilities.set(tr.stepProbabilities());
    predicted.set(tr.prediction());
    showStep();
  }

  /** A sentence in the detail line instead of how sure the model is (until the next answer). */
  void say(String sentence) {
    detail.set(sentence);
  }

  private void showStep() {
    float[][] steps = stepProbabilities.get();
    if (steps == null || predictedInput == null) {
      probabilitiesAtStep.set(null);
      headline.set(Messages.get("draw.headline"));
      detail.set("");
      stepNote.set("");
      return;
    }
    int t = Math.max(1, Math.min(steps.length, timestep.get()));
    float[] p = steps[t - 1];
    int best = Softmax.argmax(p);
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

  ReadOnlyObjectProperty<float[]> probabilitiesProperty() {
    return probabilities.getReadOnlyProperty();
  }

  ReadOnlyObjectProperty<float[][]> stepProbabilitiesProperty() {
    return stepProbabilities.getReadOnlyProperty();
  }

  ReadOnlyObjectProperty<float[]> probabilitiesAtStepProperty() {
    return probabilitiesAtStep.getReadOnlyProperty();
  }

  ReadOnlyIntegerProperty predictedProperty() {
    return predicted.getReadOnlyProperty();
  }

  ReadOnlyObjectProperty<float[]> predictedForProperty() {
    return predictedFor.getReadOnlyProperty();
  }

  ReadOnlyStringProperty headlineProperty() {
    return headline.getReadOnlyProperty();
  }

  ReadOnlyStringProperty detailProperty() {
    return detail.getReadOnlyProperty();
  }

  ReadOnlyStringProperty stepNoteProperty() {
    return stepNote.getReadOnlyProperty();
  }
}
