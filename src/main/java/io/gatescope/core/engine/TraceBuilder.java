package io.gatescope.core.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the last (traced) forward pass of a batch into one {@link GateTrace} per sample: every
 * layer's quantities, pre-activations and values as computed, and P(digit | rows 1..t), the output
 * layer applied to every a⟨t⟩ of the top layer.
 */
final class TraceBuilder {
  private static final int T = ModelConfig.STEPS;
  private static final int K = ModelConfig.CLASSES;

  private TraceBuilder() {}

  static List<GateTrace> build(
      ModelConfig config,
      List<RecurrentLayer> layers,
      OutputLayer output,
      int batch,
      List<Intervention> interventions,
      float[] projected) {
    float[][][] stepProbs = stepProbabilities(layers.get(layers.size() - 1), output, batch);
    List<GateTrace> out = new ArrayList<>(batch);
    for (int s = 0; s < batch; s++) {
      List<Map<Quantity, float[][]>> values = new ArrayList<>();
      List<Map<Quantity, float[][]>> pre = new ArrayList<>();
      List<Map<Quantity, float[][]>> computed = new ArrayList<>();
      for (RecurrentLayer layer : layers) {
        Map<Quantity, float[][]> v = new EnumMap<>(Quantity.class);
        Map<Quantity, float[][]> z = new EnumMap<>(Quantity.class);
        Map<Quantity, float[][]> c = new EnumMap<>(Quantity.class);
        for (Quantity q : config.cell().traced()) {
          v.put(q, layer.trace(q, s));
          putIfKept(z, q, layer.tracePre(q, s));
          putIfKept(c, q, layer.traceAsComputed(q, s));
        }
        values.add(v);
        pre.add(z);
        computed.add(c);
      }
      float[] probs = stepProbs[s][T - 1];
      out.add(
          new GateTrace(
              config.cell(),
              config.hidden(),
              values,
              pre,
              computed,
              interventions,
              stepProbs[s],
              probs,
              Softmax.argmax(probs),
              projected == null ? null : sample(projected, batch, s, config.projection())));
    }
    return out;
  }

  /** [B][T][K]: softmax(W_y a⟨t⟩ + b_y) for every step, from the output layer's one product. */
  private static float[][][] stepProbabilities(RecurrentLayer top, OutputLayer output, int batch) {
    float[] z = output.logitsAfterEveryStep(top.outputs()); // [T·B·K], row t·B + s
    float[][][] out = new float[batch][T][];
    double[] zk = new double[K];
    for (int t = 0; t < T; t++) {
      for (int s = 0; s < batch; s++) {
        for (int k = 0; k < K; k++) {
          zk[k] = z[(t * batch + s) * K + k];
        }
        out[s][t] = Softmax.toFloat(Softmax.of(zk));
      }
    }
    return out;
  }

  /** Sample s's [T][width] from time-major rows [T·B, width]. */
  private static float[][] sample(float[] rows, int batch, int s, int width) {
    float[][] out = new float[T][width];
    for (int t = 0; t < T; t++) {
      System.arraycopy(rows, (t * batch + s) * width, out[t], 0, width);
    }
    return out;
  }

  private static void putIfKept(Map<Quantity, float[][]> m, Quantity q, float[][] v) {
    if (v != null) {
      m.put(q, v);
    }
  }
}
