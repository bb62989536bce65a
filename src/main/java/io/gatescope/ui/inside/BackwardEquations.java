package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.BackwardTrace;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The backward relations of one unit at one timestep with the real numbers: every factor is read
 * from the forward trace (gates, c̃, c, tanh c, a) or the backward trace (∂L/∂…), and every result
 * is the backward trace's own value; nothing is recomputed but the products written out.
 */
final class BackwardEquations {
  private static final String NL = System.lineSeparator();
  private static final String CAND = "c\u0303";

  private BackwardEquations() {}

  /**
   * Lines of text; t is 1-based. {@code fwd} is the forward trace (without interventions) of the
   * same model and input as {@code bt}.
   */
  static String describe(GateTrace fwd, BackwardTrace bt, int layer, int t, int u) {
    Values v = new Values(fwd, bt, layer, t - 1, u);
    int last = bt.layers().get(layer).get(Quantity.HIDDEN).length;
    StringBuilder sb = new StringBuilder();
    sb.append(Messages.get("inside.back.eq.header", u, t, bt.target()))
        .append(" ∂L/∂a⟨t⟩ = ")
        .append(g(v.back(Quantity.HIDDEN)))
        .append("    (")
        .append(Messages.get(t == last ? "inside.back.eq.a.last" : "inside.back.eq.a.next"))
        .append(")")
        .append(NL);
    if (bt.cell() == CellType.LSTM) {
      lstm(sb, v, t == last);
    } else if (bt.cell() == CellType.GRU) {
      gru(sb, v);
    } else {
      sb.append(Messages.get("inside.back.eq.rnn", f(v.fwd(Quantity.HIDDEN)))).append(NL);
    }
    return sb.toString();
  }

  private static void lstm(StringBuilder sb, Values v, boolean last) {
    float da = v.back(Quantity.HIDDEN);
    float dc = v.back(Quantity.CELL);
    String viaA =
        g(da) + "×" + f(v.fwd(Quantity.OUTPUT)) + "×(1−" + sq(v.fwd(Quantity.CELL_TANH)) + ")";
    if (last) {
      sb.append("∂L/∂c⟨t⟩ = ∂L/∂a⟨t⟩⊙Γo⊙(1−tanh²c⟨t⟩) = ")
          .append(viaA)
          .append(" = ")
          .append(g(dc))
          .append(NL);
    } else {
      sb.append("∂L/∂c⟨t⟩ = ∂L/∂a⟨t⟩⊙Γo⊙(1−tanh²c⟨t⟩) + ∂L/∂c⟨t+1⟩⊙Γf⟨t+1⟩").append(NL);
      sb.append("         = ")
          .append(viaA)
          .append(" + ")
          .append(factor(g(v.nextBack(Quantity.CELL))))
          .append("×")
          .append(f(v.nextFwd(Quantity.FORGET)))
          .append(" = ")
          .append(g(dc))
          .append(NL);
    }
    product(sb, "∂L/∂Γo = ∂L/∂a⟨t⟩⊙tanh(c⟨t⟩)", da, v.fwd(Quantity.CELL_TANH), v, Quantity.OUTPUT);
    product(
        sb, "∂L/∂Γu = ∂L/∂c⟨t⟩⊙" + CAND + "⟨t⟩", dc, v.fwd(Quantity.CANDIDATE), v, Quantity.UPDATE);
    product(
        sb, "∂L/∂" + CAND + " = ∂L/∂c⟨t⟩⊙Γu", dc, v.fwd(Quantity.UPDATE), v, Quantity.CANDIDATE);
    product(sb, "∂L/∂Γf = ∂L/∂c⟨t⟩⊙c⟨t−1⟩", dc, v.previousFwd(Quantity.CELL), v, Quantity.FORGET);
  }

  private static void gru(StringBuilder sb, Values v) {
    float da = v.back(Quantity.HIDDEN);
    sb.append("∂L/∂Γu = ∂L/∂a⟨t⟩⊙(" + CAND + "⟨t⟩ − a⟨t−1⟩) = ")
        .append(g(da))
        .append("×(")
        .append(f(v.fwd(Quantity.CANDIDATE)))
        .append(" − ")
        .append(factor(v.previousFwd(Quantity.HIDDEN)))
        .append(") = ")
        .append(g(v.back(Quantity.UPDATE)))
        .append(NL);
    product(
        sb, "∂L/∂" + CAND + " = ∂L/∂a⟨t⟩⊙Γu", da, v.fwd(Quantity.UPDATE), v, Quantity.CANDIDATE);
    sb.append("∂L/∂Γr = ")
        .append(g(v.back(Quantity.RESET)))
        .append("    (")
        .append(Messages.get("inside.back.eq.reset"))
        .append(")")
        .append(NL);
  }

  /** "lhs = a×b = result", the result being the backward trace's value of q. */
  private static void product(
      StringBuilder sb, String lhs, float a, float b, Values v, Quantity q) {
    sb.append(lhs)
        .append(" = ")
        .append(g(a))
        .append("×")
        .append(factor(b))
        .append(" = ")
        .append(g(v.back(q)))
        .append(NL);
  }

  /** The numbers of one unit at step i (0-based) of one layer, forward and backward. */
  private record Values(GateTrace fwd, BackwardTrace bt, int layer, int i, int u) {
    float fwd(Quantity q) {
      return fwd.get(layer, q)[i][u];
    }

    float previousFwd(Quantity q) {
      return i == 0 ? 0 : fwd.get(layer, q)[i - 1][u];
    }

    float nextFwd(Quantity q) {
      return fwd.get(layer, q)[i + 1][u];
    }

    float back(Quantity q) {
      return bt.get(layer, q)[i][u];
    }

    float nextBack(Quantity q) {
      return bt.get(layer, q)[i + 1][u];
    }
  }

  /** A gradient: three significant digits ("0.00123", "4.56e-07"). */
  static String g(double v) {
    return String.format("%.3g", v == 0 ? 0.0 : v);
  }

  /** A forward value: three decimals, as the forward equations print it. */
  private static String f(double v) {
    return String.format("%.3f", v == 0 ? 0.0 : v);
  }

  private static String factor(double v) {
    return factor(f(v));
  }

  /** A number written as the second factor of a product: in brackets when negative. */
  private static String factor(String s) {
    return s.startsWith("-") ? "(" + s + ")" : s;
  }

  /** "0.683²", bracketed when negative; near ±1 with the digits that keep 1 − x² apart from 0. */
  private static String sq(double v) {
    return factor(squareBase(v)) + "²";
  }

  /**
   * tanh(c) as the base of (1 − tanh²c): three decimals, unless they would read ±1.000 for a value
   * that is not ±1 (a saturated unit): then the 1 − x² the student works out would be 0 while the
   * gradient beside it is not. Such a value gets decimals up to its first digit apart from 1, and
   * two more, so 1 − x² read from the text has three significant digits.
   */
  static String squareBase(double v) {
    double x = Math.abs(v);
    if (!(x >= 0.9995 && x < 1)) { // NaN too: written as the other forward values are
      return f(v);
    }
    int d = 3;
    while (d < 12 && roundsToOne(x, d)) {
      d++;
    }
    return String.format("%." + (d + 2) + "f", v);
  }

  private static boolean roundsToOne(double x, int decimals) {
    return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).compareTo(BigDecimal.ONE)
        >= 0;
  }
}
