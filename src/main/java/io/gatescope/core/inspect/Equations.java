package io.gatescope.core.inspect;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;

/**
 * The cell's equations for one unit at one timestep with the real numbers filled in, in the
 * lesson's notation. Pre-activations are recovered from the gates (σ⁻¹, tanh⁻¹).
 */
public final class Equations {
  private Equations() {}

  /** Lines of text; t is 1-based, as in the lesson. */
  public static String describe(GateTrace tr, int layer, int t, int u) {
    int i = t - 1;
    StringBuilder sb = new StringBuilder();
    sb.append(Messages.get("equations.header", u, t)).append(System.lineSeparator());
    if (tr.cell() == CellType.LSTM) {
      float gu = tr.get(layer, Quantity.UPDATE)[i][u];
      float gf = tr.get(layer, Quantity.FORGET)[i][u];
      float go = tr.get(layer, Quantity.OUTPUT)[i][u];
      float cand = tr.get(layer, Quantity.CANDIDATE)[i][u];
      float c = tr.get(layer, Quantity.CELL)[i][u];
      float cPrev = i == 0 ? 0 : tr.get(layer, Quantity.CELL)[i - 1][u];
      float a = tr.get(layer, Quantity.HIDDEN)[i][u];
      sb.append(
          String.format(
              "Γu = σ(%s) = %s    (%s)%n",
              f(logit(gu)), f(gu), Messages.get("equations.lstm.update")));
      sb.append(
          String.format(
              "Γf = σ(%s) = %s    (%s)%n",
              f(logit(gf)), f(gf), Messages.get("equations.lstm.forget")));
      sb.append(
          String.format(
              "Γo = σ(%s) = %s    (%s)%n",
              f(logit(go)), f(go), Messages.get("equations.lstm.output")));
      sb.append(String.format("c̃⟨t⟩ = tanh(%s) = %s%n", f(atanh(cand)), f(cand)));
      sb.append(
          String.format(
              "c⟨t⟩ = Γu⊙c̃⟨t⟩ + Γf⊙c⟨t−1⟩ = %s×%s + %s×%s = %s%n",
              f(gu), f(cand), f(gf), f(cPrev), f(c)));
      sb.append(String.format("a⟨t⟩ = Γo⊙tanh(c⟨t⟩) = %s×tanh(%s) = %s%n", f(go), f(c), f(a)));
    } else if (tr.cell() == CellType.GRU) {
      float gu = tr.get(layer, Quantity.UPDATE)[i][u];
      float gr = tr.get(layer, Quantity.RESET)[i][u];
      float cand = tr.get(layer, Quantity.CANDIDATE)[i][u];
      float a = tr.get(layer, Quantity.HIDDEN)[i][u];
      float aPrev = i == 0 ? 0 : tr.get(layer, Quantity.HIDDEN)[i - 1][u];
      sb.append(
          String.format(
              "Γr = σ(%s) = %s    (%s)%n",
              f(logit(gr)), f(gr), Messages.get("equations.gru.reset")));
      sb.append(
          String.format(
              "Γu = σ(%s) = %s    (%s)%n",
              f(logit(gu)), f(gu), Messages.get("equations.gru.update")));
      sb.append(String.format("c̃⟨t⟩ = tanh(%s) = %s%n", f(atanh(cand)), f(cand)));
      sb.append(
          String.format(
              "a⟨t⟩ = Γu⊙c̃⟨t⟩ + (1−Γu)⊙a⟨t−1⟩ = %s×%s + %s×%s = %s%n",
              f(gu), f(cand), f(1 - gu), f(aPrev), f(a)));
    } else {
      float a = tr.get(layer, Quantity.HIDDEN)[i][u];
      sb.append(
          String.format("a⟨t⟩ = tanh(W[a⟨t−1⟩, x⟨t⟩] + b) = tanh(%s) = %s%n", f(atanh(a)), f(a)));
    }
    return sb.toString();
  }

  static double logit(double g) {
    double p = Math.min(1 - 1e-7, Math.max(1e-7, g));
    return Math.log(p / (1 - p));
  }

  static double atanh(double y) {
    double v = Math.min(1 - 1e-7, Math.max(-1 + 1e-7, y));
    return 0.5 * Math.log((1 + v) / (1 - v));
  }

  static String f(double v) {
    return String.format("%.3f", v);
  }
}
