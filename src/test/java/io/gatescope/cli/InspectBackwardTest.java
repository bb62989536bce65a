package io.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gatescope.TestImages;
import io.gatescope.core.engine.BackwardTrace;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.TrainingSummary;
import io.gatescope.core.preprocess.ImageFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code inspect --backward} prints the engine's backward trace (every array, the default and a
 * chosen target), and {@code --raw} feeds a 28×28 picture to the model exactly as its grey values
 * are, in {@code inspect} and {@code predict}.
 */
class InspectBackwardTest {
  @TempDir Path dir;

  private static final Map<CellType, Map<String, Quantity>> KEYS =
      Map.of(
          CellType.LSTM,
          Map.of(
              "d_update", Quantity.UPDATE,
              "d_forget", Quantity.FORGET,
              "d_output", Quantity.OUTPUT,
              "d_candidate", Quantity.CANDIDATE,
              "d_cell", Quantity.CELL,
              "d_hidden", Quantity.HIDDEN),
          CellType.GRU,
          Map.of(
              "d_reset", Quantity.RESET,
              "d_update", Quantity.UPDATE,
              "d_candidate", Quantity.CANDIDATE,
              "d_hidden", Quantity.HIDDEN),
          CellType.RNN,
          Map.of("d_hidden", Quantity.HIDDEN));

  private RecurrentClassifier saved(CellType cell, Path f) throws Exception {
    RecurrentClassifier m = RecurrentClassifier.create(new ModelConfig(cell, 1, 6, 5, 1, 3));
    ModelFile.save(m, TrainingSummary.none(), f);
    return m;
  }

  /** A 28×28 grey PNG of a made-up sparse digit, and its grey values as GateScope reads them. */
  private float[] rawPicture(Path png) throws Exception {
    float[] img = TestImages.sparse(11);
    BufferedImage bi = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < img.length; i++) {
      int v = Math.round(img[i] * 255);
      bi.getRaster().setSample(i % 28, i / 28, 0, v);
    }
    ImageIO.write(bi, "png", png.toFile());
    double[] grey = ImageFiles.read(png).pixels();
    float[] asRead = new float[grey.length];
    for (int i = 0; i < grey.length; i++) {
      asRead[i] = (float) grey[i];
    }
    return asRead;
  }

  @ParameterizedTest
  @EnumSource(CellType.class)
  void printsTheEngineBackwardTraceOfARawPicture(CellType cell) throws Exception {
    Path f = dir.resolve(cell + ".gatescope");
    RecurrentClassifier m = saved(cell, f);
    Path png = dir.resolve("digit.png");
    float[] input = rawPicture(png);
    CliTest.Run r =
        CliTest.run(
            "inspect",
            "--model",
            f.toString(),
            "--raw",
            png.toString(),
            "--backward",
            "--target",
            "3");
    assertEquals(0, r.code(), r.err());
    JsonObject b = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("backward");
    BackwardTrace expected = m.backwardTrace(input, 3);
    assertEquals(3, b.get("target").getAsInt());
    assertEquals(expected.loss(), b.get("loss").getAsDouble(), 1e-12);
    for (var e : KEYS.get(cell).entrySet()) {
      assertGrid(expected.top(e.getValue()), b.getAsJsonArray(e.getKey()), e.getKey());
    }
    assertNull(b.get(cell == CellType.LSTM ? "d_reset" : "d_forget"), "only the cell's own");
    float[][] dInput = new float[28][28];
    for (int i = 0; i < 784; i++) {
      dInput[i / 28][i % 28] = expected.input()[i];
    }
    assertGrid(dInput, b.getAsJsonArray("d_input"), "d_input");
    assertGrid(expected.connectivity(), b.getAsJsonArray("connectivity"), "connectivity");
    JsonArray occ = b.getAsJsonArray("row_occlusion");
    for (int s = 0; s < 28; s++) {
      assertEquals(expected.rowOcclusion()[s], occ.get(s).getAsFloat(), "row " + (s + 1));
    }
  }

  private static void assertGrid(float[][] expected, JsonArray rows, String what) {
    assertEquals(expected.length, rows.size(), what);
    for (int i = 0; i < expected.length; i++) {
      JsonArray row = rows.get(i).getAsJsonArray();
      assertEquals(expected[i].length, row.size(), what);
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(expected[i][j], row.get(j).getAsFloat(), what + " [" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void theDefaultTargetIsTheTrueDigitOfATestImage() throws Exception {
    Path f = dir.resolve("m.gatescope");
    saved(CellType.LSTM, f);
    CliTest.Run r =
        CliTest.run("inspect", "--model", f.toString(), "--test-index", "5", "--backward");
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    int label = o.get("label").getAsInt();
    JsonObject b = o.getAsJsonObject("backward");
    assertEquals(label, b.get("target").getAsInt());
    double p = o.getAsJsonArray("probabilities").get(label).getAsDouble();
    assertEquals(-Math.log(p), b.get("loss").getAsDouble(), 1e-5);
    assertNull(
        JsonParser.parseString(
                CliTest.run("inspect", "--model", f.toString(), "--test-index", "5").out())
            .getAsJsonObject()
            .get("backward"),
        "no backward trace unless asked");
  }

  @Test
  void predictRawFeedsThePictureAsItIs() throws Exception {
    Path f = dir.resolve("m.gatescope");
    RecurrentClassifier m = saved(CellType.GRU, f);
    Path png = dir.resolve("digit.png");
    float[] input = rawPicture(png);
    CliTest.Run r =
        CliTest.run("predict", "--model", f.toString(), "--raw", "--json", png.toString());
    assertEquals(0, r.code(), r.err());
    JsonArray p =
        JsonParser.parseString(r.out())
            .getAsJsonObject()
            .getAsJsonArray("predictions")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("probabilities");
    float[] expected = m.predict(Batches.timeMajor(new float[][] {input}))[0];
    for (int k = 0; k < 10; k++) {
      assertEquals(expected[k], p.get(k).getAsFloat(), "P(" + k + ")");
    }
    CliTest.Run prepared =
        CliTest.run("predict", "--model", f.toString(), "--json", png.toString());
    assertFalse(prepared.out().equals(r.out()), "without --raw the picture is prepared first");
  }

  @Test
  void badRequestsExitWithTwoAndSayWhy() throws Exception {
    Path f = dir.resolve("m.gatescope");
    saved(CellType.LSTM, f);
    Path big = dir.resolve("big.png");
    ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY), "png", big.toFile());
    CliTest.Run r = CliTest.run("inspect", "--model", f.toString(), "--raw", big.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("28×28") && r.err().contains("40×30"), r.err());
    r = CliTest.run("predict", "--model", f.toString(), "--raw", big.toString());
    assertEquals(2, r.code());
    r = CliTest.run("inspect", "--model", f.toString(), "--test-index", "0", "--target", "3");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--backward"), r.err());
    r =
        CliTest.run(
            "inspect",
            "--model",
            f.toString(),
            "--test-index",
            "0",
            "--backward",
            "--target",
            "10");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--target must be 0..9"), r.err());
  }
}
