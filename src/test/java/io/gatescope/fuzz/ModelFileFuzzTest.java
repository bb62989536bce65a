package io.gatescope.fuzz;

import static io.gatescope.fuzz.FuzzSupport.assertClearRefusal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelFileException;
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
 * {@link ModelFileException} naming the file.
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
    Path file =
        ModelParts.isFramed(bytes)
            ? FuzzSupport.file(
                "parts.gatescope", ModelParts.zip(bytes, "gatescope.json", "params.bin"))
            : FuzzSupport.file("bytes.gatescope", bytes);
    try {
      ModelParts.assertReadsADigit(ModelFile.load(file).model());
    } catch (ModelFileException e) {
      assertClearRefusal(e, file);
    }
  }
}
