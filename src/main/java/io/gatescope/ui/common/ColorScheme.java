package io.gatescope.ui.common;

import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The window's one colour scheme: the usual colour maps or their high-contrast variants (presenter
 * mode). Every canvas widget and legend listens and paints again when it changes. Exports use the
 * usual maps unless asked to keep the high-contrast ones ({@link #inExportColours}). FX thread.
 */
public final class ColorScheme {
  private static final BooleanProperty HIGH_CONTRAST = new SimpleBooleanProperty(false);
  private static final BooleanProperty EXPORT_HIGH_CONTRAST = new SimpleBooleanProperty(false);

  private ColorScheme() {}

  /** Paints every colour map in its high-contrast variant ({@link ColorMap}) or the usual one. */
  public static void useHighContrast(boolean on) {
    // The maps first: the widgets paint again as the property tells them, and must find them set.
    ColorMap.useHighContrast(on);
    HIGH_CONTRAST.set(on);
  }

  public static boolean highContrast() {
    return HIGH_CONTRAST.get();
  }

  /**
   * Whether pictures exported while presenter mode is on (Copy image, Save PNG, Export reading)
   * keep its high-contrast colours. Off by default: a picture goes on slides and in notes, read on
   * other screens and on paper, so it has the usual colour maps unless the teacher asks otherwise.
   */
  public static BooleanProperty exportInHighContrastProperty() {
    return EXPORT_HIGH_CONTRAST;
  }

  /** True if an export made now would paint other colours than the window shows. */
  public static boolean exportChangesColours() {
    return HIGH_CONTRAST.get() && !EXPORT_HIGH_CONTRAST.get();
  }

  /**
   * Runs {@code drawing} with the colour maps an export uses ({@link
   * #exportInHighContrastProperty}), then gives the window's back. The widgets are not told: the
   * caller paints what it exports itself, and what it drew in the window stays as it was. FX
   * thread.
   */
  public static <T> T inExportColours(Supplier<T> drawing) {
    if (!exportChangesColours()) {
      return drawing.get();
    }
    ColorMap.useHighContrast(false);
    try {
      return drawing.get();
    } finally {
      ColorMap.useHighContrast(HIGH_CONTRAST.get());
    }
  }

  /**
   * Runs {@code repaint} whenever the scheme changes, for as long as the caller keeps {@code
   * repaint} (held weakly here, so a widget that is gone is not kept).
   */
  public static void onChange(InvalidationListener repaint) {
    HIGH_CONTRAST.addListener(new WeakInvalidationListener(repaint));
  }
}
