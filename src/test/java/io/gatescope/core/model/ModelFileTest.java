package io.gatescope.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelFileTest {
  @TempDir Path dir;

  static RecurrentClassifier small(CellType cell) {
    return RecurrentClassifier.create(new ModelConfig(cell, 2, 6, 5, 1.0, 9));
  }

  static INDArray input() {
    float[][] img = new float[2][784];
    for (int i = 0; i < 784; i++) {
      img[0][i] = (i % 7) / 7f;
      img[1][i] = (i % 3) / 3f;
    }
    return Batches.timeMajor(img);
  }

  @Test
  void roundTripKeepsConfigWeightsAndSummary() throws Exception {
    for (CellType cell : CellType.values()) {
      RecurrentClassifier m = small(cell);
      Path f = dir.resolve(cell + ".gatescope");
      ModelFile.save(m, new TrainingSummary(3, 99, 0.97, "2026-11-26", "gatescope train"), f);
      SavedModel back = ModelFile.load(f);
      assertEquals(m.config(), back.model().config());
      assertEquals(m.params().flat(), back.model().params().flat());
      assertArrayEquals(m.predict(input())[1], back.model().predict(input())[1], 0f);
      assertEquals(0.97, back.summary().testAccuracy());
      assertEquals(99, back.summary().iterations());
    }
  }

  @Test
  void aFailingDiskDuringSaveLeavesThePreviousFileIntact() throws Exception {
    Path f = dir.resolve("m.gatescope");
    ModelFile.save(small(CellType.LSTM), TrainingSummary.none(), f);
    byte[] before = Files.readAllBytes(f);
    io.gatescope.core.AtomicFile.Opener failing =
        (p, opts) ->
            new FilterOutputStream(Files.newOutputStream(p, opts)) {
              int written;

              @Override
              public void write(int b) throws IOException {
                if (++written > 100) {
                  throw new IOException("No space left on device");
                }
                super.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                  write(b[off + i]);
                }
              }
            };
    ModelFileException e =
        assertThrows(
            ModelFileException.class,
            () -> ModelFile.save(small(CellType.GRU), TrainingSummary.none(), f, failing));
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertTrue(
        e.getMessage().endsWith("Nothing was overwritten; check the folder and free space."));
    assertArrayEquals(before, Files.readAllBytes(f));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  String loadError(Path f) {
    return assertThrows(ModelFileException.class, () -> ModelFile.load(f)).getMessage();
  }

  @Test
  void truncatedRandomForeignAndNewerFilesGetClearMessages() throws Exception {
    Path good = dir.resolve("good.gatescope");
    ModelFile.save(small(CellType.LSTM), TrainingSummary.none(), good);
    byte[] bytes = Files.readAllBytes(good);

    Path cut = dir.resolve("cut.gatescope");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    String m = loadError(cut);
    assertTrue(m.startsWith("cut.gatescope: the "), m);
    assertTrue(m.contains("damaged") || m.contains("missing"), m);

    Path random = dir.resolve("random.bin");
    byte[] noise = new byte[5000];
    new Random(1).nextBytes(noise);
    Files.write(random, noise);
    assertEquals(
        "random.bin: not a model file (not a zip archive). Open a model saved by GateScope.",
        loadError(random));

    Path empty = dir.resolve("empty.gatescope");
    Files.write(empty, new byte[0]);
    assertEquals(
        "empty.gatescope: the file is empty. Save or download the model again.", loadError(empty));

    Path foreign = dir.resolve("foreign.zip");
    writeZip(foreign, "readme.txt", "hello");
    assertEquals(
        "foreign.zip: a zip file, but not a GateScope model (no gatescope.json inside). Open a"
            + " model saved by GateScope, or a DL4J network zip.",
        loadError(foreign));

    Path newer = dir.resolve("newer.gatescope");
    writeZip(newer, "gatescope.json", "{\"format\":\"gatescope-model\",\"version\":7}");
    assertEquals(
        "newer.gatescope: saved by a newer GateScope (model format 7); this version reads format"
            + " 1. Update GateScope to open it.",
        loadError(newer));

    Path badJson = dir.resolve("bad.gatescope");
    writeZip(badJson, "gatescope.json", "{\"format\": ");
    assertTrue(loadError(badJson).startsWith("bad.gatescope: the model description is damaged"));

    assertEquals(
        "missing.gatescope: no such file. Check the path.",
        loadError(dir.resolve("missing.gatescope")));
  }

  @Test
  void dl4jZipsOpenWhenSupportedAndAreRefusedOtherwise() throws Exception {
    MultiLayerNetwork lstm = Dl4jAgreementTest.dl4j(6, 5, 4);
    Path ok = dir.resolve("dl4j-lstm.zip");
    ModelSerializer.writeModel(lstm, ok.toFile(), false);
    SavedModel loaded = ModelFile.load(ok);
    assertEquals(CellType.LSTM, loaded.model().config().cell());
    assertEquals(6, loaded.model().config().projection());
    // The weights are read in Java, not by DL4J: they must be DL4J's own, value for value.
    assertEquals(Dl4jImport.convert(lstm, "net").params().flat(), loaded.model().params().flat());

    MultiLayerNetwork rnn =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .list()
                .layer(new SimpleRnn.Builder().nIn(28).nOut(4).build())
                .layer(
                    new RnnOutputLayer.Builder()
                        .nIn(4)
                        .nOut(10)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build());
    rnn.init();
    Path bad = dir.resolve("dl4j-rnn.zip");
    ModelSerializer.writeModel(rnn, bad.toFile(), false);
    String m = loadError(bad);
    assertTrue(
        m.startsWith("dl4j-rnn.zip: this DL4J network is not supported: layer 0 is SimpleRnn"), m);
  }

  static void writeZip(Path f, String entry, String content) throws IOException {
    try (OutputStream os = Files.newOutputStream(f);
        ZipOutputStream z = new ZipOutputStream(os)) {
      z.putNextEntry(new ZipEntry(entry));
      z.write(content.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
  }
}
