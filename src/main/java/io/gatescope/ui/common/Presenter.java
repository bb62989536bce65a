package io.gatescope.ui.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Presenter mode, for a projector: on or off, and how large (150, 175 or 200 %). The window
 * (ui.shell's PresenterMode) scales the workspaces, paints the colour maps in high contrast and
 * hides the advanced controls while it is on; the setting is remembered ({@link #values}, {@link
 * #restore}).
 *
 * <p>Anything outside the workspaces (a lesson bar, say) can follow it: while it is on, the scene's
 * root has the style class {@link #STYLE_CLASS} and one of {@code presenter-150}, {@code
 * presenter-175}, {@code presenter-200} ({@link #scaleStyleClass}); {@link #fontSize} is the font
 * size to use outside the scaled workspaces.
 */
public final class Presenter {
  /** The style class on the scene's root while presenter mode is on. */
  public static final String STYLE_CLASS = "presenter";

  /** The sizes offered, in per cent; the first is the default. */
  public static final List<Integer> SCALES = List.of(150, 175, 200);

  /** The window's usual font size, in px (gatescope.css's root). */
  public static final double BASE_FONT = 13;

  private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyIntegerWrapper percent = new ReadOnlyIntegerWrapper(SCALES.get(0));

  public ReadOnlyBooleanProperty onProperty() {
    return on.getReadOnlyProperty();
  }

  /** The size chosen, in per cent (kept while presenter mode is off). */
  public ReadOnlyIntegerProperty percentProperty() {
    return percent.getReadOnlyProperty();
  }

  public void setOn(boolean b) {
    on.set(b);
  }

  public void toggle() {
    on.set(!on.get());
  }

  /** Chooses the size; one of {@link #SCALES}, anything else is ignored. */
  public void choosePercent(int p) {
    if (SCALES.contains(p)) {
      percent.set(p);
    }
  }

  /** How much larger everything is drawn now: 1 while off. */
  public double scale() {
    return on.get() ? percent.get() / 100.0 : 1;
  }

  /** The font size, in px, for text outside the scaled workspaces. */
  public double fontSize() {
    return BASE_FONT * scale();
  }

  /** "presenter-150" and so on: the style class of the size chosen. */
  public String scaleStyleClass() {
    return STYLE_CLASS + "-" + percent.get();
  }

  /** What the settings file keeps, by key. */
  public Map<String, String> values() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("presenter.on", Boolean.toString(on.get()));
    out.put("presenter.percent", Integer.toString(percent.get()));
    return out;
  }

  /** Takes back what {@link #values} gave; a missing or damaged value keeps the default. */
  public void restore(Function<String, Optional<String>> saved) {
    saved.apply("presenter.percent").flatMap(Presenter::integer).ifPresent(this::choosePercent);
    saved.apply("presenter.on").map(v -> v.equals("true")).ifPresent(on::set);
  }

  private static Optional<Integer> integer(String s) {
    try {
      return Optional.of(Integer.parseInt(s.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
