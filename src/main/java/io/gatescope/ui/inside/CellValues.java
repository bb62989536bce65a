package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.CellNumbers;
import io.gatescope.ui.common.ColorMap;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * How the cell diagram states a number: its text as the equations print it (with what an
 * intervention made of it), the symbol it goes by, and the colour of its swatch.
 */
final class CellValues {
  private CellValues() {}

  /** The text of a wire's value: the value used, and what was computed if it was changed. */
  static List<String> wireText(CellNumbers.Wire wv) {
    String used = f(wv.used());
    if (!wv.changed()) {
      return List.of(used);
    }
    String computed = f(wv.computed());
    if (wv.quantity().isGate()) {
      return List.of(
          Messages.get("cell.clamped", used), Messages.get("cell.computed.sigma", computed));
    }
    float factor = wv.by().value();
    return List.of(
        factor == 0
            ? Messages.get("cell.silenced", used)
            : Messages.get("cell.scaled", f(factor), used),
        Messages.get("cell.computed", computed));
  }

  /** The symbol of q as the diagram names it (c̃, a, c, Γf ...). */
  static String symbol(Quantity q) {
    return switch (q) {
      case CANDIDATE -> CellPen.CAND;
      case HIDDEN -> "a";
      case CELL -> "c";
      default -> q.symbol();
    };
  }

  /** The sequential map at v (a gate's value, 0..1), as the heatmaps use it. */
  static Color sequential(double v) {
    return argb(ColorMap.SEQUENTIAL.argb(v));
  }

  /** The diverging map on [−r, r], as the heatmaps use it. */
  static Color diverging(double v, double r) {
    return argb(ColorMap.DIVERGING.argb((v + r) / (2 * r)));
  }

  private static Color argb(int c) {
    return Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
  }

  /** Three decimals as the equations print them; −0 reads as 0. */
  static String f(double v) {
    return String.format("%.3f", v == 0 ? 0.0 : v);
  }
}
