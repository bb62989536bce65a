package io.gatescope.cli;

import io.gatescope.core.Messages;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.BackwardTrace;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.model.SavedModel;
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
 * and the pre-activation z of every gate and candidate ({@code <quantity>_z}); with --backward, how
 * the loss of a target class flows back ({@link #backwardJson}).
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

  @Mixin PictureOption picture;

  @Option(names = "--backward")
  boolean backward;

  @Option(names = "--target", paramLabel = "K")
  Integer target;

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
      input = picture.read(source.image);
    }
    Cli.require(target == null || backward, Messages.get("cli.target.needsBackward"));
    if (target != null) {
      Cli.requireRange("--target", target, 0, ModelConfig.CLASSES - 1);
    }
    SavedModel saved = io.loadModel();
    GateTrace tr = saved.model().trace(input);
    int l = layer < 0 ? tr.layers().size() - 1 : layer;
    Cli.requireRange("--layer", l, 0, tr.layers().size() - 1);
    Map<String, Object> json = toJson(tr, l, label);
    if (backward) {
      // The true digit where known, else the prediction: what the backward view defaults to.
      int k = target != null ? target : label != null ? label : tr.prediction();
      json.put("backward", backwardJson(saved.model().backwardTrace(input, k), l));
    }
    System.out.println(Json.write(json));
    return 0;
  }

  /**
   * The backward trace as JSON: L = −log P(target | whole image), ∂L/∂ each gate's value and the
   * totals ∂L/∂c⟨t⟩, ∂L/∂a⟨t⟩ ([step][unit]), ∂L/∂pixel ([row][column] of the picture), the change
   * in P(target) when each picture row is blanked, and the connectivity triangle ([t][s]).
   */
  static Map<String, Object> backwardJson(BackwardTrace b, int layer) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", b.target());
    m.put("loss", b.loss());
    m.put("probability", b.probability());
    for (Quantity q : b.cell().quantities()) {
      float[][] g = b.layers().get(layer).get(q);
      if (g != null) {
        m.put("d_" + (q == Quantity.CELL ? "cell" : q.key()), List.of(g));
      }
    }
    int side = ModelConfig.STEPS;
    float[][] dInput = new float[side][side];
    for (int r = 0; r < side; r++) {
      System.arraycopy(b.input(), r * side, dInput[r], 0, side);
    }
    m.put("d_input", List.of(dInput));
    m.put("row_occlusion", b.rowOcclusion());
    m.put("connectivity", List.of(b.connectivity()));
    return m;
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
