package io.gatescope.core.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers a caption or a question computes when it is shown, from the traces of the step's input
 * with the model in use: so a lesson quotes what this model computes on this computer, to the last
 * digit, and never a number written down on another (whose last digits another CPU's kernels, or
 * another model, would not give).
 *
 * <pre>
 *   {P(7)}               P(7 | rows 1..t) at the step's timestep t, with the step's interventions
 *   {P(7) @18}           the same after row 18
 *   {c[16] @28}          the cell state c of unit 16 after row 28 (the top layer)
 *   {c[16] @28 plain}    the same without the step's interventions
 *   {Γf[3] @5 layer 0}   a gate of layer 0; any quantity by its symbol (c̃, Γu, Γf, Γo, Γr, c, a,
 *                        tanh(c)) or its key (candidate, update, forget, output, reset,
 *                        cell_state, hidden, cell_tanh)
 * </pre>
 *
 * A value shows as {@link Float#toString}: the float itself. Braces that do not start like one of
 * these ("P(", or a quantity's name and "[", in any case) are text; braces that start like one but
 * are not exactly one (another case, spaces before "(" or "[", an option twice, no closing brace)
 * are refused, so a typing slip never shows as text where a number was meant.
 */
public final class LiveNumbers {
  /** What shows before the traces are in. */
  public static final String PENDING = "…";

  /**
   * What shows where this model has no such value (a unit or layer it lacks, a cell's quantity).
   */
  public static final String NONE = "—";

  /**
   * One number in a text.
   *
   * @param start where its opening brace is
   * @param end just after its closing brace
   * @param quantity the quantity read, or null for a probability
   * @param index the digit of a probability, the unit of a quantity
   * @param timestep the row it is read after, 1..28, or 0 for the step's timestep
   * @param layer the layer, or −1 for the top one
   * @param plain read from the trace without the step's interventions
   */
  public record Ref(
      int start, int end, Quantity quantity, int index, int timestep, int layer, boolean plain) {}

  private static final int LONGEST = 80; // characters between the braces
  private static final Pattern STARTS_P = Pattern.compile("\\s*[pP]\\s*\\(.*", Pattern.DOTALL);
  private static final Pattern NAMED = Pattern.compile("\\s*(\\S+?)\\s*\\[.*", Pattern.DOTALL);
  private static final Pattern FORM =
      Pattern.compile(
          "\\s*(?:P\\((\\d{1,3})\\)|([^\\s\\[\\]{}]+)\\[(\\d{1,5})\\])"
              + "((?:\\s*@\\s*\\d{1,3}|\\s+plain|\\s+layer\\s+\\d{1,2})*)\\s*");
  private static final Pattern OPTION = Pattern.compile("@\\s*(\\d+)|plain|layer\\s+(\\d+)");

  private LiveNumbers() {}

  /**
   * The numbers in {@code text}, in order.
   *
   * @throws IllegalArgumentException for braces that start like a number but are not one (also
   *     unclosed, or longer than a number can be), with a message that names them and says why
   */
  public static List<Ref> parse(String text) {
    List<Ref> refs = new ArrayList<>();
    int from = 0;
    for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', from)) {
      int close = text.indexOf('}', open + 1);
      int nextOpen = text.indexOf('{', open + 1);
      boolean closed = close >= 0 && (nextOpen < 0 || close < nextOpen);
      String inside = text.substring(open + 1, closed ? close : text.length());
      from = closed ? close + 1 : open + 1;
      if (!startsLikeOne(inside)) {
        continue; // braces of the text itself
      }
      String whole =
          closed ? "{" + inside + "}" : text.substring(open, Math.min(text.length(), open + 24));
      if (!closed || inside.length() > LONGEST || inside.contains("\n") || inside.contains("\r")) {
        throw bad(whole, "lesson.live.form");
      }
      refs.add(ref(whole, inside, open, close + 1));
    }
    return refs;
  }

  /**
   * "P(" or a quantity's name and "[", in any case and with spaces between: what a number starts
   * with (its exact form is checked after).
   */
  private static boolean startsLikeOne(String inside) {
    if (STARTS_P.matcher(inside).matches()) {
      return true;
    }
    Matcher n = NAMED.matcher(inside);
    if (!n.matches()) {
      return false;
    }
    return quantity(n.group(1), true) != null;
  }

  private static Ref ref(String whole, String inside, int start, int end) {
    Matcher f = FORM.matcher(inside);
    if (!f.matches()) {
      throw bad(whole, "lesson.live.form");
    }
    Quantity q = null;
    int index;
    if (f.group(1) != null) {
      index = Integer.parseInt(f.group(1));
      if (index > 9) {
        throw bad(whole, "lesson.live.digit");
      }
    } else {
      q = quantity(f.group(2), false);
      if (q == null) {
        throw bad(whole, "lesson.live.form"); // a name in another case: "C", "FORGET"
      }
      index = Integer.parseInt(f.group(3));
    }
    int timestep = 0;
    int layer = -1;
    boolean plain = false;
    Matcher o = OPTION.matcher(f.group(4));
    java.util.Set<Character> seen = new java.util.HashSet<>();
    while (o.find()) {
      if (!seen.add(o.group().charAt(0))) {
        throw bad(whole, "lesson.live.form"); // an option given twice
      }
      if (o.group(1) != null) {
        timestep = Integer.parseInt(o.group(1));
        if (timestep < 1 || timestep > ModelConfig.STEPS) {
          throw bad(whole, "lesson.live.timestep");
        }
      } else if (o.group(2) != null) {
        layer = Integer.parseInt(o.group(2));
        if (q == null) {
          throw bad(whole, "lesson.live.layer");
        }
      } else {
        plain = true;
      }
    }
    return new Ref(start, end, q, index, timestep, layer, plain);
  }

  private static IllegalArgumentException bad(String whole, String why) {
    return new IllegalArgumentException(
        Messages.get("lesson.bad.live", whole, Messages.get(why, ModelConfig.STEPS)));
  }

  /**
   * A quantity by its symbol ("Γf", "c̃") or its key ("forget"), written exactly or ({@code
   * anyCase}) in any case; or null.
   */
  private static Quantity quantity(String name, boolean anyCase) {
    for (Quantity q : Quantity.values()) {
      boolean named =
          anyCase
              ? q.symbol().equalsIgnoreCase(name) || q.key().equalsIgnoreCase(name)
              : q.symbol().equals(name) || q.key().equals(name);
      if (named) {
        return q;
      }
    }
    return null;
  }

  /**
   * {@code text} with every number as wide as a float's text can be (what a layout keeps room for
   * before the numbers are in).
   */
  public static String widest(String text) {
    return each(text, "-1.23456789E-20");
  }

  /** {@code text} with every number shown as {@code shown} (e.g. {@link #NONE}). */
  public static String each(String text, String shown) {
    return replace(text, r -> shown);
  }

  /**
   * {@code text} with every number read from the traces: {@code shown} with the step's
   * interventions, {@code plain} without them (either may be null while it is not in: its numbers
   * show as {@link #PENDING}), at {@code stepTimestep} unless a number names its own.
   */
  public static String fill(String text, GateTrace shown, GateTrace plain, int stepTimestep) {
    return replace(text, r -> value(r, r.plain() ? plain : shown, stepTimestep));
  }

  private static String value(Ref r, GateTrace tr, int stepTimestep) {
    if (tr == null) {
      return PENDING;
    }
    int t = (r.timestep() > 0 ? r.timestep() : stepTimestep) - 1;
    if (t < 0 || t >= tr.steps()) {
      return NONE;
    }
    if (r.quantity() == null) {
      return Float.toString(tr.stepProbabilities()[t][r.index()]);
    }
    int layer = r.layer() < 0 ? tr.layers().size() - 1 : r.layer();
    if (layer >= tr.layers().size()
        || r.index() >= tr.hidden()
        || !tr.layers().get(layer).containsKey(r.quantity())) {
      return NONE;
    }
    return Float.toString(tr.get(layer, r.quantity())[t][r.index()]);
  }

  private interface Shown {
    String of(Ref r);
  }

  private static String replace(String text, Shown shown) {
    List<Ref> refs = parse(text);
    if (refs.isEmpty()) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (Ref r : refs) {
      sb.append(text, at, r.start()).append(shown.of(r));
      at = r.end();
    }
    return sb.append(text.substring(at)).toString();
  }
}
