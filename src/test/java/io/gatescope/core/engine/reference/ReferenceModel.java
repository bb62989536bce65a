package io.gatescope.core.engine.reference;

import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.Reading;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A plain double-precision reference of the whole classifier, written from the lesson and
 * independent of the engine: the image read slice by slice, x⟨t⟩ → optional projection x⟨t⟩·Wp + bp
 * (no activation, never folded) → recurrent layers → softmax(a⟨T⟩·W_y + b_y), mean cross-entropy,
 * and the gradient by hand-written BPTT. Parameters come as one flat vector in the engine's layout
 * (see {@link ReferenceParams}). Slow and simple on purpose: the engine is checked against it.
 */
final class ReferenceModel {
  private static final int T = ModelConfig.STEPS;
  private static final int F = ModelConfig.FEATURES;
  private static final int K = ModelConfig.CLASSES;

  private final ModelConfig config;
  private final ReferenceParams params;

  ReferenceModel(ModelConfig config, double[] flat) {
    this.config = config;
    this.params = ReferenceParams.unpack(config, flat);
  }

  /** Everything one forward pass computed. */
  record Pass(double[][][] x, List<ReferenceLayer> layers, double[][] logits) {
    ReferenceLayer top() {
      return layers.get(layers.size() - 1);
    }
  }

  /** The loss, the gradient in the flat layout, and the per-step gradients a StepGradients has. */
  record Gradients(double loss, double[] flat, double[][][] hidden, double[][][] input) {}

  /**
   * What is read at step t: for rows, row {@code reading.sliceAt(t)} of each image (784 pixels,
   * row-major); for columns, column t. Returns [T][B][F].
   */
  double[][][] read(double[][] images) {
    Reading r = config.reading();
    double[][][] x = new double[T][images.length][F];
    for (int t = 0; t < T; t++) {
      int slice = r.sliceAt(t);
      for (int s = 0; s < images.length; s++) {
        for (int f = 0; f < F; f++) {
          x[t][s][f] = r == Reading.COLUMNS ? images[s][f * F + slice] : images[s][slice * F + f];
        }
      }
    }
    return x;
  }

  Pass forward(double[][] images, List<Intervention> interventions) {
    return forward(images, interventions, null);
  }

  /** As {@link #forward(double[][], List)}, with one value of one layer nudged (or none: null). */
  Pass forward(double[][] images, List<Intervention> interventions, ReferenceLayer.Nudge nudge) {
    double[][][] x = read(images);
    double[][][] input = config.projection() > 0 ? project(x) : x;
    List<ReferenceLayer> layers = new ArrayList<>();
    for (int l = 0; l < config.layers(); l++) {
      ReferenceLayer layer = newLayer(l, input[0][0].length);
      input = layer.forward(input, interventions, nudge);
      layers.add(layer);
    }
    ReferenceLayer top = layers.get(layers.size() - 1);
    double[][] logits = new double[images.length][];
    for (int s = 0; s < images.length; s++) {
      logits[s] = output(top.a[T][s]);
    }
    return new Pass(x, layers, logits);
  }

  private ReferenceLayer newLayer(int l, int in) {
    int h = config.hidden();
    return switch (config.cell()) {
      case LSTM -> new ReferenceLstm(l, in, h, params);
      case GRU -> new ReferenceGru(l, in, h, params);
      case RNN -> new ReferenceRnn(l, in, h, params);
    };
  }

  /** x⟨t⟩·Wp + bp for every step and sample, [T][B][P]. */
  private double[][][] project(double[][][] x) {
    double[][] wp = params.get("proj.W");
    double[] bp = params.get("proj.b")[0];
    int p = config.projection();
    double[][][] out = new double[T][x[0].length][p];
    for (int t = 0; t < T; t++) {
      for (int s = 0; s < x[0].length; s++) {
        for (int j = 0; j < p; j++) {
          out[t][s][j] = ReferenceLayer.dotColumn(x[t][s], wp, j) + bp[j];
        }
      }
    }
    return out;
  }

  /** The output layer's logits a·W_y + b_y for one a, [K]. */
  private double[] output(double[] a) {
    double[][] wy = params.get("out.W");
    double[] by = params.get("out.b")[0];
    double[] z = new double[K];
    for (int k = 0; k < K; k++) {
      z[k] = ReferenceLayer.dotColumn(a, wy, k) + by[k];
    }
    return z;
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

  /** Class probabilities [B][K]. */
  double[][] probabilities(double[][] images, List<Intervention> interventions) {
    double[][] z = forward(images, interventions).logits();
    double[][] p = new double[z.length][];
    for (int s = 0; s < z.length; s++) {
      p[s] = softmax(z[s]);
    }
    return p;
  }

  /** Mean cross-entropy over the batch. */
  double loss(double[][] images, int[] labels) {
    return loss(images, labels, null);
  }

  /** The same with one value nudged (for ∂loss/∂(that value) by finite differences). */
  double loss(double[][] images, int[] labels, ReferenceLayer.Nudge nudge) {
    double[][] z = forward(images, List.of(), nudge).logits();
    double loss = 0;
    for (int s = 0; s < labels.length; s++) {
      loss -= Math.log(softmax(z[s])[labels[s]]);
    }
    return loss / labels.length;
  }

  /** The loss and its gradient with respect to every parameter, the top layer's a and the input. */
  Gradients lossAndGradient(double[][] images, int[] labels) {
    Pass pass = forward(images, List.of());
    int batch = images.length;
    ReferenceParams grads = ReferenceParams.zeros(config);
    double[][] dwy = grads.get("out.W");
    double[] dby = grads.get("out.b")[0];
    double[][] wy = params.get("out.W");
    ReferenceLayer top = pass.top();
    double[][][] dOut = new double[T][batch][config.hidden()]; // only a⟨T⟩ feeds the output
    double loss = 0;
    for (int s = 0; s < batch; s++) {
      double[] p = softmax(pass.logits()[s]);
      loss -= Math.log(p[labels[s]]);
      for (int k = 0; k < K; k++) {
        double dz = (p[k] - (k == labels[s] ? 1 : 0)) / batch; // ∂(mean CE)/∂logit
        ReferenceLayer.addOuter(dwy, top.a[T][s], k, dz);
        dby[k] += dz;
        ReferenceLayer.addColumn(dOut[T - 1][s], wy, k, dz);
      }
    }
    for (int l = pass.layers().size() - 1; l >= 0; l--) {
      dOut = pass.layers().get(l).backward(dOut, grads);
    }
    double[][][] dx = dOut;
    if (config.projection() > 0) {
      dx = projectionBackward(pass.x(), dOut, grads);
    }
    return new Gradients(loss / batch, grads.flat(), top.hiddenGradient, dx);
  }

  /** From ∂loss/∂(projected) [T][B][P]: accumulates ∂Wp, ∂bp and returns ∂loss/∂x [T][B][F]. */
  private double[][][] projectionBackward(
      double[][][] x, double[][][] dProjected, ReferenceParams grads) {
    double[][] wp = params.get("proj.W");
    double[][] dwp = grads.get("proj.W");
    double[] dbp = grads.get("proj.b")[0];
    double[][][] dx = new double[T][x[0].length][F];
    for (int t = 0; t < T; t++) {
      for (int s = 0; s < x[0].length; s++) {
        for (int j = 0; j < config.projection(); j++) {
          double d = dProjected[t][s][j];
          ReferenceLayer.addOuter(dwp, x[t][s], j, d);
          dbp[j] += d;
          ReferenceLayer.addColumn(dx[t][s], wp, j, d);
        }
      }
    }
    return dx;
  }

  /** One trace per sample. */
  List<ReferenceTrace> trace(double[][] images, List<Intervention> interventions) {
    Pass pass = forward(images, interventions);
    List<ReferenceTrace> out = new ArrayList<>();
    for (int s = 0; s < images.length; s++) {
      double[][] steps = new double[T][];
      for (int t = 0; t < T; t++) {
        steps[t] = softmax(output(pass.top().a[t + 1][s]));
      }
      List<Map<Quantity, double[][]>> values = new ArrayList<>();
      List<Map<Quantity, double[][]>> pre = new ArrayList<>();
      List<Map<Quantity, double[][]>> computed = new ArrayList<>();
      for (ReferenceLayer layer : pass.layers()) {
        values.add(sampleOf(layer.values, s));
        pre.add(sampleOf(layer.pre, s));
        computed.add(sampleOf(layer.computed, s));
      }
      out.add(new ReferenceTrace(values, pre, computed, steps));
    }
    return out;
  }

  /** [T][H] of sample s from each [T][B][H] array. */
  private static Map<Quantity, double[][]> sampleOf(Map<Quantity, double[][][]> all, int s) {
    Map<Quantity, double[][]> out = new EnumMap<>(Quantity.class);
    all.forEach(
        (q, v) -> {
          double[][] m = new double[T][];
          for (int t = 0; t < T; t++) {
            m[t] = v[t][s].clone();
          }
          out.put(q, m);
        });
    return out;
  }
}
