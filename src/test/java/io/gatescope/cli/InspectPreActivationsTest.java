package io.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.TrainingSummary;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code inspect --json} prints the pre-activation z of every gate and candidate beside its value,
 * and σ(z) (tanh(z) for the candidate) is the value, for every step and unit of a test image.
 */
class InspectPreActivationsTest {
  @TempDir Path dir;

  private static final Map<CellType, Map<String, Boolean>> KEYS =
      Map.of(
          CellType.LSTM,
          Map.of("update", true, "forget", true, "output", true, "candidate", false),
          CellType.GRU,
          Map.of("update", true, "reset", true, "candidate", false),
          CellType.RNN,
          Map.of("hidden", false));

  @ParameterizedTest
  @EnumSource(CellType.class)
  void everyValueIsItsFunctionOfItsPrintedZ(CellType cell) throws Exception {
    Path f = dir.resolve(cell + ".gatescope");
    // Weights scaled up so that some gates saturate: σ(z) must hold there too.
    RecurrentClassifier m = RecurrentClassifier.create(new ModelConfig(cell, 1, 6, 5, 1, 3));
    m.params().flat().muli(3);
    ModelFile.save(m, TrainingSummary.none(), f);
    CliTest.Run r = CliTest.run("inspect", "--model", f.toString(), "--test-index", "4");
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    for (var e : KEYS.get(cell).entrySet()) {
      JsonArray values = o.getAsJsonArray(e.getKey());
      JsonArray zs = o.getAsJsonArray(e.getKey() + "_z");
      assertEquals(28, zs.size(), e.getKey() + "_z");
      for (int t = 0; t < 28; t++) {
        for (int u = 0; u < 6; u++) {
          double z = zs.get(t).getAsJsonArray().get(u).getAsDouble();
          double v = values.get(t).getAsJsonArray().get(u).getAsDouble();
          double expected = e.getValue() ? 1 / (1 + Math.exp(-z)) : Math.tanh(z);
          assertEquals(expected, v, 1e-6, cell + " " + e.getKey() + " t=" + (t + 1) + " u=" + u);
        }
      }
    }
    assertNull(o.get("cell_state_z"), "c has no pre-activation");
  }
}
