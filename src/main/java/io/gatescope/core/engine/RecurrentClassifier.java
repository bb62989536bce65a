package io.gatescope.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The model: x⟨t⟩ (row t of the image) → optional dense projection → recurrent layers → y =
 * softmax(W_y a⟨T⟩ + b_y), in single precision. Forward keeps every intermediate; backward is exact
 * BPTT into one flat gradient array laid out like the parameters.
 *
 * <p>The projection has no activation, so it is folded into the first layer's input side (see
 * {@link InputSide}): same result, fewer operations.
 *
 * <p>Not thread-safe: one thread uses a model at a time (the trainer, or an inference worker with
 * its own {@link #copy()}).
 */
public final class RecurrentClassifier {
  private static final int T = ModelConfig.STEPS;
  private static final int F = ModelConfig.FEATURES;
  private static final int K = ModelConfig.CLASSES;

  private final ModelConfig config;
  private final ParamSet params;
  private final ParamSet grads;
  private final List<RecurrentLayer> layers = new ArrayList<>();

  private final Projection projection; // null without one
  private final OutputLayer output;

  private int batch = -1;
  private float[] dTop; // [T·B·H] ∂loss/∂a⟨t⟩ of the top layer; only the last step is non-zero
  private List<Intervention> lastInterventions = List.of();
  private INDArray lastInput; // [T·B, F] the last forward pass's input, in reading order
  private int[] lastRows; // the samples the last forward pass computed at each step (ActiveRows)
  private final WeightsSeen seen = new WeightsSeen(); // the weights the operands hold copies of
  private BackwardTracer backwardTracer; // runs backward traces' batches on a copy of this model

  private RecurrentClassifier(ModelConfig config) {
    this.config = config;
    for (int l = 0; l < config.layers(); l++) {
      int layerIn = l == 0 ? config.recurrentInput() : config.hidden();
      layers.add(new RecurrentLayer(l, config.cell(), layerIn, config.hidden()));
    }
    List<ParamSet.Spec> specs = new ArrayList<>(Projection.specs(config));
    layers.forEach(l -> specs.addAll(l.specs()));
    specs.add(new ParamSet.Spec("out.W", config.hidden(), K));
    specs.add(new ParamSet.Spec("out.b", 1, K));
    this.params = new ParamSet(specs, DataType.FLOAT);
    this.grads = params.like();
    this.projection = Projection.of(config, params, grads);
    layers.forEach(l -> l.bind(params, grads));
    output = new OutputLayer(params, grads, config.hidden());
  }

  /** A freshly initialised model, weights fixed by the config's seed. */
  public static RecurrentClassifier create(ModelConfig config) {
    RecurrentClassifier m = new RecurrentClassifier(config);
    SplittableRandom rnd = new SplittableRandom(config.seed());
    if (m.projection != null) {
      m.projection.initialize(rnd);
    }
    m.layers.forEach(l -> l.initialize(rnd, config));
    Init.xavier(m.output.weights(), rnd);
    return m;
  }

  /**
   * A model with the given parameters (a flat array in this config's layout; double arrays, e.g.
   * from a DL4J model saved in double, are rounded to float).
   */
  public static RecurrentClassifier withParams(ModelConfig config, INDArray flat) {
    RecurrentClassifier m = new RecurrentClassifier(config);
    if (flat.length() != m.params.size()) {
      String fit = flat.length() + " does not fit " + config + " (" + m.params.size() + ")";
      throw new IllegalArgumentException("parameter count " + fit);
    }
    m.params.flat().assign(flat.reshape(flat.length()).castTo(DataType.FLOAT));
    return m;
  }

  public ModelConfig config() {
    return config;
  }

  public ParamSet params() {
    return params;
  }

  public ParamSet gradients() {
    return grads;
  }

  /** An independent copy (same weights, own buffers), e.g. for an inference thread. */
  public RecurrentClassifier copy() {
    return withParams(config, params.flat().dup());
  }

  private void ensureBatch(int b) {
    if (b == batch) {
      return;
    }
    batch = b;
    layers.forEach(l -> l.ensureBatch(b));
    dTop = new float[T * b * config.hidden()];
  }

  /** Logits [B, K] for a time-major batch x [T·B, F] (see {@link Batches}). */
  public INDArray forward(INDArray input) {
    return forward(input, List.of());
  }

  /**
   * Logits [B, K] with {@code interventions}; the weights' copies in the operands are kept when no
   * parameter has changed since the last such pass ({@link WeightsSeen}).
   */
  public INDArray forward(INDArray input, List<Intervention> interventions) {
    boolean same = seen.unchanged(params.flat());
    INDArray logits = forward(input, interventions, false, same);
    if (!same) {
      seen.remember(params.flat());
    }
    return logits;
  }

  /**
   * Logits [B, K] of a batch whose samples are variants of sample 0 (its picture with a change):
   * each step computes only the samples whose input has differed from sample 0's by then; the
   * others take sample 0's states (see {@link ActiveRows#forward}). The numbers of {@link
   * #forward(INDArray)} up to rounding, and the samples' states are complete afterwards. With
   * {@code sameWeights} the caller vouches that no weight has changed since this model's last
   * forward pass: the layers keep their stacked and folded copies of them.
   */
  INDArray forwardSharingFirst(INDArray input, boolean sameWeights) {
    return forward(input, List.of(), true, sameWeights);
  }

  private INDArray forward(
      INDArray input, List<Intervention> interventions, boolean share, boolean sameWeights) {
    if (!sameWeights) {
      seen.forget(); // the operands take the weights as they are now; forward(…) remembers them
    }
    int b = Batches.batchOf(input);
    ensureBatch(b);
    INDArray asFloat = input.dataType() == DataType.FLOAT ? input : input.castTo(DataType.FLOAT);
    INDArray x = config.reading().arrange(asFloat, b); // [T·B, F] in reading order
    lastInput = x;
    lastInterventions = List.copyOf(interventions);
    int[] rows = share ? ActiveRows.forward(Nd.floats(x), b, F) : ActiveRows.all(b);
    lastRows = rows;
    RecurrentLayer first = layers.get(0);
    // The projection folded into the first layer: an [F, P]·[P, n] product per pass, and the
    // operand is 28 + H + 1 wide instead of P + H + 1 (it paid even for a single image, measured).
    if (projection != null) {
      projection.feed(first, x, sameWeights);
    } else {
      first.input(x, sameWeights);
    }
    first.recur(interventions, rows);
    for (int l = 1; l < layers.size(); l++) {
      layers.get(l).input(layers.get(l - 1).outputs(), sameWeights);
      layers.get(l).recur(interventions, rows); // a sample shares sample 0's input here too
    }
    INDArray logits = output.forward(top().last());
    // A sample that shares sample 0's a⟨T⟩ has its logits: copied, not multiplied again, where
    // BLAS may round a row differently by its place in the batch (OpenBLAS's Haswell kernels do).
    output.firstRowFrom(rows[T - 1]);
    return logits;
  }

  /**
   * Forward and backward on one batch: returns the mean cross-entropy and leaves ∂loss/∂params in
   * {@link #gradients()}.
   */
  public double lossAndGradient(INDArray input, int[] labels) {
    return lossAndGradient(input, labels, null);
  }

  /**
   * As {@link #lossAndGradient(INDArray, int[])}; if {@code stepGradients} is not null it receives
   * ∂loss/∂a⟨t⟩ of the top layer and ∂loss/∂x⟨t⟩ for every step (for gradient-flow plots).
   */
  public double lossAndGradient(INDArray input, int[] labels, StepGradients stepGradients) {
    forward(input, List.of(), false, false);
    double loss = output.loss(labels);
    backward(stepGradients);
    return loss;
  }

  /** BPTT from ∂loss/∂logits (of the last forward pass) through every layer. */
  void backward(StepGradients stepGradients) {
    if (!lastInterventions.isEmpty()) {
      throw new IllegalStateException("gradients are not defined with interventions active");
    }
    // Only the last step feeds the output; dTop's other steps stay zero (nothing writes them).
    output.backward(top().last(), dTop, (T - 1) * batch * config.hidden());
    passBack(dTop, T - 1, true, stepGradients, ActiveRows.all(batch));
    if (projection != null) {
      projection.gradients(layers.get(0));
    }
    if (stepGradients != null) {
      stepGradients.input = layers.get(0).inputGradient(ActiveRows.all(batch)); // ∂loss/∂x [T·B, F]
    }
  }

  /**
   * dOut [T·B·H], ∂loss/∂a⟨t⟩ of the top layer (zero before step fedFrom), back through every
   * layer; step t computes the first rows[t] samples (a lower layer's ∂loss reaches no sample that
   * the top's has not).
   */
  void passBack(
      float[] dOut, int fedFrom, boolean weightGradients, StepGradients stepGradients, int[] rows) {
    for (int l = layers.size() - 1; l >= 0; l--) {
      RecurrentLayer layer = layers.get(l);
      if (stepGradients != null && l == layers.size() - 1) {
        stepGradients.hidden = layer.recordHiddenGradients();
      }
      layer.backward(dOut, l == layers.size() - 1 ? fedFrom : 0, weightGradients, rows);
      layer.stopRecording();
      if (l > 0) {
        dOut = layer.inputGradient(rows); // [T·B, H]
      }
    }
  }

  /**
   * How the loss of one image flows back to every gate, state and pixel, for target class {@code
   * target} (see {@link BackwardTrace}); the model as it is, without interventions.
   */
  public BackwardTrace backwardTrace(float[] image, int target) {
    if (backwardTracer == null) {
      backwardTracer = new BackwardTracer(copy());
    }
    return backwardTracer.trace(params.flat(), image, target);
  }

  /** The layers, bottom first (for {@link BackwardTracer}). */
  List<RecurrentLayer> layers() {
    return layers;
  }

  /** The logits after every step of the last forward pass, [T·B·K] (row t·B + b). */
  float[] stepLogits() {
    return output.logitsAfterEveryStep(top().outputs(), lastRows); // [T·B·K], row t·B + s
  }

  /** The output layer (its last logits, its weights, its logits after every step). */
  OutputLayer output() {
    return output;
  }

  /** Softmax of the logits of the last forward pass, [B][K]. */
  public float[][] lastProbabilities() {
    return Softmax.rows(output.logitRows());
  }

  /** Mean cross-entropy of a batch, forward only. */
  public double loss(INDArray input, int[] labels) {
    forward(input);
    return Softmax.crossEntropy(output.logitRows(), labels, null);
  }

  /** Class probabilities [B][K] for a time-major batch. */
  public float[][] predict(INDArray input) {
    forward(input);
    return Softmax.rows(output.logitRows());
  }

  /** The full trace of one image (28×28 floats in [0, 1], row-major). */
  public GateTrace trace(float[] image) {
    return trace(image, List.of());
  }

  public GateTrace trace(float[] image, List<Intervention> interventions) {
    return traceBatch(Batches.timeMajor(new float[][] {image}), interventions).get(0);
  }

  /** Traces for every sample of a time-major batch. */
  public List<GateTrace> traceBatch(INDArray input, List<Intervention> interventions) {
    layers.forEach(l -> l.keepForTrace(true));
    try {
      forward(input, interventions);
    } finally {
      layers.forEach(l -> l.keepForTrace(false));
    }
    float[] projected = projection == null ? null : projection.values(lastInput);
    return TraceBuilder.build(config, layers, output, batch, interventions, projected);
  }

  /** The top recurrent layer (its a⟨t⟩ feed the output). */
  RecurrentLayer top() {
    return layers.get(layers.size() - 1);
  }
}
