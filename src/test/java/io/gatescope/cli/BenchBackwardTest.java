package io.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --only backward}: the backward view's time beside the work and sgemm rate of its own
 * products, without the training step.
 */
class BenchBackwardTest {
  @Test
  void onlyBackwardPrintsItsRooflineAndNoStep() {
    CliTest.Run r =
        CliTest.run(
            "bench",
            "--only",
            "backward",
            "--hidden",
            "8",
            "--proj",
            "8",
            "--blocks",
            "1",
            "--json");
    String out = r.out();
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(out).getAsJsonObject();
    for (String key :
        new String[] {
          "backward1_ms", "backward1_gflop", "backward_gemm_gflops", "backward_roofline_ratio"
        }) {
      assertTrue(o.has(key), key + " in " + out);
      double v = o.get(key).getAsDouble();
      assertTrue(Double.isFinite(v) && v > 0, key + " = " + v);
    }
    assertFalse(o.has("step_ms"), "no training step: " + out);
    assertEquals(5, o.getAsJsonArray("backward_blocks_ms").size(), "at least five blocks");
  }
}
