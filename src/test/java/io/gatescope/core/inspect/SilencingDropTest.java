package io.gatescope.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.Softmax;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The silencing drop equals the accuracy difference counted one image at a time, with the unit of
 * the top layer silenced as Inside silences it; on a fixture labelled with the model's own answers,
 * so that the accuracy as it is is 1 and the drop is the share of answers silencing changes.
 */
class SilencingDropTest {
  static final int N = 300;

  static RecurrentClassifier model;
  static LabeledImages set;

  @BeforeAll
  static void fixture() {
    NativeSetup.init(1);
    model = RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 2, 6, 5, 1.0, 29));
    LabeledImages made = UnitFixture.set(N, 13);
    byte[] labels = new byte[N];
    for (int i = 0; i < N; i++) {
      labels[i] = (byte) answer(made, i, List.of());
    }
    set = new LabeledImages("own answers", made.images(), labels);
  }

  static int answer(LabeledImages s, int i, List<Intervention> iv) {
    model.forward(Batches.timeMajor(new float[][] {s.images().imageAsFloats(i)}), iv);
    return Softmax.argmax(model.lastProbabilities()[0]);
  }

  @Test
  void dropEqualsTheAccuracyDifferenceCountedDirectly() {
    boolean someUnitMatters = false;
    for (int unit = 0; unit < 6; unit++) {
      int n = 280; // more than a minibatch of 250
      int right = 0;
      int rightSilenced = 0;
      List<Intervention> silence = List.of(Intervention.silence(1, unit));
      for (int i = 0; i < n; i++) {
        right += answer(set, i, List.of()) == set.label(i) ? 1 : 0;
        rightSilenced += answer(set, i, silence) == set.label(i) ? 1 : 0;
      }
      SilencingDrop d = SilencingDrop.measure(model, set, unit, n);
      assertEquals(n, d.images());
      assertEquals(1.0, d.accuracy());
      assertEquals(right / (double) n, d.accuracy(), 0);
      assertEquals(rightSilenced / (double) n, d.silencedAccuracy(), 0);
      assertEquals((right - rightSilenced) / (double) n, d.drop(), 1e-15);
      someUnitMatters |= d.drop() > 0;
    }
    assertTrue(someUnitMatters, "the fixture has a unit whose silence changes answers");
  }
}
