package io.gatescope.fuzz;

import static io.gatescope.fuzz.FuzzSupport.assertClearRefusal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes as a DL4J network zip, and any network configuration and coefficients packed into a
 * well-formed zip ({@link ModelParts}): an imported model that reads a digit, or a {@link
 * ModelFileException} naming the file.
 */
class Dl4jZipFuzzTest {
  static Stream<Arguments> corpus() {
    return FuzzSupport.corpus("dl4j");
  }

  @MethodSource("corpus")
  @FuzzTest
  void anyBytesAsADl4jZip(byte[] bytes) {
    Path file =
        ModelParts.isFramed(bytes)
            ? FuzzSupport.file(
                "parts-dl4j.zip", ModelParts.zip(bytes, "configuration.json", "coefficients.bin"))
            : FuzzSupport.file("bytes-dl4j.zip", bytes);
    try {
      ModelParts.assertReadsADigit(ModelFile.load(file).model());
    } catch (ModelFileException e) {
      assertClearRefusal(e, file);
    }
  }
}
