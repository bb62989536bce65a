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
import org.junit.jupiter.api.Test;

/** The equations show only numbers the forward pass computed, also under interventions. */
class EquationsTest {
  private static final int U = 4;
  private static final int T = 9; // 1-based
  private final Locale before = Messages.language();

  @AfterEach
  void restoreLanguage() {
    Messages.use(before);
  }

  private static float[] image() {
    float[] img = new float[784];
    for (int i = 0; i < 784; i++) {
      img[i] = (i * 37 % 101) / 100f;
    }
    return img;
  }

  private static RecurrentClassifier model() {
    return RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 12, 8, 1, 3));
  }

  /** The two numbers of "sym = fn(x) = y" at the start of the line that starts with sym. */
  private static double[] numbers(String text, String sym, String fn) {
    Matcher m =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(sym)
                    + " = "
                    + fn
                    + "\\((-?\\d+[.,]\\d+)\\) = (-?\\d+[.,]\\d+)(.*)$")
            .matcher(text);
    assertTrue(m.find(), sym + " line in\n" + text);
    return new double[] {parse(m.group(1)), parse(m.group(2))};
  }

  private static String line(String text, String start) {
    for (String l : text.split("\\R")) {
      if (l.startsWith(start)) {
        return l;
      }
    }
    throw new AssertionError("no line " + start + " in\n" + text);
  }

  private static double parse(String s) {
    return Double.parseDouble(s.replace(',', '.'));
  }

  @Test
  void aClampedGateShowsItsComputedPreActivationAndSaysTheInterventionReplacedIt() {
    Messages.use(Locale.ENGLISH);
    Intervention clamp = new Intervention(0, Quantity.FORGET, new int[] {U}, 0f);
    GateTrace tr = model().trace(image(), List.of(clamp));
    String text = Equations.describe(tr, 0, T, U);

    double[] gf = numbers(text, "Γf", "σ");
    float pre = tr.preActivation(0, Quantity.FORGET)[T - 1][U];
    assertEquals(pre, gf[0], 0.0005, "the argument of σ is the computed pre-activation");
    assertEquals(1 / (1 + Math.exp(-pre)), gf[1], 0.0005, "σ of it, as computed");
    assertTrue(gf[1] > 0.001, "the computed gate, not the clamp value: " + gf[1]);
    // Not σ⁻¹ of the clamped value, the number the old panel invented.
    assertFalse(text.contains("-16.118"), text);
    assertTrue(
        line(text, "Γf").endsWith("→ clamped to 0.000 (your intervention)"), line(text, "Γf"));
    // The cell state uses the clamped gate, and says so by showing 0.000 for Γf.
    assertTrue(line(text, "c⟨t⟩").contains(" + 0.000×"), line(text, "c⟨t⟩"));
    // Lines the clamp did not touch carry no intervention note.
    assertFalse(line(text, "Γu").contains("→"), line(text, "Γu"));
    double[] gu = numbers(text, "Γu", "σ");
    assertEquals(tr.preActivation(0, Quantity.UPDATE)[T - 1][U], gu[0], 0.0005);
    assertEquals(tr.top(Quantity.UPDATE)[T - 1][U], gu[1], 0.0005);
    double[] cand = numbers(text, "c̃⟨t⟩", "tanh");
    assertEquals(tr.preActivation(0, Quantity.CANDIDATE)[T - 1][U], cand[0], 0.0005);

    Messages.use(Locale.SIMPLIFIED_CHINESE);
    String zh = Equations.describe(tr, 0, T, U);
    assertEquals(pre, numbers(zh, "Γf", "σ")[0], 0.0005);
    assertTrue(line(zh, "Γf").endsWith("→ 被固定为 0.000（你的干预）"), line(zh, "Γf"));
  }

  @Test
  void aSilencedUnitShowsTheHiddenStateItComputedThenZero() {
    Messages.use(Locale.ENGLISH);
    GateTrace tr = model().trace(image(), List.of(Intervention.silence(0, U)));
    String a = line(Equations.describe(tr, 0, T, U), "a⟨t⟩");
    Matcher m =
        Pattern.compile("= (-?\\d+[.,]\\d+) → silenced to 0.000 \\(your intervention\\)$")
            .matcher(a);
    assertTrue(m.find(), a);
    double computed =
        tr.top(Quantity.OUTPUT)[T - 1][U] * Math.tanh(tr.top(Quantity.CELL)[T - 1][U]);
    assertEquals(computed, parse(m.group(1)), 0.0005, a);
    assertTrue(Math.abs(computed) > 0.0005, "a unit that computed something: " + computed);
  }

  @Test
  void withoutInterventionsTheNumbersAreTheTracesOwn() {
    Messages.use(Locale.ENGLISH);
    GateTrace tr = model().trace(image());
    String text = Equations.describe(tr, 0, T, U);
    assertFalse(text.contains("→"), text);
    for (Quantity q : new Quantity[] {Quantity.UPDATE, Quantity.FORGET, Quantity.OUTPUT}) {
      double[] n = numbers(text, q.symbol(), "σ");
      assertEquals(tr.preActivation(0, q)[T - 1][U], n[0], 0.0005, q.symbol());
      assertEquals(tr.top(q)[T - 1][U], n[1], 0.0005, q.symbol());
    }
  }

  /** A negative second factor is bracketed: "0.851×(-0.310)", never "0.851×-0.310". */
  @Test
  void negativeFactorsAreBracketed() {
    assertEquals("(-0.310)", Equations.factor(-0.31));
    assertEquals("0.310", Equations.factor(0.31));
    Messages.use(Locale.ENGLISH);
    GateTrace tr = model().trace(image());
    for (int t = 1; t <= 28; t++) {
      for (int u = 0; u < tr.top(Quantity.CELL)[0].length; u++) {
        String text = Equations.describe(tr, 0, t, u);
        assertFalse(text.contains("×-"), text);
      }
    }
  }
}
