package io.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.TrainingSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes and messages of the command line: 0 on success, 2 with one line on bad input. */
class CliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = GateScopeCommand.commandLine();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    PrintStream oldOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = cl.execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
    }
  }

  Path smallModel() throws Exception {
    Path f = dir.resolve("small.gatescope");
    ModelFile.save(
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 8, 8, 1, 1)),
        TrainingSummary.none(),
        f);
    return f;
  }

  @Test
  void badNumbersExitWithTwoAndOneLine() {
    Run r = run("train", "--out", dir.resolve("m").toString(), "--lr", "-1");
    assertEquals(2, r.code());
    assertEquals("gatescope: learning rate: must be a number from 0.0000001 to 10\n", r.err());
    r = run("train", "--out", dir.resolve("m").toString(), "--hidden", "0");
    assertEquals(2, r.code());
    assertEquals("gatescope: hidden units must be 1..4096 (got 0)\n", r.err());
    r = run("bench", "--batch", "0");
    assertEquals(2, r.code());
    assertEquals("gatescope: --batch must be 1..4096\n", r.err());
    r = run("train", "--out", dir.resolve("m").toString(), "--epochs", "many");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("gatescope: Invalid value for option '--epochs'"), r.err());
  }

  @Test
  void missingOrForeignFilesExitWithTwo() throws Exception {
    Run r = run("evaluate", "--model", dir.resolve("nope.gatescope").toString());
    assertEquals(2, r.code());
    assertEquals("gatescope: nope.gatescope: no such file. Check the path.\n", r.err());
    Path text = dir.resolve("digit.png");
    Files.writeString(text, "not a picture");
    r = run("predict", "--model", smallModel().toString(), text.toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err().startsWith("gatescope: digit.png: not a picture GateScope can read"), r.err());
    r = run("evaluate", "--data", dir.resolve("nowhere").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("is not a folder"), r.err());
  }

  @Test
  void inspectPrintsTheFullTraceAsJson() throws Exception {
    Run r = run("inspect", "--model", smallModel().toString(), "--test-index", "0");
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals("lstm", o.get("cell").getAsString());
    assertEquals(8, o.get("units").getAsInt());
    assertEquals(28, o.get("steps").getAsInt());
    for (String k :
        new String[] {"update", "forget", "output", "candidate", "cell_state", "hidden"}) {
      assertEquals(28, o.getAsJsonArray(k).size(), k);
      assertEquals(8, o.getAsJsonArray(k).get(0).getAsJsonArray().size(), k);
    }
    assertEquals(28, o.getAsJsonArray("step_probabilities").size());
    assertEquals(7, o.get("label").getAsInt());
    int p = o.get("prediction").getAsInt();
    assertTrue(p >= 0 && p <= 9);
  }

  @Test
  void evaluateAndPredictWork() throws Exception {
    Path model = smallModel();
    Run r = run("evaluate", "--model", model.toString(), "--limit", "200", "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(200, o.get("images").getAsInt());
    int total = 0;
    for (var row : o.getAsJsonArray("confusion")) {
      for (var v : row.getAsJsonArray()) {
        total += v.getAsInt();
      }
    }
    assertEquals(200, total);

    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(100, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 100, 100);
    g.setColor(java.awt.Color.BLACK);
    g.setStroke(new java.awt.BasicStroke(8));
    g.drawLine(50, 15, 50, 85);
    g.dispose();
    Path png = dir.resolve("one.png");
    javax.imageio.ImageIO.write(img, "png", png.toFile());
    r = run("predict", "--model", model.toString(), "--json", png.toString());
    assertEquals(0, r.code(), r.err());
    JsonObject pred = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(
        10,
        pred.getAsJsonArray("predictions")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("probabilities")
            .size());

    Path blank = dir.resolve("blank.png");
    java.awt.image.BufferedImage white =
        new java.awt.image.BufferedImage(50, 50, java.awt.image.BufferedImage.TYPE_INT_RGB);
    javax.imageio.ImageIO.write(white, "png", blank.toFile());
    r = run("predict", "--model", model.toString(), blank.toString());
    assertEquals(2, r.code());
    assertEquals(
        "gatescope: blank.png: the picture is empty: draw or load a digit first\n", r.err());
  }

  /** bench reports the sgemm rate, the step's GFLOP and their roofline ratio beside step_ms. */
  @Test
  void benchPrintsTheRoofline() {
    String[] tiny = {
      "bench", "--hidden", "8", "--proj", "8", "--batch", "4", "--blocks", "1", "--iters", "2"
    };
    String[] json = java.util.Arrays.copyOf(tiny, tiny.length + 1);
    json[tiny.length] = "--json";
    Run r = run(json);
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    for (String key : new String[] {"step_ms", "gemm_gflops", "step_gflop", "roofline_ratio"}) {
      assertTrue(o.has(key), key + " in " + r.out());
      double v = o.get(key).getAsDouble();
      assertTrue(Double.isFinite(v) && v > 0, key + " = " + v);
    }
    // The step's products counted from the shapes, to four significant digits.
    double counted =
        io.gatescope.core.engine.StepFlops.count(new ModelConfig(CellType.LSTM, 1, 8, 8, 1, 1), 4)
            / 1e9;
    assertEquals(counted, o.get("step_gflop").getAsDouble(), counted * 1e-3);

    r = run(tiny);
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .matches(
                "(?s)RESULT mode=step .*step_ms=\\S+ gemm_gflops=\\S+ step_gflop=\\S+ roofline_ratio=\\S+ .*"),
        r.out());
  }
}
