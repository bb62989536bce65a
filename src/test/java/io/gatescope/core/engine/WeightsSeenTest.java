package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gatescope.TestImages;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A model traced again keeps its stacked and folded copies of the weights only while every weight
 * is what it was: a weight changed in place between two traces (as the optimizer, or a lesson's
 * model, changes them) shows in the second trace, exactly as a fresh model with that weight gives.
 */
class WeightsSeenTest {
  private static final ModelConfig[] CONFIGS = {
    new ModelConfig(CellType.LSTM, 1, 16, 12, 1.0, 3), // folded projection
    new ModelConfig(CellType.GRU, 2, 12, 0, 0, 5), // plain input, two layers
  };

  @Test
  void aWeightChangedBetweenTwoTracesIsUsedByTheSecond() {
    float[] img = TestImages.sparse(11);
    for (ModelConfig cfg : CONFIGS) {
      RecurrentClassifier m = RecurrentClassifier.create(cfg);
      GateTrace before = m.trace(img);
      assertSame(before, m.trace(img), cfg + ": traced twice, the same numbers");
      for (String name : new String[] {"l0.W", "l0.b", firstRecurrent(m)}) {
        m.params().get(name).putScalar(0, 0, m.params().get(name).getFloat(0, 0) + 0.25f);
        GateTrace changed = m.trace(img);
        GateTrace fresh = RecurrentClassifier.withParams(cfg, m.params().flat().dup()).trace(img);
        assertSame(fresh, changed, cfg + ": " + name + " changed in place");
        assertFalse(
            Arrays.deepEquals(before.top(Quantity.HIDDEN), changed.top(Quantity.HIDDEN)),
            cfg + ": " + name + " changes a⟨t⟩");
        before = changed;
      }
    }
  }

  private static String firstRecurrent(RecurrentClassifier m) {
    return m.params().names().stream().filter(n -> n.startsWith("l0.RW")).findFirst().orElseThrow();
  }

  private static void assertSame(GateTrace expected, GateTrace actual, String what) {
    assertArrayEquals(expected.probabilities(), actual.probabilities(), 0f, what);
    for (Quantity q : expected.cell().traced()) {
      float[][] e = expected.top(q);
      float[][] a = actual.top(q);
      for (int t = 0; t < e.length; t++) {
        assertArrayEquals(e[t], a[t], 0f, what + ", " + q + " at step " + (t + 1));
      }
    }
  }
}
