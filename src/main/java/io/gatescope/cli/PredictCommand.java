package io.gatescope.cli;

import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.Softmax;
import io.gatescope.core.model.SavedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Reads digits from picture files, preprocessed exactly as the Draw canvas does (or, with --raw,
 * fed as they are).
 */
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = Version.class)
public final class PredictCommand implements Callable<Integer> {
  @Mixin DataOptions io;

  @Mixin JsonOption output;

  @Mixin PictureOption picture;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", descriptionKey = "images")
  List<Path> images;

  @Override
  public Integer call() throws Exception {
    io.initNative();
    List<float[]> inputs = new ArrayList<>();
    for (Path p : images) {
      inputs.add(picture.read(p));
    }
    SavedModel saved = io.loadModel();
    float[][] probs = saved.model().predict(Batches.timeMajor(inputs.toArray(new float[0][])));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      int d = Softmax.argmax(probs[i]);
      if (output.json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", images.get(i).toString());
        m.put("digit", d);
        m.put("probabilities", probs[i]);
        rows.add(m);
      } else {
        StringBuilder sb = new StringBuilder();
        for (float p : probs[i]) {
          sb.append(String.format(" %.4f", p));
        }
        System.out.printf("%s: %d (%.1f%%)  p =%s%n", images.get(i), d, 100 * probs[i][d], sb);
      }
    }
    if (output.json) {
      System.out.println(Json.write(Map.of("predictions", rows)));
    }
    return 0;
  }
}
