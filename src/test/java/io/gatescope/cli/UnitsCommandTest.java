package io.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.SilencingDrop;
import io.gatescope.core.inspect.TraceIndex;
import io.gatescope.core.inspect.UnitRanking;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.TrainingSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code units}: the JSON names what was asked, ranks the first N test images as the core does,
 * each value is the trace's at (timestep − 1, unit), the drop is the core's; bad numbers exit with
 * 2 and one line.
 */
class UnitsCommandTest {
  static final int LIMIT = 300;

  @TempDir static Path dir;
  static Path modelFile;
  static RecurrentClassifier model;
  static LabeledImages test;

  @BeforeAll
  static void fixture() throws Exception {
    NativeSetup.init(1);
    model = RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 8, 6, 1.0, 37));
    modelFile = dir.resolve("units.gatescope");
    ModelFile.save(model, TrainingSummary.none(), modelFile);
    test = Mnist.loadTest(DataLocator.mnistFolder(Optional.empty())).head(LIMIT);
  }

  static CliTest.Run units(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "units";
    all[1] = "--model";
    all[2] = modelFile.toString();
    all[3] = "--threads";
    all[4] = "1";
    System.arraycopy(args, 0, all, 5, args.length);
    return CliTest.run(all);
  }

  @Test
  void jsonRanksTheTestImagesWithTheTracesValues() {
    CliTest.Run r =
        units("--unit", "5", "--quantity", "forget", "--top", "7", "--limit", "300", "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(5, j.get("unit").getAsInt());
    assertEquals("forget", j.get("quantity").getAsString());
    assertEquals(LIMIT, j.get("images").getAsInt());
    TraceIndex index = TraceIndex.build(model, test, LIMIT, f -> {}, () -> false);
    List<UnitRanking.Entry> expected =
        UnitRanking.tracedAlone(
            UnitRanking.top(index, Quantity.FORGET, 5, 7), model, test, Quantity.FORGET, 5, false);
    JsonArray top = j.getAsJsonArray("top");
    assertEquals(7, top.size());
    for (int k = 0; k < 7; k++) {
      JsonObject e = top.get(k).getAsJsonObject();
      int i = e.get("test_index").getAsInt();
      int timestep = e.get("timestep").getAsInt();
      float value = e.get("value").getAsFloat();
      assertEquals(expected.get(k).testIndex(), i);
      assertEquals(expected.get(k).step() + 1, timestep, "timesteps are 1..28");
      GateTrace tr = model.trace(test.images().imageAsFloats(i));
      assertEquals(tr.top(Quantity.FORGET)[timestep - 1][5], value, 0f);
    }
    JsonArray means = j.getAsJsonArray("per_class_mean");
    assertEquals(10, means.size());
    double[] core = index.classMeans(Quantity.FORGET, 5);
    for (int d = 0; d < 10; d++) {
      assertEquals(core[d], means.get(d).getAsDouble(), 0);
    }
    assertEquals(28, j.getAsJsonArray("per_timestep_mean").size());
    SilencingDrop drop = SilencingDrop.measure(model, test, 5, LIMIT);
    assertEquals(drop.drop(), j.get("silenced_accuracy_drop").getAsDouble(), 0);
    assertEquals(LIMIT, j.get("silenced_images").getAsInt());
  }

  @Test
  void lowestRanksFromTheBottomAndTextIsReadable() {
    CliTest.Run r = units("--unit", "0", "--lowest", "--top", "3", "--limit", "100", "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals("a", j.get("quantity").getAsString());
    assertTrue(j.get("lowest").getAsBoolean());
    JsonArray top = j.getAsJsonArray("top");
    assertTrue(
        top.get(0).getAsJsonObject().get("value").getAsFloat()
            <= top.get(2).getAsJsonObject().get("value").getAsFloat());
    CliTest.Run text = units("--unit", "0", "--top", "2", "--limit", "50", "--drop-images", "20");
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().startsWith("unit 0, a: the 2 test images (of the first 50)"), text.out());
    assertTrue(text.out().contains("silenced on the first 20 test images"), text.out());
  }

  @Test
  void badNumbersExitWithTwoAndOneLine() {
    CliTest.Run r = units("--unit", "8");
    assertEquals(2, r.code());
    assertEquals("gatescope: --unit must be 0..7\n", r.err());
    r = units("--unit", "-1");
    assertEquals("gatescope: --unit must be 0..7\n", r.err());
    r = units("--unit", "1", "--top", "0");
    assertEquals(2, r.code());
    assertEquals("gatescope: --top must be 1..10000\n", r.err());
    r = units("--unit", "1", "--limit", "0");
    assertEquals(2, r.code());
    assertEquals("gatescope: --limit must be 1..10000\n", r.err());
    r = units("--unit", "1", "--drop-images", "10001");
    assertEquals(2, r.code());
    assertEquals("gatescope: --drop-images must be 1..10000\n", r.err());
    r = units("--unit", "1", "--quantity", "memory");
    assertEquals(2, r.code());
    assertEquals(
        "gatescope: --quantity memory is not a quantity; use one of: a, c, update, forget,"
            + " output, candidate, reset\n",
        r.err());
    r = units("--unit", "1", "--quantity", "reset");
    assertEquals(2, r.code());
    assertEquals(
        "gatescope: this LSTM model has no reset; its quantities are: update, forget, output,"
            + " candidate, c, a\n",
        r.err());
    r = CliTest.run("units");
    assertEquals(2, r.code(), "--unit is required");
  }
}
