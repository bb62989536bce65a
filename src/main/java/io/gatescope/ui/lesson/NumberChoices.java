package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.Softmax;
import io.gatescope.core.lesson.LiveNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The live numbers ({@link LiveNumbers}) a teacher can put into a caption from the window's state:
 * P(digit | rows 1..t) of the prediction and of the true digit, and the selected unit's states and
 * gates after row t, each also without the interventions when some are in force. Each choice says
 * the number it reads now, read as the caption will read it.
 */
final class NumberChoices {
  /** What the menu says ("P(7 | rows 1..18) = 0.62925494") and what goes into the text. */
  record Choice(String label, String token) {}

  private static final List<Quantity> UNIT_QUANTITIES =
      List.of(
          Quantity.CELL,
          Quantity.HIDDEN,
          Quantity.FORGET,
          Quantity.UPDATE,
          Quantity.OUTPUT,
          Quantity.RESET,
          Quantity.CANDIDATE);

  private NumberChoices() {}

  /**
   * The choices for the traces of the current input ({@code shown} with the interventions in force,
   * {@code plain} without), timestep t (1..28), the selected unit (−1: none) of {@code layer} (the
   * one Inside shows) and the input's true digit (−1: unknown); none without a trace.
   */
  static List<Choice> of(
      GateTrace shown, GateTrace plain, int t, int unit, int layer, int trueDigit) {
    List<Choice> out = new ArrayList<>();
    if (shown == null || plain == null) {
      return out;
    }
    int predicted = Softmax.argmax(shown.stepProbabilities()[t - 1]);
    List<Integer> digits = new ArrayList<>(List.of(predicted));
    if (trueDigit >= 0 && trueDigit != predicted) {
      digits.add(trueDigit);
    }
    for (int d : digits) {
      String token = "{P(" + d + ") @" + t + "}";
      add(out, shown, plain, t, token, (w, v) -> Messages.get("lesson.number.p", d, t, w, v));
    }
    int layers = shown.layers().size();
    if (unit < 0 || unit >= shown.hidden() || layer < 0 || layer >= layers) {
      return out;
    }
    boolean top = layer == layers - 1; // the top layer goes unnamed
    String ofLayer = top ? "" : " layer " + layer;
    String inLayer = top ? "" : Messages.get("lesson.number.layer", layer);
    for (Quantity q : UNIT_QUANTITIES) {
      if (shown.layers().get(layer).containsKey(q)) {
        String token = "{" + q.symbol() + "[" + unit + "] @" + t + ofLayer + "}";
        add(
            out,
            shown,
            plain,
            t,
            token,
            (w, v) -> Messages.get("lesson.number.unit", q.symbol(), unit, t, w, v, inLayer));
      }
    }
    return out;
  }

  /** A choice's words, from "without the interventions" (or nothing) and the value. */
  private interface Words {
    String of(String withoutInterventions, String value);
  }

  /** The choice of {@code token}, and of its value without the interventions when some are on. */
  private static void add(
      List<Choice> out, GateTrace shown, GateTrace plain, int t, String token, Words words) {
    out.add(new Choice(words.of("", LiveNumbers.fill(token, shown, plain, t)), token));
    if (!shown.interventions().isEmpty()) {
      String without = token.replace("}", " plain}");
      String value = LiveNumbers.fill(without, shown, plain, t);
      out.add(new Choice(words.of(Messages.get("lesson.number.plain"), value), without));
    }
  }
}
