package io.gatescope.core.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatescope.core.data.ImageSet;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.Softmax;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mistakes search on a fixture whose wrong answers are planted: each image's label is the
 * model's own answer for it (read one image at a time), except at the planted indices, where it is
 * another digit. The search must find exactly those, across minibatch borders and the set's end.
 */
class MistakesTest {
  static final int N = 450; // more than two minibatches of 200
  static final int[] PLANTED = {0, 5, 199, 200, 321, 449};

  static RecurrentClassifier model;
  static byte[] pixels;
  static int[] answers;

  @BeforeAll
  static void fixture() {
    NativeSetup.init(1);
    model = RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 8, 4, 1.0, 3));
    SplittableRandom r = new SplittableRandom(11);
    pixels = new byte[N * 28 * 28];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) r.nextInt(256);
    }
    ImageSet set = new ImageSet(N, 28, 28, pixels);
    answers = new int[N];
    for (int i = 0; i < N; i++) {
      float[] one = set.imageAsFloats(i);
      answers[i] = Softmax.argmax(model.predict(Batches.timeMajor(new float[][] {one}))[0]);
    }
  }

  /** The fixture's labels: the model's answers, another digit at {@code wrong}. */
  static LabeledImages labelled(int... wrong) {
    byte[] labels = new byte[N];
    for (int i = 0; i < N; i++) {
      labels[i] = (byte) answers[i];
    }
    for (int i : wrong) {
      labels[i] = (byte) ((answers[i] + 1) % 10);
    }
    return new LabeledImages("fixture", new ImageSet(N, 28, 28, pixels), labels);
  }

  @Test
  void allFindsExactlyThePlantedMistakes() {
    assertArrayEquals(PLANTED, Mistakes.all(model, labelled(PLANTED)));
    assertArrayEquals(new int[0], Mistakes.all(model, labelled()));
  }

  @Test
  void nextFindsTheFirstMistakeAtOrAfterAnIndex() {
    LabeledImages set = labelled(PLANTED);
    assertEquals(0, Mistakes.next(model, set, 0));
    assertEquals(5, Mistakes.next(model, set, 1));
    assertEquals(199, Mistakes.next(model, set, 6));
    assertEquals(200, Mistakes.next(model, set, 200));
    assertEquals(321, Mistakes.next(model, set, 201));
    assertEquals(449, Mistakes.next(model, set, 322));
    assertEquals(0, Mistakes.next(model, set, 450), "past the end: from the start again");
  }

  @Test
  void nextWrapsPastTheEndWithoutSkippingTheStart() {
    // One mistake near the start, searched from the last image: the search goes on at image 0.
    LabeledImages set = labelled(5);
    assertEquals(5, Mistakes.next(model, set, 449));
    assertEquals(5, Mistakes.next(model, set, 300));
  }

  @Test
  void noMistakeIsMinusOne() {
    assertEquals(-1, Mistakes.next(model, labelled(), 17));
  }
}
