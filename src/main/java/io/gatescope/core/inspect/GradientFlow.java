package io.gatescope.core.inspect;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.StepGradients;

/**
 * How strongly the loss reaches back to each row of the image: ‖∂loss/∂a⟨t⟩‖ of the top layer and
 * ‖∂loss/∂x⟨t⟩‖ for t = 1..28, from the engine's real backward pass on a batch of test images.
 *
 * @param hidden ‖∂loss/∂a⟨t⟩‖ per step
 * @param input ‖∂loss/∂x⟨t⟩‖ per step
 */
public record GradientFlow(String label, double[] hidden, double[] input) {

  /** Measures on the first {@code n} images of {@code set}, on a copy of the model. */
  public static GradientFlow measure(
      String label, RecurrentClassifier model, LabeledImages set, int n) {
    int b = Math.min(n, set.size());
    int[] idx = new int[b];
    for (int i = 0; i < b; i++) {
      idx[i] = i;
    }
    int[] labels = new int[b];
    float[] buffer = new float[ModelConfig.STEPS * b * ModelConfig.FEATURES];
    RecurrentClassifier copy = model.copy();
    StepGradients sg = new StepGradients();
    copy.lossAndGradient(Batches.timeMajor(set, idx, 0, b, labels, buffer), labels, sg);
    return new GradientFlow(label, sg.hiddenNorms(), sg.inputNorms());
  }

  /** ‖∂loss/∂a⟨1⟩‖ / ‖∂loss/∂a⟨T⟩‖: how much of the gradient survives back to the first row. */
  public double survival() {
    return hidden[0] / hidden[hidden.length - 1];
  }
}
