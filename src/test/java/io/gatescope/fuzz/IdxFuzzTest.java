package io.gatescope.fuzz;

import static io.gatescope.fuzz.FuzzSupport.assertClearRefusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gatescope.core.data.DataFileException;
import io.gatescope.core.data.IdxReader;
import io.gatescope.core.data.ImageSet;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes as an MNIST file, raw and gzipped, as images and as labels: an {@link ImageSet} whose
 * pixels are what its header declares, labels 0–9, or a {@link DataFileException} naming the file.
 */
class IdxFuzzTest {
  static Stream<Arguments> corpus() {
    return FuzzSupport.corpus("idx");
  }

  @MethodSource("corpus")
  @FuzzTest
  void anyBytesAsImagesOrLabels(byte[] bytes) {
    // Raw bytes that start with gzip's magic reach the gzip path damaged; gzipping them reaches
    // it well-formed, so the IDX checks behind the decompressor are fuzzed too.
    check(FuzzSupport.file("t10k-images-idx3-ubyte", bytes));
    check(FuzzSupport.file("t10k-images-idx3-ubyte.gz", FuzzSupport.gzip(bytes)));
  }

  private static void check(Path file) {
    try {
      ImageSet set = IdxReader.readImages(file);
      assertEquals((long) set.count() * set.rows() * set.cols(), set.pixels().length);
    } catch (DataFileException e) {
      assertClearRefusal(e, file);
    }
    try {
      for (byte label : IdxReader.readLabels(file)) {
        assertTrue(label >= 0 && label <= 9, "label " + label);
      }
    } catch (DataFileException e) {
      assertClearRefusal(e, file);
    }
  }
}
