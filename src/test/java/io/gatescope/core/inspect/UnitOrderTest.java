package io.gatescope.core.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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

  /**
   * A hand-made trace of 4 steps and 4 units whose orders are known by hand (columns are units):
   *
   * <pre>
   *   unit 0: -0.5 -0.5 -0.5 -0.5   mean -0.5   variance 0
   *   unit 1:  0.9  1.1  0.9  1.1   mean  1     variance 0.01
   *   unit 2: -1    1   -1    1     mean  0     variance 1
   *   unit 3:  0.5  0.5  2    2     mean  1.25  variance 0.5625
   * </pre>
   *
   * The cell state holds other numbers (unit u's c is a of unit 3 − u), so an order that read the
   * wrong quantity would show.
   */
  static GateTrace handMade() {
    float[][] a = {
      {-0.5f, 0.9f, -1f, 0.5f},
      {-0.5f, 1.1f, 1f, 0.5f},
      {-0.5f, 0.9f, -1f, 2f},
      {-0.5f, 1.1f, 1f, 2f}
    };
    float[][] c = new float[4][4];
    for (int t = 0; t < 4; t++) {
      for (int u = 0; u < 4; u++) {
        c[t][u] = a[t][3 - u];
      }
    }
    float[][] probs = new float[4][10];
    return new GateTrace(
        CellType.LSTM,
        4,
        List.of(Map.of(Quantity.HIDDEN, a, Quantity.CELL, c)),
        List.of(Map.of()),
        List.of(Map.of()),
        List.of(),
        probs,
        probs[3],
        0,
        null);
  }

  /** W_y[:, k] for the WEIGHT order: contributions W_y[u, k]·a⟨T⟩[u] = -2, 1.1, -1, 0.5. */
  private static final float[] READOUT = {4f, 1f, -1f, 0.25f};

  @Test
  void everyOrderIsItsKnownPermutationOfTheUnits() {
    GateTrace tr = handMade();
    Map<UnitOrder, int[]> want = new EnumMap<>(UnitOrder.class);
    want.put(UnitOrder.INDEX, new int[] {0, 1, 2, 3});
    want.put(UnitOrder.MEAN, new int[] {3, 1, 2, 0});
    want.put(UnitOrder.VARIANCE, new int[] {2, 3, 1, 0});
    // Starts at the largest variance (2); its nearest trace is unit 0 (squared distance 5 against
    // 7.24 and 12.5), then unit 1 (9.04 against 14.5), then unit 3.
    want.put(UnitOrder.SIMILARITY, new int[] {2, 0, 1, 3});
    want.put(UnitOrder.WEIGHT, new int[] {1, 3, 2, 0});
    assertEquals(EnumSet.allOf(UnitOrder.class), want.keySet(), "every order has its case");
    for (UnitOrder o : UnitOrder.values()) {
      assertArrayEquals(want.get(o), o.order(tr, 0, Quantity.HIDDEN, READOUT), o.name());
    }
    // The basis is the quantity asked for: c of unit u is a of unit 3 − u.
    assertArrayEquals(new int[] {0, 2, 1, 3}, UnitOrder.MEAN.order(tr, 0, Quantity.CELL, null));
    assertArrayEquals(new int[] {1, 0, 2, 3}, UnitOrder.VARIANCE.order(tr, 0, Quantity.CELL, null));
    // WEIGHT always weighs a⟨T⟩, whatever the basis.
    assertArrayEquals(
        new int[] {1, 3, 2, 0}, UnitOrder.WEIGHT.order(tr, 0, Quantity.CELL, READOUT));
  }

  @Test
  void everyOrderIsAPermutationOfTheUnitsOfAModelsTrace() {
    GateTrace tr = trace();
    float[] readout = new float[12];
    for (int u = 0; u < 12; u++) {
      readout[u] = (u * 7 % 5) - 2f;
    }
    for (UnitOrder o : UnitOrder.values()) {
      int[] order = o.order(tr, 0, Quantity.HIDDEN, readout);
      int[] sorted = order.clone();
      Arrays.sort(sorted);
      assertArrayEquals(IntStream.range(0, 12).toArray(), sorted, o.name());
      if (o != UnitOrder.INDEX) {
        assertFalse(
            Arrays.equals(IntStream.range(0, 12).toArray(), order), o.name() + " is not identity");
      }
    }
  }

  @Test
  void meanOrderPutsTheMostActiveUnitFirst() {
    assertArrayEquals(
        new int[] {3, 1, 2, 0}, UnitOrder.MEAN.order(handMade(), 0, Quantity.HIDDEN, null));
    assertEquals(1.25, UnitOrder.mean(handMade().top(Quantity.HIDDEN), 3), 1e-7);
    assertEquals(0.5625, UnitOrder.variance(handMade().top(Quantity.HIDDEN), 3), 1e-7);
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
