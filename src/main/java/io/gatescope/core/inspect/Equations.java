package io.gatescope.core.inspect;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;

/**
 * The cell's equations for one unit at one timestep with the real numbers filled in, in the
 * lesson's notation. Every number is one the forward pass computed and the trace kept: the
 * pre-activation inside σ or tanh and the value it gave. Where an intervention replaced a value,
 * the line shows the computed value first and then what the intervention put in its place.
 */
public final class Equations {
  private Equations() {}

  /** Lines of text; t is 1-based, as in the lesson. */
  public static String describe(GateTrace tr, int layer, int t, int u) {
    Cell cell = new Cell(tr, layer, t - 1, u);
    StringBuilder sb = new StringBuilder();
    sb.append(Messages.get("equations.header", u, t)).append(System.lineSeparator());
    if (tr.cell() == CellType.LSTM) {
      float gu = cell.value(Quantity.UPDATE);
      float gf = cell.value(Quantity.FORGET);
      float go = cell.value(Quantity.OUTPUT);
      float cand = cell.value(Quantity.CANDIDATE);
      float c = cell.value(Quantity.CELL);
      float cPrev = cell.previous(Quantity.CELL);
      sb.append(cell.gate(Quantity.UPDATE, "σ", Messages.get("equations.lstm.update")));
      sb.append(cell.gate(Quantity.FORGET, "σ", Messages.get("equations.lstm.forget")));
      sb.append(cell.gate(Quantity.OUTPUT, "σ", Messages.get("equations.lstm.output")));
      sb.append(cell.gate(Quantity.CANDIDATE, "tanh", null));
      sb.append(
          String.format(
              "c⟨t⟩ = Γu⊙c̃⟨t⟩ + Γf⊙c⟨t−1⟩ = %s×%s + %s×%s = %s%n",
              f(gu), factor(cand), f(gf), factor(cPrev), f(c)));
      sb.append(
          cell.result("a⟨t⟩ = Γo⊙tanh(c⟨t⟩) = " + f(go) + "×tanh(" + f(c) + ")", Quantity.HIDDEN));
    } else if (tr.cell() == CellType.GRU) {
      float gu = cell.value(Quantity.UPDATE);
      float cand = cell.value(Quantity.CANDIDATE);
      float aPrev = cell.previous(Quantity.HIDDEN);
      sb.append(cell.gate(Quantity.RESET, "σ", Messages.get("equations.gru.reset")));
      sb.append(cell.gate(Quantity.UPDATE, "σ", Messages.get("equations.gru.update")));
      sb.append(cell.gate(Quantity.CANDIDATE, "tanh", null));
      sb.append(
          cell.result(
              String.format(
                  "a⟨t⟩ = Γu⊙c̃⟨t⟩ + (1−Γu)⊙a⟨t−1⟩ = %s×%s + %s×%s",
                  f(gu), factor(cand), f(1 - gu), factor(aPrev)),
              Quantity.HIDDEN));
    } else {
      sb.append(
          cell.result(
              "a⟨t⟩ = tanh(W[a⟨t−1⟩, x⟨t⟩] + b) = tanh(" + f(cell.pre(Quantity.HIDDEN)) + ")",
              Quantity.HIDDEN));
    }
    return sb.toString();
  }

  /** One unit at one step (i 0-based) of one layer of a trace. */
  private record Cell(GateTrace tr, int layer, int i, int u) {
    float value(Quantity q) {
      return tr.get(layer, q)[i][u];
    }

    float previous(Quantity q) {
      return i == 0 ? 0 : tr.get(layer, q)[i - 1][u];
    }

    float pre(Quantity q) {
      float[][] z = tr.preActivation(layer, q);
      if (z == null) {
        throw new IllegalStateException("the trace kept no pre-activation of " + q.symbol());
      }
      return z[i][u];
    }

    /** "Γf = σ(z) = g (what it does)", or "… = g → clamped to v (your intervention)". */
    String gate(Quantity q, String fn, String role) {
      String lhs = q == Quantity.CANDIDATE ? "c̃⟨t⟩" : q.symbol();
      String eq = lhs + " = " + fn + "(" + f(pre(q)) + ") = " + f(tr.asComputed(layer, q)[i][u]);
      String note = intervention(q);
      if (note != null) {
        return eq + " " + note + System.lineSeparator();
      }
      return eq + (role == null ? "" : "    (" + role + ")") + System.lineSeparator();
    }

    /** "lhs = computed", then what an intervention made of it, if one did. */
    String result(String lhs, Quantity q) {
      String note = intervention(q);
      return lhs
          + " = "
          + f(tr.asComputed(layer, q)[i][u])
          + (note == null ? "" : " " + note)
          + System.lineSeparator();
    }

    /** What an intervention did to q here, or null when none did. */
    private String intervention(Quantity q) {
      Intervention iv = tr.interventionOn(layer, q, u);
      if (iv == null) {
        return null;
      }
      String now = f(value(q));
      if (q.isGate()) {
        return Messages.get("equations.clamped", now);
      }
      return iv.value() == 0
          ? Messages.get("equations.silenced", now)
          : Messages.get("equations.scaled", f(iv.value()), now);
    }
  }

  /** A second factor of a product: in brackets when negative, so "0.851×(-0.310)" reads right. */
  static String factor(double v) {
    String s = f(v);
    return s.startsWith("-") ? "(" + s + ")" : s;
  }

  /** Three decimals; −0 (a negative value silenced by ×0) reads as 0. */
  static String f(double v) {
    return String.format("%.3f", v == 0 ? 0.0 : v);
  }
}
