package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.lesson.LessonCheck;
import java.util.Optional;

/**
 * The check a teacher picks in a step's editor, from what the editor's fields hold: its kind and
 * its parameters, each validated as the lesson file validates them, or a sentence saying which
 * field is wrong.
 */
final class CheckForm {
  /** The kinds of check a step can have, in the order the editor offers them. */
  enum Kind {
    NONE,
    CHANGED,
    IS,
    CLAMPED,
    ABOVE,
    BELOW;

    @Override
    public String toString() {
      return Messages.get("lesson.check.kind." + name().toLowerCase(java.util.Locale.ROOT));
    }

    boolean needsDigit() {
      return this == IS || this == ABOVE || this == BELOW;
    }

    boolean needsThreshold() {
      return this == ABOVE || this == BELOW;
    }
  }

  /** A check, or why the fields do not make one. */
  record Parsed(Optional<LessonCheck> check, String error) {
    boolean ok() {
      return error == null;
    }
  }

  /** The fields of the editor as one value. */
  record Fields(Kind kind, int digit, Quantity gate, String unit, String value, String threshold) {}

  private CheckForm() {}

  /**
   * @param units how many units the shown layer has (0: not known yet, any unit up to 4095)
   */
  static Parsed parse(Fields f, int units) {
    return switch (f.kind()) {
      case NONE -> new Parsed(Optional.empty(), null);
      case CHANGED -> new Parsed(Optional.of(new LessonCheck.PredictionChanged()), null);
      case IS -> new Parsed(Optional.of(new LessonCheck.PredictionIs(f.digit())), null);
      case CLAMPED -> clamped(f, units);
      case ABOVE, BELOW -> {
        Float t = number(f.threshold());
        if (t == null || t < 0 || t > 1) {
          yield error("lesson.settings.bad.threshold");
        }
        yield new Parsed(
            Optional.of(new LessonCheck.Probability(f.digit(), f.kind() == Kind.ABOVE, t)), null);
      }
    };
  }

  private static Parsed clamped(Fields f, int units) {
    if (f.gate() == null || !f.gate().isGate()) {
      return error("lesson.settings.bad.gate");
    }
    int max = units > 0 ? units - 1 : 4095;
    Integer u = whole(f.unit());
    if (u == null || u < 0 || u > max) {
      return new Parsed(Optional.empty(), Messages.get("lesson.settings.bad.unit", max));
    }
    Float v = number(f.value());
    if (v == null || v < 0 || v > 1) {
      return error("lesson.settings.bad.value");
    }
    return new Parsed(Optional.of(new LessonCheck.Clamped(0, f.gate(), u, v)), null);
  }

  /** The editor's fields showing {@code c} (none: no check). */
  static Fields of(Optional<LessonCheck> c, int unit) {
    String selected = Integer.toString(Math.max(0, unit));
    if (c.isEmpty()) {
      return new Fields(Kind.NONE, 7, Quantity.FORGET, selected, "0", "0.9");
    }
    LessonCheck k = c.get();
    if (k instanceof LessonCheck.PredictionChanged) {
      return new Fields(Kind.CHANGED, 7, Quantity.FORGET, selected, "0", "0.9");
    }
    if (k instanceof LessonCheck.PredictionIs p) {
      return new Fields(Kind.IS, p.digit(), Quantity.FORGET, selected, "0", "0.9");
    }
    if (k instanceof LessonCheck.Clamped m) {
      return new Fields(
          Kind.CLAMPED, 7, m.gate(), Integer.toString(m.unit()), Float.toString(m.value()), "0.9");
    }
    LessonCheck.Probability p = (LessonCheck.Probability) k;
    return new Fields(
        p.above() ? Kind.ABOVE : Kind.BELOW,
        p.digit(),
        Quantity.FORGET,
        selected,
        "0",
        Float.toString(p.threshold()));
  }

  private static Parsed error(String key) {
    return new Parsed(Optional.empty(), Messages.get(key));
  }

  private static Integer whole(String s) {
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException | NullPointerException e) {
      return null;
    }
  }

  /** A number as a teacher types it: "0.5" or "0,5"; never NaN or infinite. */
  private static Float number(String s) {
    try {
      float f = Float.parseFloat(s.strip().replace(',', '.'));
      return Float.isFinite(f) ? f : null;
    } catch (NumberFormatException | NullPointerException e) {
      return null;
    }
  }
}
