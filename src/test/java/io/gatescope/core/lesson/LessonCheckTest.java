package io.gatescope.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Each kind of check holds when it should and only then, at the timestep it is read. */
class LessonCheckTest {
  /** A trace whose P(· | rows 1..t) puts {@code p} on {@code digit} and the rest on 1. */
  static GateTrace trace(int digit, float p, List<Intervention> ivs) {
    float[][] steps = new float[28][10];
    for (int t = 0; t < 28; t++) {
      // before row 10 the model leans to 1; from row 10 on, to `digit` with p
      float q = t < 9 ? 0.1f : p;
      steps[t][digit] = q;
      steps[t][digit == 1 ? 2 : 1] = 1 - q;
    }
    return new GateTrace(
        CellType.LSTM, 4, List.of(), List.of(), List.of(), ivs, steps, steps[27], digit, null);
  }

  @Test
  void predictionIsReadAtTheTimestep() {
    GateTrace tr = trace(7, 0.8f, List.of());
    LessonCheck c = new LessonCheck.PredictionIs(7);
    assertFalse(c.holds(new CheckState(tr, tr, 5)));
    assertTrue(c.holds(new CheckState(tr, tr, 10)));
    assertTrue(c.holds(new CheckState(tr, tr, 28)));
    assertFalse(new LessonCheck.PredictionIs(3).holds(new CheckState(tr, tr, 28)));
  }

  @Test
  void predictionChangedComparesWithTheModelAsTrained() {
    GateTrace plain = trace(7, 0.8f, List.of());
    GateTrace clamped = trace(3, 0.6f, List.of(Intervention.clampAll(0, Quantity.FORGET, 0f)));
    LessonCheck c = new LessonCheck.PredictionChanged();
    assertTrue(c.holds(new CheckState(plain, clamped, 28)));
    assertFalse(c.holds(new CheckState(plain, plain, 28)));
    assertFalse(c.holds(new CheckState(plain, clamped, 3)), "both still say 1 after row 3");
  }

  @Test
  void clampedLooksAtTheInterventionsInForce() {
    GateTrace plain = trace(7, 0.8f, List.of());
    GateTrace unit12 =
        trace(7, 0.8f, List.of(new Intervention(0, Quantity.FORGET, new int[] {12}, 0f)));
    GateTrace all = trace(7, 0.8f, List.of(Intervention.clampAll(0, Quantity.FORGET, 1f)));
    LessonCheck c = new LessonCheck.Clamped(0, Quantity.FORGET, 12, 0f);
    assertTrue(c.holds(new CheckState(plain, unit12, 14)));
    assertFalse(c.holds(new CheckState(plain, plain, 14)));
    assertFalse(c.holds(new CheckState(plain, all, 14)), "clamped, but to 1");
    assertTrue(
        new LessonCheck.Clamped(0, Quantity.FORGET, 5, 1f).holds(new CheckState(plain, all, 1)));
    assertFalse(
        new LessonCheck.Clamped(0, Quantity.UPDATE, 12, 0f)
            .holds(new CheckState(plain, unit12, 1)));
  }

  @Test
  void probabilityAboveAndBelowAreStrict() {
    GateTrace tr = trace(7, 0.75f, List.of());
    assertTrue(new LessonCheck.Probability(7, true, 0.5f).holds(new CheckState(tr, tr, 20)));
    assertFalse(new LessonCheck.Probability(7, true, 0.75f).holds(new CheckState(tr, tr, 20)));
    assertFalse(new LessonCheck.Probability(7, true, 0.5f).holds(new CheckState(tr, tr, 4)));
    assertTrue(new LessonCheck.Probability(7, false, 0.5f).holds(new CheckState(tr, tr, 4)));
    assertFalse(new LessonCheck.Probability(7, false, 0.75f).holds(new CheckState(tr, tr, 20)));
  }

  @Test
  void textsSayWhatWasFoundUnrounded() {
    Messages.use(Locale.ENGLISH);
    GateTrace tr = trace(7, 0.123456f, List.of());
    LessonCheck c = new LessonCheck.Probability(7, true, 0.1f);
    assertEquals("P(digit 7 | rows 1..t) is above 0.1", c.describe());
    assertEquals("P(7 | rows 1..20) = 0.123456", c.found(new CheckState(tr, tr, 20)));
  }
}
