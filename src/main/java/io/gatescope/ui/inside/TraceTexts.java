package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** The sentences Inside says about a trace, with its numbers as computed. */
final class TraceTexts {
  private TraceTexts() {}

  /**
   * "MNIST test #7 → 7 (99.2 %)", with the true digit when there is one and the number of
   * interventions when any is active.
   */
  static String summary(String source, GateTrace tr, Integer label, int interventions) {
    return Messages.get(
            "inside.summary", source, tr.prediction(), 100 * tr.probabilities()[tr.prediction()])
        + (label == null ? "" : " " + Messages.get("inside.summary.truth", label))
        + (interventions == 0
            ? ""
            : " " + Messages.get("inside.summary.interventions", interventions));
  }

  /** A trace's answer and how sure, in the sentence {@code key} ("before: 5 (96.1 %)"). */
  static String answer(String key, GateTrace tr) {
    return Messages.get(key, tr.prediction(), 100 * tr.probabilities()[tr.prediction()]);
  }

  /**
   * A float exactly: the shortest decimal that reads back as the same float (0.769, 0.0000123,
   * −0.1476064), in the user's number format.
   */
  static String exact(float v) {
    BigDecimal d = new BigDecimal(Float.toString(v));
    NumberFormat f = NumberFormat.getInstance(Locale.getDefault(Locale.Category.FORMAT));
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(Math.max(1, d.scale()));
    f.setGroupingUsed(false);
    return f.format(d);
  }
}
