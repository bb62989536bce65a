package io.gatescope.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What every reader's fuzz test shares: its seed corpus ({@code src/test/resources/fuzz/<reader>/},
 * real files and the inputs that once broke a reader), a scratch folder for the file under test,
 * and the property itself: a refusal is the reader's own exception with a message that names the
 * file.
 */
final class FuzzSupport {
  private static final Path SCRATCH;

  static {
    try {
      Path shm = Path.of("/dev/shm");
      SCRATCH =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? Files.createTempDirectory(shm, "gatescope-fuzz")
              : Files.createTempDirectory("gatescope-fuzz");
      SCRATCH.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FuzzSupport() {}

  /** Every file of the reader's corpus, named by its file name in the test report. */
  static Stream<Arguments> corpus(String reader) {
    URL url = FuzzSupport.class.getResource("/fuzz/" + reader);
    assertNotNull(url, "no corpus folder fuzz/" + reader);
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files
          .filter(Files::isRegularFile)
          .sorted()
          .map(f -> Arguments.of(Named.of(f.getFileName().toString(), bytes(f))))
          .toList()
          .stream();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list fuzz/" + reader, e);
    }
  }

  private static byte[] bytes(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the bytes to a file of this name in the scratch folder (replacing the last one). */
  static Path file(String name, byte[] bytes) {
    try {
      return Files.write(SCRATCH.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes gzipped, so a gzip reader sees well-formed compression of hostile content. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A refusal as the user sees it: a message (not a bare exception class, not "null") that names
   * the file it is about.
   */
  static void assertClearRefusal(Exception e, Path file) {
    String m = e.getMessage();
    assertNotNull(m, () -> "no message: " + e);
    assertFalse(m.isBlank(), () -> "blank message: " + e);
    assertFalse(m.equals("null") || m.startsWith("null"), () -> "message 'null': " + e);
    assertTrue(
        m.contains(file.getFileName().toString()),
        () -> "the message does not name the file " + file.getFileName() + ": " + m);
  }
}
