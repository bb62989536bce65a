package io.gatescope.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.data.ImageSet;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateStatisticsTest {
  @Test
  void sharesCountEveryImageAndStepAndMatchADirectCount() {
    RecurrentClassifier m =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 6, 0, 1.0, 2));
    m.params().flat().muli(4); // large weights: many saturated gates
    byte[] px = new byte[3 * 784];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) (i * 31 % 256);
    }
    LabeledImages set = new LabeledImages("t", new ImageSet(3, 28, 28, px), new byte[] {1, 2, 3});
    GateStatistics st = GateStatistics.compute(m, set, 3, 0);
    assertEquals(Set.of(Quantity.UPDATE, Quantity.FORGET, Quantity.OUTPUT), st.low().keySet());
    int lowCount = 0;
    for (int i = 0; i < 3; i++) {
      GateTrace tr = m.trace(set.images().imageAsFloats(i));
      for (float[] step : tr.top(Quantity.FORGET)) {
        if (step[4] < 0.1f) {
          lowCount++;
        }
      }
    }
    assertEquals(lowCount / 84.0, st.low().get(Quantity.FORGET)[4], 1e-12);
    for (Quantity g : st.low().keySet()) {
      for (int u = 0; u < 6; u++) {
        double lo = st.low().get(g)[u];
        double hi = st.high().get(g)[u];
        assertTrue(lo >= 0 && hi >= 0 && lo + hi <= 1 + 1e-12);
      }
    }
  }
}
