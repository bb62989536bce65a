package io.gatescope.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The numbers a teacher can insert are those of the window's state: the prediction's and the true
 * digit's probability, the selected unit's states and gates, each also without the interventions
 * when some are on; each choice says the value its number reads.
 */
class NumberChoicesTest {
  static float[] img = new float[784];
  static RecurrentClassifier lstm;

  @BeforeAll
  static void model() {
    NativeSetup.init(1);
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 0; i < img.length; i++) {
      img[i] = (float) r.nextDouble();
    }
    lstm = RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 8, 0, 1.0, 3));
  }

  @BeforeEach
  @AfterEach
  void english() {
    Messages.use(Locale.ENGLISH); // after too: the next test class expects English
  }

  private static int predicted(GateTrace tr, int t) {
    float[] p = tr.stepProbabilities()[t - 1];
    int best = 0;
    for (int d = 1; d < 10; d++) {
      best = p[d] > p[best] ? d : best;
    }
    return best;
  }

  @Test
  void thePredictionTheTrueDigitAndTheSelectedUnit() {
    GateTrace plain = lstm.trace(img);
    int t = 5;
    int k = predicted(plain, t);
    int truth = (k + 3) % 10;
    List<NumberChoices.Choice> c = NumberChoices.of(plain, plain, t, 2, 0, truth);
    assertEquals(
        List.of(
            "{P(" + k + ") @5}",
            "{P(" + truth + ") @5}",
            "{c[2] @5}",
            "{a[2] @5}",
            "{Γf[2] @5}",
            "{Γu[2] @5}",
            "{Γo[2] @5}",
            "{c̃[2] @5}"),
        c.stream().map(NumberChoices.Choice::token).toList());
    assertEquals("P(" + k + " | rows 1..5) = " + plain.stepProbabilities()[4][k], c.get(0).label());
    assertEquals(
        "Γf of unit 2 after row 5 = " + plain.top(Quantity.FORGET)[4][2], c.get(4).label());
    // the true digit predicted: once; no unit selected: the probabilities alone
    assertEquals(
        List.of("{P(" + k + ") @5}"),
        NumberChoices.of(plain, plain, t, -1, 0, k).stream()
            .map(NumberChoices.Choice::token)
            .toList());
    assertTrue(NumberChoices.of(null, null, t, 2, 0, truth).isEmpty(), "no trace, no numbers");
  }

  @Test
  void withInterventionsEachAlsoWithoutThem() {
    GateTrace plain = lstm.trace(img);
    GateTrace clamped = lstm.trace(img, List.of(Intervention.clampAll(0, Quantity.FORGET, 0f)));
    List<NumberChoices.Choice> c = NumberChoices.of(clamped, plain, 28, 1, 0, -1);
    int k = predicted(clamped, 28);
    assertEquals("{P(" + k + ") @28}", c.get(0).token());
    assertEquals("{P(" + k + ") @28 plain}", c.get(1).token());
    assertEquals(
        "P("
            + k
            + " | rows 1..28), without the interventions = "
            + plain.stepProbabilities()[27][k],
        c.get(1).label());
    assertEquals("{c[1] @28 plain}", c.get(3).token());
    assertEquals(
        "c of unit 1 after row 28, without the interventions = " + plain.top(Quantity.CELL)[27][1],
        c.get(3).label());
    assertEquals("Γf of unit 1 after row 28 = 0.0", c.get(6).label());
    Messages.use(Locale.SIMPLIFIED_CHINESE);
    assertEquals(
        "单元 1 读完第 28 行后的 c（不加干预） = " + plain.top(Quantity.CELL)[27][1],
        NumberChoices.of(clamped, plain, 28, 1, 0, -1).get(3).label());
  }

  @Test
  void aLowerLayersUnitIsNamedWithItsLayer() {
    GateTrace stacked =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 2, 6, 0, 1.0, 4)).trace(img);
    List<NumberChoices.Choice> lower = NumberChoices.of(stacked, stacked, 9, 3, 0, -1);
    assertEquals("{c[3] @9 layer 0}", lower.get(1).token());
    assertEquals(
        "c of unit 3 in layer 0 after row 9 = " + stacked.get(0, Quantity.CELL)[8][3],
        lower.get(1).label());
    List<NumberChoices.Choice> top = NumberChoices.of(stacked, stacked, 9, 3, 1, -1);
    assertEquals("{c[3] @9}", top.get(1).token());
    assertEquals(
        "c of unit 3 after row 9 = " + stacked.get(1, Quantity.CELL)[8][3], top.get(1).label());
  }

  @Test
  void aGruOffersItsOwnQuantities() {
    GateTrace gru =
        RecurrentClassifier.create(new ModelConfig(CellType.GRU, 1, 8, 0, 1.0, 3)).trace(img);
    List<String> tokens =
        NumberChoices.of(gru, gru, 3, 0, 0, -1).stream().map(NumberChoices.Choice::token).toList();
    assertEquals(
        List.of("{a[0] @3}", "{Γu[0] @3}", "{Γr[0] @3}", "{c̃[0] @3}"), tokens.subList(1, 5));
  }
}
