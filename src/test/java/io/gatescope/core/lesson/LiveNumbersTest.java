package io.gatescope.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A caption's live numbers are read where they say, from the trace they name, and shown as the
 * float itself; braces of the text stay text; a number GateScope cannot compute is refused with its
 * reason.
 */
class LiveNumbersTest {
  static GateTrace plain;
  static GateTrace clamped;
  static GateTrace stacked;
  static GateTrace gru;

  @BeforeAll
  static void traces() {
    NativeSetup.init(1);
    float[] img = new float[784];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < img.length; i++) {
      img[i] = (float) r.nextDouble();
    }
    RecurrentClassifier lstm =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 8, 0, 1.0, 3));
    plain = lstm.trace(img);
    clamped = lstm.trace(img, List.of(Intervention.clampAll(0, Quantity.FORGET, 0f)));
    stacked =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 2, 6, 0, 1.0, 4)).trace(img);
    gru = RecurrentClassifier.create(new ModelConfig(CellType.GRU, 1, 8, 0, 1.0, 3)).trace(img);
  }

  @BeforeEach
  @AfterEach
  void english() {
    Messages.use(Locale.ENGLISH); // after too: the next test class expects English
  }

  private static String f(float v) {
    return Float.toString(v);
  }

  @Test
  void probabilitiesAtTheStepsTimestepOrTheirOwn() {
    assertEquals(
        "P(3) = " + f(plain.stepProbabilities()[6][3]) + ".",
        LiveNumbers.fill("P(3) = {P(3)}.", plain, plain, 7));
    assertEquals(
        f(plain.stepProbabilities()[17][9]) + " then " + f(plain.stepProbabilities()[27][0]),
        LiveNumbers.fill("{P(9) @18} then {P(0)@28}", plain, plain, 7));
  }

  @Test
  void quantitiesByUnitRowLayerAndTrace() {
    assertEquals(
        f(clamped.top(Quantity.CELL)[27][5]) + " instead of " + f(plain.top(Quantity.CELL)[27][5]),
        LiveNumbers.fill("{c[5] @28} instead of {c[5] @28 plain}", clamped, plain, 3));
    // by symbol or key, at the step's timestep
    String gates = "{Γu[1]} {update[1]} {c̃[2]} {candidate[2]} {a[7]} {tanh(c)[0]}";
    assertEquals(
        String.join(
            " ",
            f(plain.top(Quantity.UPDATE)[2][1]),
            f(plain.top(Quantity.UPDATE)[2][1]),
            f(plain.top(Quantity.CANDIDATE)[2][2]),
            f(plain.top(Quantity.CANDIDATE)[2][2]),
            f(plain.top(Quantity.HIDDEN)[2][7]),
            f(plain.top(Quantity.CELL_TANH)[2][0])),
        LiveNumbers.fill(gates, plain, plain, 3));
    // a layer named, else the top one
    assertEquals(
        f(stacked.get(0, Quantity.FORGET)[4][2]) + " " + f(stacked.get(1, Quantity.FORGET)[4][2]),
        LiveNumbers.fill("{Γf[2] @5 layer 0} {forget[2] @5}", stacked, stacked, 28));
    // the clamp shows in the trace with it
    assertEquals("0.0", LiveNumbers.fill("{Γf[4] @9}", clamped, plain, 1));
  }

  @Test
  void pendingUntilItsTraceIsInAndNoneWhereTheModelHasNoSuchValue() {
    String text = "{c[1] @28} and {c[1] @28 plain}";
    assertEquals("… and …", LiveNumbers.fill(text, null, null, 28));
    assertEquals("-1.23456789E-20 and -1.23456789E-20", LiveNumbers.widest(text));
    assertEquals(
        f(clamped.top(Quantity.CELL)[27][1]) + " and …", LiveNumbers.fill(text, clamped, null, 28));
    // unit 8 of 8 units, layer 1 of one layer, the GRU's c
    assertEquals("— — —", LiveNumbers.fill("{a[8]} {a[1] layer 1} {c[0]}", gru, gru, 28));
    assertEquals(f(gru.top(Quantity.RESET)[27][0]), LiveNumbers.fill("{Γr[0]}", gru, gru, 28));
  }

  @Test
  void bracesOfTheTextStayText() {
    for (String t :
        List.of("{0, 1}", "{x[2]}", "{}", "{ P }", "{tanh}", "a {b} c", "{0, 1", "}{", "{Px(2)}")) {
      assertTrue(LiveNumbers.parse(t).isEmpty(), t);
      assertEquals(t, LiveNumbers.fill(t, plain, plain, 3));
    }
  }

  @Test
  void aNumberGateScopeCannotComputeIsRefusedWithItsReason() {
    assertEquals(
        "holds “{P(10)}”, which is not a number GateScope can compute: a digit is 0 to 9",
        refused("{P(10)}"));
    assertEquals(
        "holds “{c[3] @0}”, which is not a number GateScope can compute: a timestep is @1 to @28",
        refused("{c[3] @0}"));
    assertEquals(
        "holds “{P(3) layer 0}”, which is not a number GateScope can compute: P(…) has no layer:"
            + " the probabilities come from the output",
        refused("{P(3) layer 0}"));
    for (String form :
        List.of(
            "{P(3) @}",
            "{c[16] twice}",
            "{Γf[-1]}",
            "{a[1] @5 @}",
            "{P(x)}",
            "{p(7)}",
            "{P (7)}",
            "{c [3]}",
            "{C[16]}",
            "{FORGET[2]}",
            "{P(7) @18 @3}",
            "{c[1] plain plain}",
            "{a[1] layer 0 layer 0}",
            "{c[16] @28",
            "text {c[16] @28 and {P(7)}",
            "{P(7)\n@3}",
            "{c[1]" + " ".repeat(80) + "}")) {
      assertTrue(
          refused(form)
              .endsWith("write it as {P(7)}, {P(7) @18}, {c[16] @28} or {c[16] @28 plain}"),
          form + ": " + refused(form));
    }
    Messages.use(Locale.SIMPLIFIED_CHINESE);
    assertEquals("含有“{P(10)}”，这不是 GateScope 能计算的数：数字是 0 到 9", refused("{P(10)}"));
  }

  private static String refused(String text) {
    return assertThrows(IllegalArgumentException.class, () -> LiveNumbers.parse(text)).getMessage();
  }
}
