package io.gatescope.cli;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.model.SavedModel;
import io.gatescope.core.preprocess.ImageFiles;
import io.gatescope.core.preprocess.Preprocessor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The full gate trace of one input, as JSON (arrays are [step][unit]): every quantity of the cell
 * and the pre-activation z of every gate and candidate ({@code <quantity>_z}).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = Version.class)
public final class InspectCommand implements Callable<Integer> {
  @Mixin DataOptions io;

  static final class Source {
    @Parameters(index = "0", paramLabel = "IMAGE", descriptionKey = "image")
    Path image;

    @Option(names = "--test-index", paramLabel = "N")
    Integer testIndex;
  }

  @ArgGroup(multiplicity = "1")
  Source source;

  /** JSON is the only format; --json is accepted for symmetry with the other commands. */
  @Mixin JsonOption output;

  @Option(names = "--layer", defaultValue = "-1", paramLabel = "N")
  int layer;

  @Override
  public Integer call() throws Exception {
    io.initNative();
    float[] input;
    Integer label = null;
    if (source.testIndex != null) {
      LabeledImages test = io.test();
      Cli.requireRange("--test-index", source.testIndex, 0, test.size() - 1);
      input = test.images().imageAsFloats(source.testIndex);
      label = test.label(source.testIndex);
    } else {
      ImageFiles.Grey g = ImageFiles.read(source.image);
      try {
        input = Preprocessor.toMnist(g.pixels(), g.width(), g.height());
      } catch (Preprocessor.EmptyImageException e) {
        throw new Cli.UserError(source.image.getFileName() + ": " + e.getMessage());
      }
    }
    SavedModel saved = io.loadModel();
    GateTrace tr = saved.model().trace(input);
    int l = layer < 0 ? tr.layers().size() - 1 : layer;
    Cli.requireRange("--layer", l, 0, tr.layers().size() - 1);
    System.out.println(Json.write(toJson(tr, l, label)));
    return 0;
  }

  static Map<String, Object> toJson(GateTrace tr, int layer, Integer label) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cell", tr.cell().name().toLowerCase());
    m.put("layer", layer);
    m.put("units", tr.hidden());
    m.put("steps", tr.steps());
    for (Quantity q : tr.cell().quantities()) {
      m.put(q.key(), List.of(tr.get(layer, q)));
    }
    // The argument of each σ or tanh as computed (before any intervention), e.g. forget_z.
    for (Quantity q : tr.cell().quantities()) {
      float[][] z = tr.preActivation(layer, q);
      if (z != null) {
        m.put(q.key() + "_z", List.of(z));
      }
    }
    m.put("step_probabilities", List.of(tr.stepProbabilities()));
    m.put("probabilities", tr.probabilities());
    m.put("prediction", tr.prediction());
    if (label != null) {
      m.put("label", label);
    }
    return m;
  }
}
