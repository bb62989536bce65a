package io.gatescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes as a DL4J network zip, and any network configuration and coefficients packed into a
 * well-formed zip ({@link ModelParts}): an imported model that reads a digit, or a {@code
 * ModelFileException} naming the file.
 */
class Dl4jZipFuzzTest {
  static Stream<Arguments> corpus() {
    return FuzzSupport.corpus("dl4j");
  }

  @MethodSource("corpus")
  @FuzzTest
  void anyBytesAsADl4jZip(byte[] bytes) {
    ModelParts.loadsOrRefuses(bytes, "dl4j.zip", "configuration.json", "coefficients.bin");
  }
}
