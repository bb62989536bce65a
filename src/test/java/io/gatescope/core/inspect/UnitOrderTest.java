package io.gatescope.core.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnitOrderTest {
  static GateTrace trace() {
    RecurrentClassifier m =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 12, 0, 1, 3));
    float[] img = new float[784];
    for (int i = 0; i < 784; i++) {
      img[i] = (i * 37 % 101) / 100f;
    }
    return m.trace(img);
  }

  @Test
  void everyOrderIsAPermutationOfTheUnits() {
    GateTrace tr = trace();
    float[] readout = new float[12];
    Arrays.fill(readout, 1f);
    for (UnitOrder o : UnitOrder.values()) {
      int[] order = o.order(tr, 0, Quantity.HIDDEN, readout);
      int[] sorted = order.clone();
      Arrays.sort(sorted);
      assertArrayEquals(IntStream.range(0, 12).toArray(), sorted, o.name());
    }
  }

  @Test
  void meanOrderPutsTheMostActiveUnitFirst() {
    GateTrace tr = trace();
    int[] order = UnitOrder.MEAN.order(tr, 0, Quantity.HIDDEN, null);
    for (int i = 1; i < order.length; i++) {
      assertTrue(
          UnitOrder.mean(tr.top(Quantity.HIDDEN), order[i - 1])
              >= UnitOrder.mean(tr.top(Quantity.HIDDEN), order[i]));
    }
  }

  @Test
  void equationsShowTheNumbersOfTheTrace() {
    GateTrace tr = trace();
    String text = Equations.describe(tr, 0, 5, 3);
    float c = tr.top(Quantity.CELL)[4][3];
    assertTrue(text.contains(String.format("= %.3f%n", c)), text);
    assertTrue(text.startsWith("unit 3, timestep t = 5"), text);
    assertEquals(7, text.split("\n").length);
  }
}
