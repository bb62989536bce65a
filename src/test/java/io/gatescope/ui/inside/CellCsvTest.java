package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatescope.TestImages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.CellNumbers;
import io.gatescope.ui.common.CsvTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cell diagram's CSV holds the trace's own numbers, and says which one a clamp replaced. */
class CellCsvTest {
  @Test
  void rowsAreTheTracesNumbersWithTheClamp() {
    RecurrentClassifier m =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 6, 5, 1, 3));
    float[] img = TestImages.sparse(3);
    Intervention clamp = Intervention.clampAll(0, Quantity.FORGET, 0f);
    GateTrace tr = m.trace(img, List.of(clamp));
    CellNumbers n = CellNumbers.of(tr, 0, 9, 2, img);
    CsvTable t = CellCsv.of(n);
    assertEquals(5, t.header().size());
    List<String> forget = rowOf(t, "Γf⟨t⟩");
    assertEquals(Float.toString(tr.preActivation(0, Quantity.FORGET)[8][2]), forget.get(1), "z");
    assertEquals(Float.toString(tr.asComputed(0, Quantity.FORGET)[8][2]), forget.get(2), "σ(z)");
    assertEquals("0.0", forget.get(3), "the clamped value used");
    assertEquals(clamp.toString(), forget.get(4));
    List<String> a = rowOf(t, "a⟨t⟩");
    assertEquals(Float.toString(tr.get(0, Quantity.HIDDEN)[8][2]), a.get(3));
    assertEquals("", a.get(4), "a was not replaced");
    assertEquals(Float.toString(tr.get(0, Quantity.CELL)[7][2]), rowOf(t, "c⟨t−1⟩").get(2));
    assertNull(CellCsv.of(null), "no cell shown, nothing to save");
  }

  private static List<String> rowOf(CsvTable t, String name) {
    return t.rows().stream().filter(r -> r.get(0).equals(name)).findFirst().orElseThrow();
  }
}
