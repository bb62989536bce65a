package io.gatescope.fuzz;

import static io.gatescope.fuzz.FuzzSupport.assertClearRefusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gatescope.core.preprocess.ImageFiles;
import io.gatescope.core.preprocess.Preprocessor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes as a picture the user opens in Draw or passes to {@code predict}: 28×28 values in [0,
 * 1], or an {@link IOException} naming the file, or "the picture is empty".
 */
class PictureFuzzTest {
  static Stream<Arguments> corpus() {
    return FuzzSupport.corpus("picture");
  }

  @MethodSource("corpus")
  @FuzzTest
  void anyBytesAsAPicture(byte[] bytes) {
    Path file = FuzzSupport.file("digit.png", bytes);
    ImageFiles.Grey grey;
    try {
      grey = ImageFiles.read(file);
    } catch (IOException e) {
      assertClearRefusal(e, file);
      return;
    }
    assertEquals((long) grey.width() * grey.height(), grey.pixels().length);
    try {
      float[] mnist = Preprocessor.toMnist(grey.pixels(), grey.width(), grey.height());
      assertEquals(Preprocessor.SIZE * Preprocessor.SIZE, mnist.length);
      for (float v : mnist) {
        assertTrue(v >= 0 && v <= 1, "pixel value " + v);
      }
    } catch (Preprocessor.EmptyImageException e) {
      // A blank picture: Draw and predict say "the picture is empty".
    }
  }
}
