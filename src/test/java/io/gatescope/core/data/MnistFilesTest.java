package io.gatescope.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The MNIST files shipped in data/mnist are complete and the original ones. */
class MnistFilesTest {
  static Path folder() throws DataFileException {
    return DataLocator.mnistFolder(Optional.empty());
  }

  @Test
  void fullMnistLoadsWithKnownCountsAndFirstLabels() throws Exception {
    Mnist m = Mnist.load(folder());
    assertEquals(60_000, m.train().size());
    assertEquals(10_000, m.test().size());
    int[] firstTrain = new int[10];
    int[] firstTest = new int[10];
    for (int i = 0; i < 10; i++) {
      firstTrain[i] = m.train().label(i);
      firstTest[i] = m.test().label(i);
    }
    assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, firstTrain);
    assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, firstTest);
  }

  @Test
  void decompressedFilesHaveTheOriginalChecksums() throws Exception {
    // SHA-256 of the raw IDX files (train images: MD5 6bbc9ace898e44ae57da46a324031adb).
    Map<String, String> sha =
        Map.of(
            Mnist.TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            Mnist.TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            Mnist.TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            Mnist.TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
    for (var e : sha.entrySet()) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (InputStream in =
          new GZIPInputStream(Files.newInputStream(folder().resolve(e.getKey() + ".gz")))) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          md.update(buf, 0, n);
        }
      }
      assertEquals(e.getValue(), HexFormat.of().formatHex(md.digest()), e.getKey());
    }
  }
}
