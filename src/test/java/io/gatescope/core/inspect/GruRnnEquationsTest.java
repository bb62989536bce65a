package io.gatescope.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GRU's and the vanilla RNN's equations print the numbers the trace holds. */
class GruRnnEquationsTest {
  private static final int U = 6;
  private static final String NUM = "(-?\\d+\\.\\d+)";
  private static final String FACTOR = "\\(?(-?\\d+\\.\\d+)\\)?";
  private final Locale before = Messages.language();

  @BeforeEach
  void english() {
    Messages.use(Locale.ENGLISH);
  }

  @AfterEach
  void restoreLanguage() {
    Messages.use(before);
  }

  private static float[] image() {
    float[] img = new float[784];
    for (int i = 0; i < 784; i++) {
      img[i] = (i * 53 % 97) / 96f;
    }
    return img;
  }

  private static RecurrentClassifier model(CellType cell) {
    return RecurrentClassifier.create(new ModelConfig(cell, 1, 10, 8, 1, 7));
  }

  private static String line(String text, String start) {
    for (String l : text.split("\\R")) {
      if (l.startsWith(start)) {
        return l;
      }
    }
    throw new AssertionError("no line " + start + " in\n" + text);
  }

  /** The numbers the pattern's groups catch in the line that starts with {@code start}. */
  private static double[] numbers(String text, String start, String pattern) {
    String l = line(text, start);
    Matcher m = Pattern.compile(pattern).matcher(l);
    assertTrue(m.find(), pattern + " in " + l);
    double[] out = new double[m.groupCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Double.parseDouble(m.group(i + 1));
    }
    return out;
  }

  private static void near(double want, double shown, String what) {
    assertEquals(want, shown, 0.0005 + 1e-9, what);
  }

  @Test
  void gruEquationsShowTheTracedNumbers() {
    GateTrace tr = model(CellType.GRU).trace(image());
    for (int t : new int[] {1, 2, 15, 28}) {
      String text = Equations.describe(tr, 0, t, U);
      int i = t - 1;
      assertTrue(text.startsWith("unit " + U + ", timestep t = " + t), text);
      assertFalse(text.contains("→"), text);
      for (Quantity q : new Quantity[] {Quantity.RESET, Quantity.UPDATE}) {
        double[] n = numbers(text, q.symbol() + " = ", "= σ\\(" + NUM + "\\) = " + NUM);
        near(tr.preActivation(0, q)[i][U], n[0], q.symbol() + " pre-activation, t=" + t);
        near(tr.top(q)[i][U], n[1], q.symbol() + ", t=" + t);
      }
      double[] c = numbers(text, "c̃⟨t⟩ = ", "= tanh\\(" + NUM + "\\) = " + NUM);
      near(tr.preActivation(0, Quantity.CANDIDATE)[i][U], c[0], "c̃ pre-activation, t=" + t);
      near(tr.top(Quantity.CANDIDATE)[i][U], c[1], "c̃, t=" + t);
      double[] a =
          numbers(
              text,
              "a⟨t⟩ = ",
              "= " + NUM + "×" + FACTOR + " \\+ " + NUM + "×" + FACTOR + " = " + NUM);
      float gu = tr.top(Quantity.UPDATE)[i][U];
      near(gu, a[0], "Γu in a, t=" + t);
      near(tr.top(Quantity.CANDIDATE)[i][U], a[1], "c̃ in a, t=" + t);
      near(1 - gu, a[2], "1 − Γu in a, t=" + t);
      near(i == 0 ? 0 : tr.top(Quantity.HIDDEN)[i - 1][U], a[3], "a⟨t−1⟩, t=" + t);
      near(tr.top(Quantity.HIDDEN)[i][U], a[4], "a, t=" + t);
    }
  }

  @Test
  void aClampedGruUpdateGateShowsItsComputedValueAndTheClampInA() {
    Intervention half = new Intervention(0, Quantity.UPDATE, new int[] {U}, 0.5f);
    GateTrace tr = model(CellType.GRU).trace(image(), List.of(half));
    int t = 12;
    int i = t - 1;
    String text = Equations.describe(tr, 0, t, U);
    double[] gu = numbers(text, "Γu = ", "= σ\\(" + NUM + "\\) = " + NUM);
    float computed = tr.asComputed(0, Quantity.UPDATE)[i][U];
    near(tr.preActivation(0, Quantity.UPDATE)[i][U], gu[0], "Γu pre-activation");
    near(computed, gu[1], "Γu as computed");
    assertTrue(Math.abs(computed - 0.5) > 0.001, "a computed value unlike the clamp: " + computed);
    assertTrue(
        line(text, "Γu = ").endsWith("→ clamped to 0.500 (your intervention)"),
        line(text, "Γu = "));
    assertFalse(line(text, "Γr = ").contains("→"), line(text, "Γr = "));
    double[] a =
        numbers(
            text,
            "a⟨t⟩ = ",
            "= " + NUM + "×" + FACTOR + " \\+ " + NUM + "×" + FACTOR + " = " + NUM);
    near(0.5, a[0], "the clamp in a");
    near(0.5, a[2], "1 − the clamp in a");
    near(tr.top(Quantity.CANDIDATE)[i][U], a[1], "c̃ in a");
    near(tr.top(Quantity.HIDDEN)[i - 1][U], a[3], "a⟨t−1⟩ in a");
    near(tr.top(Quantity.HIDDEN)[i][U], a[4], "a");
    near(
        0.5 * tr.top(Quantity.CANDIDATE)[i][U] + 0.5 * tr.top(Quantity.HIDDEN)[i - 1][U],
        a[4],
        "a from the clamp");
  }

  @Test
  void rnnEquationShowsThePreActivationAndTheHiddenState() {
    GateTrace tr = model(CellType.RNN).trace(image());
    for (int t : new int[] {1, 9, 28}) {
      String text = Equations.describe(tr, 0, t, U);
      assertEquals(2, text.split("\\R").length, text);
      double[] n = numbers(text, "a⟨t⟩ = ", "= tanh\\(" + NUM + "\\) = " + NUM + "$");
      near(tr.preActivation(0, Quantity.HIDDEN)[t - 1][U], n[0], "pre-activation, t=" + t);
      near(tr.top(Quantity.HIDDEN)[t - 1][U], n[1], "a, t=" + t);
    }
  }

  @Test
  void aSilencedRnnUnitShowsWhatItComputedThenZero() {
    GateTrace tr = model(CellType.RNN).trace(image(), List.of(Intervention.silence(0, U)));
    int t = 20;
    String text = Equations.describe(tr, 0, t, U);
    double[] n =
        numbers(
            text,
            "a⟨t⟩ = ",
            "= tanh\\(" + NUM + "\\) = " + NUM + " → silenced to 0.000 \\(your intervention\\)$");
    float pre = tr.preActivation(0, Quantity.HIDDEN)[t - 1][U];
    near(pre, n[0], "pre-activation");
    near(Math.tanh(pre), n[1], "a as computed");
    assertTrue(Math.abs(n[1]) > 0.001, "a unit that computed something: " + n[1]);
    assertEquals(0f, tr.top(Quantity.HIDDEN)[t - 1][U], 0f);
  }
}
