package io.gatescope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.Softmax;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelLocator;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeachingTest {
  @Test
  void teachingAWrongAnswerFixesItWithoutForgettingMnist() throws Exception {
    Mnist data = Mnist.load(DataLocator.mnistFolder(Optional.empty()));
    RecurrentClassifier model = ModelFile.load(ModelLocator.resolve(Optional.empty())).model();
    // A test image the shipped model gets wrong.
    Evaluation before = Evaluation.of(model, data.test().head(2000), 500, null);
    int wrong = -1;
    for (int i = 0; i < 2000 && wrong < 0; i++) {
      if (before.predicted()[i] != data.test().label(i)) {
        wrong = i;
      }
    }
    assertTrue(wrong >= 0);
    float[] img = data.test().images().imageAsFloats(wrong);
    int label = data.test().label(wrong);

    RecurrentClassifier taught = Teaching.teach(model, img, label, data.train(), 1);
    int now = Softmax.argmax(taught.predict(Batches.timeMajor(new float[][] {img}))[0]);
    assertEquals(label, now, "the taught model reads the drawing as its label");
    int original = Softmax.argmax(model.predict(Batches.timeMajor(new float[][] {img}))[0]);
    assertNotEquals(label, original, "the original model is untouched (undo keeps it)");

    double after = Evaluation.of(taught, data.test().head(2000), 500, null).accuracy();
    assertTrue(
        after > before.accuracy() - 0.01, "MNIST accuracy " + before.accuracy() + " → " + after);
  }
}
