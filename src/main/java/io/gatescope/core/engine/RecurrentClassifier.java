package io.gatescope.core.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The model: x⟨t⟩ (row t of the image) → optional dense projection → recurrent layers → y =
 * softmax(W_y a⟨T⟩ + b_y). Forward keeps every intermediate; backward is exact BPTT into one flat
 * gradient array laid out like the parameters.
 *
 * <p>The projection has no activation, so it is folded into the first layer's input side (see
 * {@link RecurrentLayer#inputSideFolded}): same result, fewer operations.
 *
 * <p>Not thread-safe: one thread uses a model at a time (the trainer, or an inference worker with
 * its own {@link #copy()}).
 */
public final class RecurrentClassifier {
  private static final int T = ModelConfig.STEPS;
  private static final int F = ModelConfig.FEATURES;
  private static final int K = ModelConfig.CLASSES;

  private final ModelConfig config;
  private final DataType dtype;
  private final ParamSet params;
  private final ParamSet grads;
  private final List<RecurrentLayer> layers = new ArrayList<>();

  private INDArray wp; // [F, P]
  private INDArray bp; // [1, P]
  private INDArray dwp;
  private INDArray dbp;
  private final INDArray wy; // [H, K]
  private final INDArray by; // [1, K]
  private final INDArray dwy;
  private final INDArray dby;

  private int batch = -1;
  private INDArray x; // [T·B, F] the last input
  private INDArray projected; // [T·B, P] when the projection is not folded
  private boolean folded;
  private Mirror logits; // [B, K]
  private Mirror dLogits; // ∂loss/∂logits [B, K]
  private Mirror dbyM; // Σ rows of dLogits [1, K]
  private Mirror daLast; // [B, H]
  private double[] dTop; // [T·B·H] ∂loss/∂a⟨t⟩ of the top layer; only the last step is non-zero
  private List<Intervention> lastInterventions = List.of();

  private RecurrentClassifier(ModelConfig config, DataType dtype) {
    this.config = config;
    this.dtype = dtype;
    for (int l = 0; l < config.layers(); l++) {
      String prefix = "l" + l + ".";
      int layerIn = l == 0 ? config.recurrentInput() : config.hidden();
      layers.add(
          switch (config.cell()) {
            case LSTM -> new LstmLayer(prefix, layerIn, config.hidden());
            case GRU -> new GruLayer(prefix, layerIn, config.hidden());
            case RNN -> new RnnLayer(prefix, layerIn, config.hidden());
          });
    }
    List<ParamSet.Spec> specs = new ArrayList<>();
    if (config.projection() > 0) {
      specs.add(new ParamSet.Spec("proj.W", F, config.projection()));
      specs.add(new ParamSet.Spec("proj.b", 1, config.projection()));
    }
    layers.forEach(l -> specs.addAll(l.specs()));
    specs.add(new ParamSet.Spec("out.W", config.hidden(), K));
    specs.add(new ParamSet.Spec("out.b", 1, K));
    this.params = new ParamSet(specs, dtype);
    this.grads = params.like();
    if (config.projection() > 0) {
      wp = params.get("proj.W");
      bp = params.get("proj.b");
      dwp = grads.get("proj.W");
      dbp = grads.get("proj.b");
    }
    layers.forEach(l -> l.bind(params, grads));
    wy = params.get("out.W");
    by = params.get("out.b");
    dwy = grads.get("out.W");
    dby = grads.get("out.b");
  }

  /** A freshly initialised model in single precision, weights fixed by the config's seed. */
  public static RecurrentClassifier create(ModelConfig config) {
    return create(config, DataType.FLOAT);
  }

  public static RecurrentClassifier create(ModelConfig config, DataType dtype) {
    RecurrentClassifier m = new RecurrentClassifier(config, dtype);
    m.initialize();
    return m;
  }

  /** A model with the given parameters (a flat array in this config's layout). */
  public static RecurrentClassifier withParams(ModelConfig config, INDArray flat) {
    RecurrentClassifier m = new RecurrentClassifier(config, flat.dataType());
    if (flat.length() != m.params.size()) {
      throw new IllegalArgumentException(
          "parameter count "
              + flat.length()
              + " does not fit "
              + config
              + " ("
              + m.params.size()
              + " expected)");
    }
    m.params.flat().assign(flat.reshape(flat.length()));
    return m;
  }

  private void initialize() {
    SplittableRandom rnd = new SplittableRandom(config.seed());
    if (wp != null) {
      Init.xavier(wp, rnd);
    }
    ModelConfig cfg = config;
    layers.forEach(l -> l.initialize(rnd, cfg));
    Init.xavier(wy, rnd);
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

  public DataType dataType() {
    return dtype;
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
    layers.forEach(l -> l.ensureBatch(b, dtype));
    logits = new Mirror(dtype, b, K, b * K); // [B, K]
    dLogits = new Mirror(dtype, b, K, b * K);
    dbyM = new Mirror(dtype, 1, K, K);
    if (config.projection() > 0) {
      projected = Nd4j.zeros(dtype, (long) T * b, config.projection()); // [T·B, P]
    }
    daLast = new Mirror(dtype, b, config.hidden(), b * config.hidden()); // [B, H]
    dTop = new double[T * b * config.hidden()];
  }

  /**
   * Whether to fold the projection into the first layer for a batch of b: folding costs a [F,
   * P]·[P, n] product once and saves the [T·B, P] intermediate, which pays off unless the batch is
   * tiny (a single image is faster with the projection computed as it is).
   */
  private boolean foldProjection(int b) {
    return (long) T * b > config.projection();
  }

  /** Logits [B, K] for a time-major batch x [T·B, F] (see {@link Batches}). */
  public INDArray forward(INDArray input) {
    return forward(input, List.of());
  }

  public INDArray forward(INDArray input, List<Intervention> interventions) {
    int b = batchOf(input);
    ensureBatch(b);
    INDArray x = read(input.dataType() == dtype ? input : input.castTo(dtype), b);
    this.lastInterventions = List.copyOf(interventions);
    this.x = x;
    RecurrentLayer first = layers.get(0);
    folded = wp != null && foldProjection(b);
    if (folded) {
      first.inputSideFolded(x, wp, bp);
    } else if (wp != null) {
      Nd.gemm(x, wp, projected, false, false, 0); // x·Wp  [T·B, P]
      projected.addiRowVector(bp);
      first.inputSide(projected);
    } else {
      first.inputSide(x);
    }
    first.recur(interventions);
    for (int l = 1; l < layers.size(); l++) {
      layers.get(l).inputSide(layers.get(l - 1).outputs());
      layers.get(l).recur(interventions);
    }
    Nd.gemm(top().last(), wy, logits.array, false, false, 0); // a⟨T⟩·W_y  [B, K]
    logits.array.addiRowVector(by);
    return logits.array;
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
    INDArray out = forward(input);
    int b = batch;
    if (labels.length != b) {
      throw new IllegalArgumentException(labels.length + " labels for a batch of " + b);
    }
    double[] z = new double[b * K]; // [B·K]
    logits.read(0, z, 0, b * K);
    double[] dz = new double[b * K];
    double[] dzSum = new double[K];
    double loss = 0;
    for (int i = 0; i < b; i++) {
      double[] p = softmax(java.util.Arrays.copyOfRange(z, i * K, (i + 1) * K));
      loss -= Math.log(Math.max(p[labels[i]], Double.MIN_NORMAL));
      for (int k = 0; k < K; k++) {
        double d = (p[k] - (k == labels[i] ? 1 : 0)) / b; // ∂(mean CE)/∂logit
        dz[i * K + k] = d;
        dzSum[k] += d;
      }
    }
    dLogits.write(dz, 0, 0, b * K);
    dbyM.write(dzSum, 0, 0, K);
    backward(dLogits.array, dbyM.array, stepGradients);
    return loss / b;
  }

  /** BPTT from ∂loss/∂logits [B, K] (and their column sums [1, K]) through every layer. */
  void backward(INDArray dLogits, INDArray dLogitsSum, StepGradients stepGradients) {
    if (!lastInterventions.isEmpty()) {
      throw new IllegalStateException("gradients are not defined with interventions active");
    }
    int h = config.hidden();
    Nd.gemm(top().last(), dLogits, dwy, true, false, 0); // [H, K]
    dby.assign(dLogitsSum);
    Nd.gemm(dLogits, wy, daLast.array, false, true, 0); // ∂a⟨T⟩ [B, H]
    // Only the last step feeds the output; dTop's other steps stay zero (nothing writes them).
    daLast.read(0, dTop, (T - 1) * batch * h, batch * h);

    double[] dOut = dTop;
    for (int l = layers.size() - 1; l >= 0; l--) {
      RecurrentLayer layer = layers.get(l);
      if (stepGradients != null && l == layers.size() - 1) {
        stepGradients.hidden = layer.recordHiddenGradients();
      }
      layer.backward(dOut);
      layer.stopRecording();
      if (l == 0 && folded) {
        layer.inputSideGradientFolded(wp, bp, dwp, dbp);
      } else {
        layer.inputSideGradient();
      }
      if (l == 0 && wp != null && !folded) {
        INDArray dproj = layer.inputGradient(); // [T·B, P]
        Nd.gemm(x, dproj, dwp, true, false, 0); // [F, P]
        dbp.assign(dproj.sum(0));
        if (stepGradients != null) {
          INDArray dx = Nd4j.zeros(dtype, (long) T * batch, F); // [T·B, F]
          Nd.gemm(dproj, wp, dx, false, true, 0);
          stepGradients.input = dx.data().asDouble();
        }
      }
      if (l > 0) {
        INDArray dx = layer.inputGradient(); // [T·B, H]
        dOut = dx.data().asDouble();
      }
    }
    if (stepGradients != null && (wp == null || folded)) {
      RecurrentLayer first = layers.get(0);
      INDArray dx = wp != null ? first.inputGradientFolded(wp) : first.inputGradient();
      stepGradients.input = dx.data().asDouble();
    }
  }

  /** Softmax of the logits of the last forward pass, [B][K]. */
  public float[][] lastProbabilities() {
    return softmaxRows(logits.array.toDoubleMatrix());
  }

  /** Mean cross-entropy of a batch, forward only. */
  public double loss(INDArray input, int[] labels) {
    double[][] z = forward(input).toDoubleMatrix();
    double loss = 0;
    for (int i = 0; i < labels.length; i++) {
      loss -= Math.log(Math.max(softmax(z[i])[labels[i]], Double.MIN_NORMAL));
    }
    return loss / labels.length;
  }

  /** Class probabilities [B][K] for a time-major batch. */
  public float[][] predict(INDArray input) {
    return softmaxRows(forward(input).toDoubleMatrix());
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
    int b = batch;
    // P(class | rows 1..t): the output layer applied to every a⟨t⟩ of the top layer. Small
    // enough for plain Java, which spares a dozen ND4J calls on the single-image path.
    int h = config.hidden();
    double[] w = wy.dup('c').data().asDouble(); // [H·K], row-major
    double[] bias = by.dup().data().asDouble(); // [K]
    float[][] stepProbs = new float[T * b][]; // [T·B][K]
    double[] z = new double[K];
    for (int t = 0; t < T; t++) {
      RecurrentLayer top = top();
      for (int s = 0; s < b; s++) {
        System.arraycopy(bias, 0, z, 0, K);
        for (int u = 0; u < h; u++) {
          double v = top.hidden(t + 1, s * h + u); // a⟨t⟩
          for (int k = 0; k < K; k++) {
            z[k] += v * w[u * K + k];
          }
        }
        double[] p = softmax(z);
        float[] pf = new float[K];
        for (int k = 0; k < K; k++) {
          pf[k] = (float) p[k];
        }
        stepProbs[t * b + s] = pf;
      }
    }

    List<GateTrace> out = new ArrayList<>(b);
    for (int s = 0; s < b; s++) {
      List<Map<Quantity, float[][]>> layersOfS = new ArrayList<>();
      List<Map<Quantity, float[][]>> preOfS = new ArrayList<>();
      List<Map<Quantity, float[][]>> computedOfS = new ArrayList<>();
      for (RecurrentLayer layer : layers) {
        Map<Quantity, float[][]> ms = new EnumMap<>(Quantity.class);
        Map<Quantity, float[][]> pre = new EnumMap<>(Quantity.class);
        Map<Quantity, float[][]> computed = new EnumMap<>(Quantity.class);
        for (Quantity q : config.cell().quantities()) {
          ms.put(q, layer.trace(q, s));
          putIfKept(pre, q, layer.tracePre(q, s));
          putIfKept(computed, q, layer.traceAsComputed(q, s));
        }
        layersOfS.add(ms);
        preOfS.add(pre);
        computedOfS.add(computed);
      }
      float[][] sp = new float[T][];
      for (int t = 0; t < T; t++) {
        sp[t] = stepProbs[t * b + s];
      }
      float[] probs = sp[T - 1];
      out.add(
          new GateTrace(
              config.cell(),
              config.hidden(),
              layersOfS,
              preOfS,
              computedOfS,
              interventions,
              sp,
              probs,
              argmax(probs)));
    }
    return out;
  }

  private static void putIfKept(Map<Quantity, float[][]> m, Quantity q, float[][] v) {
    if (v != null) {
      m.put(q, v);
    }
  }

  /**
   * Rearranges a row-major time-major batch [T·B, F] into the model's reading order: for columns,
   * step t holds column t of every image; for permuted rows, step t holds row ORDER[t].
   */
  private INDArray read(INDArray x, int b) {
    Reading r = config.reading();
    if (r == Reading.ROWS) {
      return x;
    }
    if (r == Reading.COLUMNS) {
      // [T, B, F] → swap the step and feature axes → [F, B, T], which is [T·B, F] again.
      return x.reshape('c', T, b, F).permute(2, 1, 0).dup('c').reshape('c', (long) T * b, F);
    }
    INDArray out = Nd4j.createUninitialized(x.dataType(), x.rows(), x.columns());
    for (int t = 0; t < T; t++) {
      int src = r.sliceAt(t);
      Nd.rows(out, (long) t * b, (long) (t + 1) * b)
          .assign(Nd.rows(x, (long) src * b, (long) (src + 1) * b));
    }
    return out;
  }

  RecurrentLayer top() {
    return layers.get(layers.size() - 1);
  }

  private static int batchOf(INDArray input) {
    if (input.rank() != 2 || input.columns() != F || input.rows() % T != 0) {
      throw new IllegalArgumentException(
          "input must be time-major [T·B, "
              + F
              + "], got "
              + java.util.Arrays.toString(input.shape()));
    }
    return (int) (input.rows() / T);
  }

  static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int k = 0; k < z.length; k++) {
      p[k] = Math.exp(z[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < z.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  static float[][] softmaxRows(double[][] z) {
    float[][] out = new float[z.length][];
    for (int i = 0; i < z.length; i++) {
      double[] p = softmax(z[i]);
      out[i] = new float[p.length];
      for (int k = 0; k < p.length; k++) {
        out[i][k] = (float) p[k];
      }
    }
    return out;
  }

  public static int argmax(float[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }
}
