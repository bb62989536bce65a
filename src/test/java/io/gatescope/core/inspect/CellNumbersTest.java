package io.gatescope.core.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cell diagram's numbers are the trace's, for a chosen (t, unit): the LSTM's equations hold
 * between them, GRU and RNN likewise; a clamp keeps both the computed and the used value.
 */
class CellNumbersTest {
  private static float[] image(long seed) {
    return io.gatescope.TestImages.sparse(seed);
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  @ParameterizedTest
  @EnumSource(CellType.class)
  void theNumbersAreTheTracesAndTheEquationsHoldBetweenThem(CellType cell) {
    RecurrentClassifier m = RecurrentClassifier.create(new ModelConfig(cell, 1, 12, 0, 1.0, 9));
    float[] img = image(4);
    GateTrace tr = m.trace(img);
    int t = 9; // 1-based
    int u = 7;
    CellNumbers n = CellNumbers.of(tr, 0, t, u, img);
    assertArrayEquals(java.util.Arrays.copyOfRange(img, (t - 1) * 28, t * 28), n.row());
    assertEquals(tr.get(0, Quantity.HIDDEN)[t - 2][u], n.previous().get(Quantity.HIDDEN));
    assertEquals(
        CellNumbers.order(cell),
        List.copyOf(n.wires().keySet()).stream()
            .sorted(java.util.Comparator.comparingInt(CellNumbers.order(cell)::indexOf))
            .toList());
    for (Quantity q : CellNumbers.order(cell)) {
      assertEquals(tr.get(0, q)[t - 1][u], n.value(q), 0f, q.symbol());
      assertFalse(n.wire(q).changed());
    }
    float a = n.value(Quantity.HIDDEN);
    switch (cell) {
      case LSTM -> {
        float cPrev = n.previous().get(Quantity.CELL);
        double c =
            n.value(Quantity.UPDATE) * n.value(Quantity.CANDIDATE)
                + n.value(Quantity.FORGET) * cPrev;
        assertEquals(c, n.value(Quantity.CELL), 1e-6);
        assertEquals(sigmoid(n.wire(Quantity.FORGET).z()), n.value(Quantity.FORGET), 1e-6);
        assertTrue(Float.isNaN(n.wire(Quantity.CELL).z()), "c has no pre-activation");
        // tanh(c⟨t⟩) is the engine's own, kept in the trace, not recomputed here.
        float tanhC = tr.get(0, Quantity.CELL_TANH)[t - 1][u];
        assertEquals(Math.tanh(n.value(Quantity.CELL)), tanhC, 1e-6);
        assertEquals(n.value(Quantity.OUTPUT) * tanhC, a, 1e-6);
      }
      case GRU -> {
        float aPrev = n.previous().get(Quantity.HIDDEN);
        float gu = n.value(Quantity.UPDATE);
        assertEquals(gu * n.value(Quantity.CANDIDATE) + (1 - gu) * aPrev, a, 1e-6);
        assertNull(n.previous().get(Quantity.CELL));
      }
      case RNN -> assertEquals(Math.tanh(n.wire(Quantity.HIDDEN).z()), a, 1e-6);
    }
  }

  @Test
  void aClampedGateShowsWhatItWasAndWhatItIs() {
    RecurrentClassifier m =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 8, 0, 1, 2));
    float[] img = image(6);
    Intervention clamp = new Intervention(0, Quantity.FORGET, new int[] {3}, 0f);
    CellNumbers n = CellNumbers.of(m.trace(img, List.of(clamp)), 0, 14, 3, img);
    CellNumbers.Wire f = n.wire(Quantity.FORGET);
    assertSame(clamp, f.by());
    assertEquals(0f, f.used());
    assertEquals(sigmoid(f.z()), f.computed(), 1e-6);
    assertTrue(f.computed() > 0.01, "σ(z) of a real forget gate is not 0");
    assertFalse(n.wire(Quantity.UPDATE).changed());
  }

  @Test
  void theFirstStepStartsFromZeroStates() {
    RecurrentClassifier m =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 8, 0, 1, 2));
    float[] img = image(1);
    CellNumbers n = CellNumbers.of(m.trace(img), 0, 1, 0, img);
    assertEquals(0f, n.previous().get(Quantity.HIDDEN));
    assertEquals(0f, n.previous().get(Quantity.CELL));
    assertArrayEquals(new float[8], n.previousStrips().get(Quantity.CELL));
  }
}
