package io.gatescope.core.engine.reference;

import static io.gatescope.core.engine.Quantity.HIDDEN;

import io.gatescope.core.engine.Quantity;
import java.util.List;

/** The vanilla RNN cell, unit by unit: a⟨t⟩ = tanh(x⟨t⟩·W + a⟨t−1⟩·RW + b). */
final class ReferenceRnn extends ReferenceLayer {
  private final double[][] w;
  private final double[][] rw;
  private final double[] b;

  ReferenceRnn(int index, int in, int h, ReferenceParams p) {
    super(index, in, h);
    w = p.get(prefix + "W");
    rw = p.get(prefix + "RW");
    b = p.get(prefix + "b")[0];
  }

  @Override
  List<Quantity> quantities() {
    return List.of(HIDDEN);
  }

  @Override
  List<Quantity> preQuantities() {
    return List.of(HIDDEN);
  }

  @Override
  void step(int t, int s) {
    for (int u = 0; u < h; u++) {
      double z = dotColumn(x[t][s], w, u) + dotColumn(a[t][s], rw, u) + b[u];
      pre.get(HIDDEN)[t][s][u] = z;
      a[t + 1][s][u] = Math.tanh(z);
    }
  }

  @Override
  double[] backStep(int t, int s, double[] da, double[] dx, ReferenceParams grads) {
    double[][] dw = grads.get(prefix + "W");
    double[][] drw = grads.get(prefix + "RW");
    double[] db = grads.get(prefix + "b")[0];
    double[] daPrev = new double[h];
    for (int u = 0; u < h; u++) {
      double aNow = a[t + 1][s][u];
      double dz = da[u] * (1 - aNow * aNow);
      addOuter(dw, x[t][s], u, dz);
      addOuter(drw, a[t][s], u, dz);
      db[u] += dz;
      addColumn(dx, w, u, dz);
      addColumn(daPrev, rw, u, dz);
    }
    return daPrev;
  }
}
