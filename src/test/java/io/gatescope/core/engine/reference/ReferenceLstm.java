package io.gatescope.core.engine.reference;

import static io.gatescope.core.engine.Quantity.CANDIDATE;
import static io.gatescope.core.engine.Quantity.CELL;
import static io.gatescope.core.engine.Quantity.CELL_TANH;
import static io.gatescope.core.engine.Quantity.FORGET;
import static io.gatescope.core.engine.Quantity.HIDDEN;
import static io.gatescope.core.engine.Quantity.OUTPUT;
import static io.gatescope.core.engine.Quantity.UPDATE;

import io.gatescope.core.engine.Quantity;
import java.util.List;

/**
 * The LSTM cell, unit by unit, each gate its own products:
 *
 * <pre>
 *   c̃⟨t⟩ = tanh(x⟨t⟩·W_c + a⟨t−1⟩·RW_c + b_c)    Γf = σ(x⟨t⟩·W_f + a⟨t−1⟩·RW_f + b_f)
 *   Γo   = σ(x⟨t⟩·W_o + a⟨t−1⟩·RW_o + b_o)      Γu = σ(x⟨t⟩·W_u + a⟨t−1⟩·RW_u + b_u)
 *   c⟨t⟩ = Γu ⊙ c̃⟨t⟩ + Γf ⊙ c⟨t−1⟩              a⟨t⟩ = Γo ⊙ tanh(c⟨t⟩)
 * </pre>
 *
 * Gate g's weights are columns [g·H, (g+1)·H) of W, RW and b, in the order [c̃ | Γf | Γo | Γu].
 */
final class ReferenceLstm extends ReferenceLayer {
  private static final int C = 0;
  private static final int F = 1;
  private static final int O = 2;
  private static final int U = 3;

  private final double[][] w;
  private final double[][] rw;
  private final double[] b;
  private double[] dcNext; // ∂loss/∂c⟨t⟩ through step t+1, for the sample going back

  ReferenceLstm(int index, int in, int h, ReferenceParams p) {
    super(index, in, h);
    w = p.get(prefix + "W");
    rw = p.get(prefix + "RW");
    b = p.get(prefix + "b")[0];
  }

  @Override
  List<Quantity> quantities() {
    return List.of(UPDATE, FORGET, OUTPUT, CANDIDATE, CELL, HIDDEN, CELL_TANH);
  }

  @Override
  List<Quantity> preQuantities() {
    return List.of(CANDIDATE, FORGET, OUTPUT, UPDATE);
  }

  /** x⟨t⟩·W + a⟨t−1⟩·RW + b for gate g of unit u: the gate's own two products. */
  private double z(int g, int t, int s, int u) {
    int col = g * h + u;
    return dotColumn(x[t][s], w, col) + dotColumn(a[t][s], rw, col) + b[col];
  }

  @Override
  void step(int t, int s) {
    for (int u = 0; u < h; u++) {
      double zc = z(C, t, s, u);
      double zf = z(F, t, s, u);
      double zo = z(O, t, s, u);
      double zu = z(U, t, s, u);
      double cand = activated(CANDIDATE, t, s, u, zc, Math.tanh(zc));
      double forget = activated(FORGET, t, s, u, zf, sigmoid(zf));
      double output = activated(OUTPUT, t, s, u, zo, sigmoid(zo));
      double update = activated(UPDATE, t, s, u, zu, sigmoid(zu));
      double cPrev = t == 0 ? 0 : values.get(CELL)[t - 1][s][u];
      double c = nudged(CELL, t, s, u, update * cand + forget * cPrev);
      values.get(CELL)[t][s][u] = c;
      values.get(CELL_TANH)[t][s][u] = Math.tanh(c); // the diagram's wire between c and Γo
      a[t + 1][s][u] = output * Math.tanh(c);
    }
  }

  @Override
  void startBackward() {
    dcNext = new double[h];
  }

  @Override
  double[] backStep(int t, int s, double[] da, double[] dx, ReferenceParams grads) {
    double[][] dw = grads.get(prefix + "W");
    double[][] drw = grads.get(prefix + "RW");
    double[] db = grads.get(prefix + "b")[0];
    double[] daPrev = new double[h];
    for (int u = 0; u < h; u++) {
      double cand = values.get(CANDIDATE)[t][s][u];
      double forget = values.get(FORGET)[t][s][u];
      double output = values.get(OUTPUT)[t][s][u];
      double update = values.get(UPDATE)[t][s][u];
      double cPrev = t == 0 ? 0 : values.get(CELL)[t - 1][s][u];
      double tanhC = Math.tanh(values.get(CELL)[t][s][u]);
      double dc = da[u] * output * (1 - tanhC * tanhC) + dcNext[u]; // ∂loss/∂c⟨t⟩
      double[] dz = new double[4];
      dz[C] = dc * update * (1 - cand * cand);
      dz[F] = dc * cPrev * forget * (1 - forget);
      dz[O] = da[u] * tanhC * output * (1 - output);
      dz[U] = dc * cand * update * (1 - update);
      dcNext[u] = dc * forget; // ∂loss/∂c⟨t−1⟩ through this step
      for (int g = 0; g < 4; g++) {
        int col = g * h + u;
        addOuter(dw, x[t][s], col, dz[g]);
        addOuter(drw, a[t][s], col, dz[g]);
        db[col] += dz[g];
        addColumn(dx, w, col, dz[g]);
        addColumn(daPrev, rw, col, dz[g]);
      }
    }
    return daPrev;
  }
}
