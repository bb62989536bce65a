package io.gatescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes as a {@code .gatescope} model file, and any description and weights packed into a
 * well-formed zip ({@link ModelParts}): a model that reads a digit into ten probabilities, or a
 * {@code ModelFileException} naming the file.
 */
class ModelFileFuzzTest {
  /** Small models GateScope saved, their parts, and the shipped model. */
  static Stream<Arguments> corpus() throws IOException {
    Path shipped = Path.of("assets/models/lstm-classic.gatescope");
    return Stream.concat(
        FuzzSupport.corpus("model"),
        Stream.of(Arguments.of(Named.of(shipped.toString(), Files.readAllBytes(shipped)))));
  }

  @MethodSource("corpus")
  @FuzzTest
  void anyBytesAsAModel(byte[] bytes) {
    ModelParts.loadsOrRefuses(bytes, "model.gatescope", "gatescope.json", "params.bin");
  }
}
