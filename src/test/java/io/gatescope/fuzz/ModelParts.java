package io.gatescope.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A model file's two parts in one fuzz input, so the fuzzer mutates the description and the weights
 * themselves rather than a zip's compressed bytes: {@code "PARTS"}, the description's length (4
 * bytes, big-endian), the description, then the weights. The test packs them into a well-formed
 * zip. Inputs without the prefix are taken as the whole file.
 */
final class ModelParts {
  static final byte[] PREFIX = "PARTS".getBytes(StandardCharsets.US_ASCII);

  /** One digit-like input: a vertical stroke, as a 1 would be drawn. */
  private static final float[] STROKE = new float[28 * 28];

  static {
    for (int row = 4; row < 24; row++) {
      STROKE[row * 28 + 13] = 1f;
      STROKE[row * 28 + 14] = 0.6f;
    }
  }

  private ModelParts() {}

  static boolean isFramed(byte[] bytes) {
    return bytes.length >= PREFIX.length + 4
        && Arrays.equals(bytes, 0, PREFIX.length, PREFIX, 0, PREFIX.length);
  }

  /** The framed input's parts as the zip a model file (or a DL4J network zip) is. */
  static byte[] zip(byte[] framed, String descriptionEntry, String weightsEntry) {
    int at = PREFIX.length;
    long claimed = Integer.toUnsignedLong(ByteBuffer.wrap(framed, at, 4).getInt());
    at += 4;
    int length = (int) Math.min(claimed, framed.length - at);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(descriptionEntry));
      zip.write(framed, at, length);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(weightsEntry));
      zip.write(framed, at + length, framed.length - at - length);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The framed form of a description and weights (how the corpus's PARTS seeds were made). */
  static byte[] frame(byte[] description, byte[] weights) {
    return ByteBuffer.allocate(PREFIX.length + 4 + description.length + weights.length)
        .put(PREFIX)
        .putInt(description.length)
        .put(description)
        .put(weights)
        .array();
  }

  /**
   * The fuzz input as a model file (the whole file, or its framed parts zipped under the given
   * entry names), loaded: a model that reads a digit, or a refusal that names the file.
   */
  static void loadsOrRefuses(
      byte[] bytes, String fileName, String descriptionEntry, String weightsEntry) {
    Path file =
        isFramed(bytes)
            ? FuzzSupport.file("parts-" + fileName, zip(bytes, descriptionEntry, weightsEntry))
            : FuzzSupport.file(fileName, bytes);
    try {
      assertReadsADigit(ModelFile.load(file).model());
    } catch (ModelFileException e) {
      FuzzSupport.assertClearRefusal(e, file);
    }
  }

  /**
   * What a model that opened must do in every workspace: read a digit into ten probabilities that
   * sum to 1, with every traced value a number.
   */
  static void assertReadsADigit(RecurrentClassifier model) {
    GateTrace trace = model.trace(STROKE);
    assertEquals(10, trace.probabilities().length);
    double sum = 0;
    for (float p : trace.probabilities()) {
      assertTrue(p >= 0 && p <= 1, "probability " + p);
      sum += p;
    }
    assertEquals(1.0, sum, 1e-3, "the probabilities' sum");
    assertTrue(trace.prediction() >= 0 && trace.prediction() <= 9);
    for (var layer : trace.layers()) {
      for (var entry : layer.entrySet()) {
        for (float[] step : entry.getValue()) {
          for (float v : step) {
            assertTrue(Float.isFinite(v), entry.getKey() + " is " + v);
          }
        }
      }
    }
  }
}
