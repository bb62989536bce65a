package io.gatescope.ui.train;

import io.gatescope.core.Limits;
import io.gatescope.core.Messages;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the numbers typed into the form: a value for each numeric field, and the reason (required,
 * not a number, out of its {@link Limits} range) when it is not one the form accepts.
 */
final class TypedNumbers {
  private final Function<Field, String> typed;
  private final Map<Field, String> reasons;

  /**
   * @param typed each field's text as typed
   * @param reasons where a field's reason goes
   */
  TypedNumbers(Function<Field, String> typed, Map<Field, String> reasons) {
    this.typed = typed;
    this.reasons = reasons;
  }

  private String text(Field f) {
    String s = typed.apply(f);
    return s == null ? "" : s.trim();
  }

  /** A whole number; 0 (with a reason) when it is not one in range. */
  int whole(Field f) {
    Limits l = f.limit();
    String s = text(f);
    if (s.isEmpty()) {
      reasons.put(f, Messages.get("train.error.requiredWhole", l.minWhole(), l.maxWhole()));
      return 0;
    }
    try {
      long v = Long.parseLong(s);
      if (!l.allows(v)) {
        reasons.put(f, Messages.get("train.error.range", l.minWhole(), l.maxWhole()));
      }
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    } catch (NumberFormatException ex) {
      reasons.put(f, Messages.get("train.error.notWhole", s));
      return 0;
    }
  }

  /** A decimal number; its reason when it is not a finite one in range. */
  double decimal(Field f) {
    Limits l = f.limit();
    String s = text(f);
    if (s.isEmpty()) {
      reasons.put(f, Messages.get("train.error.required", l.minText(), l.maxText()));
      return 0;
    }
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) {
        reasons.put(f, Messages.get("train.error.finite"));
      } else if (!l.allows(v)) {
        reasons.put(f, Messages.get("train.error.range", l.minText(), l.maxText()));
      }
      return v;
    } catch (NumberFormatException ex) {
      reasons.put(f, Messages.get("train.error.notNumber", s));
      return 0;
    }
  }
}
