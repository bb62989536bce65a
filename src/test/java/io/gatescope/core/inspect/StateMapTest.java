package io.gatescope.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The state map places each (image, step) at its traced state's projection, and an image's path is
 * the same projection of its 28 states.
 */
class StateMapTest {
  static RecurrentClassifier model;
  static LabeledImages set;

  @BeforeAll
  static void fixture() {
    NativeSetup.init(1);
    model = RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 10, 6, 1.0, 31));
    set = UnitFixture.set(260, 21);
  }

  @Test
  void pointsAreTheProjectedStatesOfTheTraces() {
    for (Quantity q : new Quantity[] {Quantity.HIDDEN, Quantity.CELL}) {
      StateMap map = StateMap.build(model, set, 250, q, f -> {}, () -> false);
      assertEquals(250, map.images());
      double[] share = map.plane().explainedVarianceRatio();
      assertTrue(share[0] >= share[1] && share[1] > 0 && share[0] + share[1] <= 1 + 1e-9);
      for (int i : new int[] {0, 123, 249}) {
        GateTrace tr = model.trace(set.images().imageAsFloats(i));
        double[][] path = map.path(tr);
        for (int t = 0; t < 28; t++) {
          double[] p = map.plane().project(tr.top(q)[t]);
          assertEquals(p[0], map.x(i, t), 1e-5 * (1 + Math.abs(p[0])));
          assertEquals(p[1], map.y(i, t), 1e-5 * (1 + Math.abs(p[1])));
          assertEquals(p[0], path[t][0], 0);
          assertEquals(p[1], path[t][1], 0);
        }
        assertEquals(set.label(i), map.label(i));
      }
    }
  }

  @Test
  void refusesGatesAndStopsWhenCancelled() {
    assertThrows(
        IllegalArgumentException.class,
        () -> StateMap.build(model, set, 10, Quantity.FORGET, f -> {}, () -> false));
    assertThrows(
        CancellationException.class,
        () -> StateMap.build(model, set, 250, Quantity.HIDDEN, f -> {}, () -> true));
  }
}
