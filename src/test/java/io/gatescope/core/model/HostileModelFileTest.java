package io.gatescope.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.engine.RecurrentClassifier;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files made to hurt: decompression bombs, descriptions that lie about sizes, weights whose
 * own header claims absurd lengths. This class runs in a JVM with a 1 GiB heap (the surefire
 * execution "hostile-files"): each case must end in one clear message, never an OutOfMemoryError.
 */
class HostileModelFileTest {
  @TempDir Path dir;

  /** 1.5 GiB of zeros: more than the heap, about 1.5 MB once deflated. */
  static final long BOMB = 3L << 29;

  @BeforeAll
  static void natives() {
    NativeSetup.init(1);
  }

  @Test
  void aWeightsBombIsRefusedAfterTheBytesTheDescriptionAllows() throws Exception {
    Path good = small(dir.resolve("good.gatescope"));
    Path bomb = dir.resolve("bomb.gatescope");
    Map<String, byte[]> entries = entries(good);
    writeZip(bomb, Map.of("gatescope.json", entries.get("gatescope.json")), "params.bin", BOMB);
    String m = error(bomb);
    assertTrue(m.startsWith("bomb.gatescope: params.bin holds more than the 418 parameters"), m);
  }

  @Test
  void aDescriptionBombIsRefusedAtOneMebibyte() throws Exception {
    Path bomb = dir.resolve("json-bomb.gatescope");
    writeZip(bomb, Map.of(), "gatescope.json", BOMB);
    assertEquals(
        "json-bomb.gatescope: entry gatescope.json is larger than 1048576 bytes, far more than it"
            + " can hold; refusing to read on.",
        error(bomb));
  }

  @Test
  void aDl4jBombIsRefusedBeforeDl4jReadsIt() throws Exception {
    MultiLayerNetwork lstm = io.gatescope.core.model.Dl4jAgreementTest.dl4j(6, 5, 4);
    Path real = dir.resolve("real.zip");
    ModelSerializer.writeModel(lstm, real.toFile(), false);
    Path bomb = dir.resolve("dl4j-bomb.zip");
    writeZip(
        bomb,
        Map.of("configuration.json", entries(real).get("configuration.json")),
        "coefficients.bin",
        BOMB);
    String m = error(bomb);
    assertTrue(m.startsWith("dl4j-bomb.zip: coefficients.bin holds more than the"), m);
  }

  @Test
  void aDescriptionThatLiesAboutItsSizeIsRefusedBeforeTheWeightsAreRead() throws Exception {
    Path good = small(dir.resolve("good.gatescope"));
    Map<String, byte[]> e = entries(good);
    String json = new String(e.get("gatescope.json"), StandardCharsets.UTF_8);

    Path huge = dir.resolve("huge.gatescope");
    writeZip(
        huge,
        Map.of(
            "gatescope.json",
            bytes(
                json.replace("\"hidden\": 7", "\"hidden\": 4096")
                    .replace("\"layers\": 1", "\"layers\": 3")),
            "params.bin",
            e.get("params.bin")),
        null,
        0);
    String m = error(huge);
    assertTrue(m.startsWith("huge.gatescope: the description asks for 335,667,"), m);
    assertTrue(m.contains("GateScope opens models of up to 67,108,864"), m);

    Path count = dir.resolve("count.gatescope");
    writeZip(
        count,
        Map.of(
            "gatescope.json",
            bytes(json.replace("\"param_count\": 418", "\"param_count\": 99999999")),
            "params.bin",
            e.get("params.bin")),
        null,
        0);
    assertEquals(
        "count.gatescope: the weights do not fit the description (the description says 99999999"
            + " parameters but its shape has 418).",
        error(count));

    Path negative = dir.resolve("negative.gatescope");
    writeZip(
        negative,
        Map.of(
            "gatescope.json",
            bytes(json.replace("\"hidden\": 7", "\"hidden\": -7")),
            "params.bin",
            e.get("params.bin")),
        null,
        0);
    assertTrue(
        error(negative).startsWith("negative.gatescope: the model description is invalid: "));

    Path cell = dir.resolve("cell.gatescope");
    writeZip(
        cell,
        Map.of(
            "gatescope.json",
            bytes(json.replace("\"lstm\"", "\"transformer\"")),
            "params.bin",
            e.get("params.bin")),
        null,
        0);
    assertTrue(error(cell).startsWith("cell.gatescope: the model description is invalid: "));
  }

  @Test
  void weightsWhoseOwnHeaderLiesOrIsCutAreRefused() throws Exception {
    Path good = small(dir.resolve("good.gatescope"));
    Map<String, byte[]> e = entries(good);
    byte[] params = e.get("params.bin");

    // The data buffer's length field claims 2^40 elements: ND4J would try to allocate them.
    byte[] lying = params.clone();
    int at = dataLengthOffset(params);
    java.nio.ByteBuffer.wrap(lying).putLong(at, 1L << 40);
    Path lie = dir.resolve("lie.gatescope");
    writeZip(lie, Map.of("gatescope.json", e.get("gatescope.json"), "params.bin", lying), null, 0);
    assertEquals(
        "lie.gatescope: the weights are damaged (1099511627776 values where the description needs"
            + " 418). Save the model again.",
        error(lie));

    Path cut = dir.resolve("cut-weights.gatescope");
    byte[] shorter = java.util.Arrays.copyOf(params, params.length - 9);
    writeZip(
        cut, Map.of("gatescope.json", e.get("gatescope.json"), "params.bin", shorter), null, 0);
    assertTrue(error(cut).contains("bytes of values where 1672 are needed"), error(cut));

    Path header = dir.resolve("cut-header.gatescope");
    writeZip(
        header,
        Map.of(
            "gatescope.json",
            e.get("gatescope.json"),
            "params.bin",
            java.util.Arrays.copyOf(params, 20)),
        null,
        0);
    assertTrue(
        error(header).startsWith("cut-header.gatescope: the weights are damaged (cut short"),
        error(header));
  }

  /** A 418-parameter LSTM: 28→2 projection, 7 units. */
  static Path small(Path f) throws Exception {
    ModelConfig c = new ModelConfig(CellType.LSTM, 1, 7, 2, 1.0, 5);
    assertEquals(418, c.paramCount());
    ModelFile.save(RecurrentClassifier.create(c), TrainingSummary.none(), f);
    return f;
  }

  /** Where the data buffer's length sits: after the shape buffer's header and longs. */
  static int dataLengthOffset(byte[] params) throws IOException {
    var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(params));
    int utf1 = 2 + in.readUnsignedShort();
    in.skipNBytes(utf1 - 2);
    long n = in.readLong();
    int utf2 = 2 + in.readUnsignedShort();
    in.skipNBytes(utf2 - 2 + 8 * n);
    int utf3 = 2 + in.readUnsignedShort();
    return utf1 + 8 + utf2 + (int) (8 * n) + utf3;
  }

  static Map<String, byte[]> entries(Path zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      z.stream()
          .forEach(
              e -> {
                try {
                  out.put(e.getName(), z.getInputStream(e).readAllBytes());
                } catch (IOException ex) {
                  throw new java.io.UncheckedIOException(ex);
                }
              });
    }
    return out;
  }

  /** Writes {@code entries}, then (if named) an entry of {@code zeros} zero bytes, streamed. */
  static void writeZip(Path f, Map<String, byte[]> entries, String zerosEntry, long zeros)
      throws IOException {
    try (OutputStream os = Files.newOutputStream(f);
        ZipOutputStream z = new ZipOutputStream(os)) {
      z.setLevel(java.util.zip.Deflater.BEST_SPEED);
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
      if (zerosEntry != null) {
        z.putNextEntry(new ZipEntry(zerosEntry));
        byte[] block = new byte[1 << 20];
        for (long done = 0; done < zeros; done += block.length) {
          z.write(block);
        }
        z.closeEntry();
      }
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String error(Path f) {
    return assertThrows(ModelFileException.class, () -> ModelFile.load(f)).getMessage();
  }
}
