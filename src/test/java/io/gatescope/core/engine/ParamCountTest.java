package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The parameter count a config implies (what readers check files against) is the real one. */
class ParamCountTest {
  @Test
  void matchesTheModelsOwnParametersForEveryCellDepthAndProjection() {
    for (CellType cell : CellType.values()) {
      for (int layers = 1; layers <= 3; layers++) {
        for (int projection : new int[] {0, 7, 128}) {
          ModelConfig c = new ModelConfig(cell, layers, 19, projection, 1.0, 1);
          assertEquals(RecurrentClassifier.create(c).params().size(), c.paramCount(), c.toString());
        }
      }
    }
  }

  @Test
  void theLessonsModel() {
    // 28·128 + 128, (128 + 128 + 1)·4·128, 128·10 + 10
    assertEquals(3712 + 131584 + 1290, ModelConfig.classic().paramCount());
  }
}
