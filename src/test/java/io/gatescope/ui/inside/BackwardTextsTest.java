package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.BackwardTrace;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.ui.common.ColorMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backward maps, equations and target texts, from real traces of small models. */
class BackwardTextsTest {
  private static float[] image() {
    float[] img = new float[784];
    for (int i = 0; i < img.length; i++) {
      img[i] = ((i / 28) * 7 + i % 28) % 11 / 10f;
    }
    return img;
  }

  private static RecurrentClassifier model(CellType c) {
    return RecurrentClassifier.create(new ModelConfig(c, 1, 8, 4, 1.0, 3));
  }

  @Test
  void theMapsAreTheTracesOwnValuesOnASymmetricRange() {
    BackwardTrace bt = model(CellType.LSTM).backwardTrace(image(), 3);
    List<MapData> maps = BackwardMaps.of(bt, 0, false, false, 1);
    assertEquals(CellType.LSTM.quantities(), maps.stream().map(MapData::quantity).toList());
    for (MapData m : maps) {
      assertSame(bt.get(0, m.quantity()), m.values(), "the trace's own numbers");
      assertEquals(-m.hi(), m.lo());
      assertEquals(MapData.maxAbs(bt.get(0, m.quantity())), m.hi(), 1e-12);
      assertSame(ColorMap.GRADIENT, m.map());
      assertEquals(0, m.logEps());
    }
    List<MapData> gru =
        BackwardMaps.of(model(CellType.GRU).backwardTrace(image(), 3), 0, true, true, 1);
    assertEquals(CellType.GRU.quantities(), gru.stream().map(MapData::quantity).toList());
    assertTrue(gru.get(0).logEps() > 0);
    assertEquals(gru.get(0).hi(), gru.get(3).hi(), 0, "shared: one range");
  }

  @Test
  void playingBlanksTheStepsTheGradientHasNotReached() {
    BackwardTrace bt = model(CellType.LSTM).backwardTrace(image(), 3);
    MapData m = BackwardMaps.of(bt, 0, false, false, 20).get(1);
    assertTrue(Float.isNaN(m.values()[18][0]));
    assertEquals(bt.get(0, m.quantity())[19][0], m.values()[19][0], 0f);
    assertEquals(bt.get(0, m.quantity())[27][5], m.values()[27][5], 0f);
  }

  @Test
  void signedLogIsSymmetricAndKeepsTheEnds() {
    assertEquals(0.5, ColorMap.position(0, -2, 2, 0.002), 1e-12);
    assertEquals(1, ColorMap.position(2, -2, 2, 0.002), 1e-12);
    assertEquals(0, ColorMap.position(-2, -2, 2, 0.002), 1e-12);
    double small = ColorMap.position(0.002, -2, 2, 0.002);
    assertTrue(small > 0.55, "a thousandth of the largest still shows: " + small);
    assertEquals(1 - small, ColorMap.position(-0.002, -2, 2, 0.002), 1e-12);
    // The gradient map is light at 0 and darker towards both ends.
    double mid = ColorMap.lightness(ColorMap.GRADIENT.argb(0.5));
    assertTrue(mid > ColorMap.lightness(ColorMap.GRADIENT.argb(0.1)));
    assertTrue(mid > ColorMap.lightness(ColorMap.GRADIENT.argb(0.9)));
  }

  @Test
  void theLstmEquationsShowTheTracesNumbersAndTheirProducts() {
    RecurrentClassifier m = model(CellType.LSTM);
    GateTrace fwd = m.trace(image());
    BackwardTrace bt = m.backwardTrace(image(), 3);
    int t = 10;
    int u = 2;
    String text = BackwardEquations.describe(fwd, bt, 0, t, u);
    float da = bt.get(0, Quantity.HIDDEN)[t - 1][u];
    float dc = bt.get(0, Quantity.CELL)[t - 1][u];
    String g = BackwardEquations.g(da);
    assertTrue(text.contains("∂L/∂a⟨t⟩ = " + g), text);
    String viaOutput =
        String.format(
            "= %s×%s = %s",
            g,
            paren(String.format("%.3f", fwd.get(0, Quantity.CELL_TANH)[t - 1][u])),
            BackwardEquations.g(bt.get(0, Quantity.OUTPUT)[t - 1][u]));
    assertTrue(text.contains(viaOutput), text + "\nmissing " + viaOutput);
    String forget =
        String.format(
            "%s×%s = %s",
            BackwardEquations.g(dc),
            paren(String.format("%.3f", fwd.get(0, Quantity.CELL)[t - 2][u])),
            BackwardEquations.g(bt.get(0, Quantity.FORGET)[t - 1][u]));
    assertTrue(text.contains(forget), text + "\nmissing " + forget);
    assertTrue(text.contains(" = " + BackwardEquations.g(dc) + System.lineSeparator()), text);
    assertTrue(text.contains(Messages.get("inside.back.eq.a.next")), text);
    String last = BackwardEquations.describe(fwd, bt, 0, 28, u);
    assertTrue(last.contains(Messages.get("inside.back.eq.a.last")), last);
    assertTrue(!last.contains("c⟨t+1⟩"), "no step after the last: " + last);
  }

  @Test
  void theGruEquationsUseItsOwnQuantities() {
    RecurrentClassifier m = model(CellType.GRU);
    GateTrace fwd = m.trace(image());
    BackwardTrace bt = m.backwardTrace(image(), 1);
    String text = BackwardEquations.describe(fwd, bt, 0, 5, 0);
    assertTrue(text.contains("∂L/∂Γr = " + BackwardEquations.g(bt.get(0, Quantity.RESET)[4][0])));
    assertTrue(text.contains(BackwardEquations.g(bt.get(0, Quantity.UPDATE)[4][0])));
    assertTrue(!text.contains("Γf"), text);
  }

  @Test
  void theTargetSaysWhyItIsTheDefault() {
    assertEquals(new TargetChoice(7, TargetChoice.Why.TRUE_DIGIT), TargetChoice.byDefault(7, 3));
    assertEquals(new TargetChoice(3, TargetChoice.Why.PREDICTION), TargetChoice.byDefault(null, 3));
    assertEquals(
        Messages.get("inside.back.target.true", 7),
        new TargetChoice(7, TargetChoice.Why.TRUE_DIGIT).toString());
    assertEquals("5", new TargetChoice(5, TargetChoice.Why.CHOSEN).toString());
    List<TargetChoice> all = TargetChoice.all(2, TargetChoice.Why.PREDICTION);
    assertEquals(10, all.size());
    assertEquals(TargetChoice.Why.PREDICTION, all.get(2).why());
    assertEquals(TargetChoice.Why.CHOSEN, all.get(3).why());
  }

  private static String paren(String s) {
    return s.startsWith("-") ? "(" + s + ")" : s;
  }

  @Test
  void aSaturatedTanhIsWrittenWithTheDigitsThatKeepOneMinusItsSquareFromReadingZero() {
    float[] saturated = {0.9999827f, -0.99999f, 0.9996f, 0.99951f};
    for (float x : saturated) {
      String text = BackwardEquations.squareBase(x);
      double read = Double.parseDouble(text);
      double truth = 1 - (double) x * x;
      double fromText = 1 - read * read;
      assertTrue(
          Math.abs(fromText - truth) <= 0.01 * truth,
          x + " written " + text + ": 1 − x² reads " + fromText + ", is " + truth);
    }
    assertEquals("0.683", BackwardEquations.squareBase(0.683f)); // as the other forward values
    assertEquals("-0.250", BackwardEquations.squareBase(-0.25f));
    assertEquals("1.000", BackwardEquations.squareBase(1f)); // 1 − 1² is 0 here
    assertEquals("NaN", BackwardEquations.squareBase(Float.NaN)); // a diverged model's trace
  }
}
