package io.gatescope.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.preprocess.ImageFiles;
import io.gatescope.core.preprocess.Preprocessor;
import io.gatescope.core.train.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Model files saved by the first engine open with today's and give the same answers: the test
 * accuracy and loss, and the ten probabilities of three pictures, as that version printed them
 * (src/test/resources/previous/golden.json). An LSTM, a GRU and a two-layer RNN, with and without
 * projection, read by rows, columns and permuted rows.
 */
class PreviousVersionModelsTest {
  private static Mnist data;

  @BeforeAll
  static void load() throws Exception {
    data = Mnist.load(DataLocator.mnistFolder(Optional.empty()));
  }

  static Stream<JsonObject> models() throws Exception {
    JsonObject golden =
        JsonParser.parseString(Files.readString(Path.of("src/test/resources/previous/golden.json")))
            .getAsJsonObject();
    return golden.getAsJsonArray("models").asList().stream().map(JsonElement::getAsJsonObject);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void opensAndAnswersAsTheFirstEngineDid(JsonObject m) throws Exception {
    String file = m.get("file").getAsString();
    SavedModel saved = ModelFile.load(Path.of(file));
    Evaluation ev = Evaluation.of(saved.model(), data.test(), 500, null);
    // The same images right and wrong; the mean loss to float rounding.
    assertEquals(m.get("test_accuracy").getAsDouble(), ev.accuracy(), 0, file + " accuracy");
    assertEquals(m.get("test_loss").getAsDouble(), ev.loss(), 1e-6, file + " loss");
    for (JsonElement e : m.getAsJsonArray("pictures")) {
      JsonObject pic = e.getAsJsonObject();
      ImageFiles.Grey g = ImageFiles.read(Path.of(pic.get("file").getAsString()));
      float[] input = Preprocessor.toMnist(g.pixels(), g.width(), g.height());
      float[] p = saved.model().predict(Batches.timeMajor(new float[][] {input}))[0];
      var expected = pic.getAsJsonArray("probabilities");
      for (int k = 0; k < 10; k++) {
        assertEquals(expected.get(k).getAsDouble(), p[k], 1e-6, file + " " + pic + " p" + k);
      }
    }
  }
}
