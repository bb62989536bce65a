package io.gatescope.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The window's one colour scheme: the usual colour maps or their high-contrast variants (presenter
 * mode). Every canvas widget and legend listens and paints again when it changes. FX thread.
 */
public final class ColorScheme {
  private static final BooleanProperty HIGH_CONTRAST = new SimpleBooleanProperty(false);

  static {
    HIGH_CONTRAST.addListener((o, a, on) -> ColorMap.useHighContrast(on));
  }

  private ColorScheme() {}

  /** Paints every colour map in its high-contrast variant ({@link ColorMap}) or the usual one. */
  public static void useHighContrast(boolean on) {
    HIGH_CONTRAST.set(on);
  }

  public static boolean highContrast() {
    return HIGH_CONTRAST.get();
  }

  /**
   * Runs {@code repaint} whenever the scheme changes, for as long as the caller keeps {@code
   * repaint} (held weakly here, so a widget that is gone is not kept).
   */
  public static void onChange(InvalidationListener repaint) {
    HIGH_CONTRAST.addListener(new WeakInvalidationListener(repaint));
  }
}
