package io.gatescope.app;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the window opens: the saved size and place, fitted to the screen it opens on, so that a
 * window saved on a 4K monitor never opens with its menus or status bar off a 1024×600 projector.
 * Plain geometry on the screens' visual bounds (without task bars).
 */
public final class WindowPlacement {
  /** The smallest window the workspaces are laid out for (a 1024×600 screen less a panel). */
  public static final double MIN_WIDTH = 960;

  public static final double MIN_HEIGHT = 540;
  static final double DEFAULT_WIDTH = 1280;
  static final double DEFAULT_HEIGHT = 800;

  private WindowPlacement() {}

  /**
   * The window's bounds.
   *
   * @param saved the saved bounds, or null when there are none (the window is centred on the
   *     primary screen at the default size, or smaller if the screen is)
   * @param screens the visual bounds of every screen; the first is the primary one
   */
  public static Rectangle2D fit(Rectangle2D saved, List<Rectangle2D> screens) {
    if (saved == null) {
      Rectangle2D screen = screens.get(0);
      double w = Math.min(DEFAULT_WIDTH, screen.getWidth());
      double h = Math.min(DEFAULT_HEIGHT, screen.getHeight());
      return new Rectangle2D(
          screen.getMinX() + (screen.getWidth() - w) / 2,
          screen.getMinY() + (screen.getHeight() - h) / 2,
          w,
          h);
    }
    Rectangle2D screen = screenOf(saved, screens);
    double w = clamp(saved.getWidth(), minWidth(screen), screen.getWidth());
    double h = clamp(saved.getHeight(), minHeight(screen), screen.getHeight());
    double x = clamp(saved.getMinX(), screen.getMinX(), screen.getMaxX() - w);
    double y = clamp(saved.getMinY(), screen.getMinY(), screen.getMaxY() - h);
    return new Rectangle2D(x, y, w, h);
  }

  /** The minimum width on this screen: {@link #MIN_WIDTH}, or the whole screen if it is smaller. */
  public static double minWidth(Rectangle2D screen) {
    return Math.min(MIN_WIDTH, screen.getWidth());
  }

  public static double minHeight(Rectangle2D screen) {
    return Math.min(MIN_HEIGHT, screen.getHeight());
  }

  /** The screen that holds the centre of {@code r}, else the primary one. */
  static Rectangle2D screenOf(Rectangle2D r, List<Rectangle2D> screens) {
    double cx = r.getMinX() + r.getWidth() / 2;
    double cy = r.getMinY() + r.getHeight() / 2;
    return screens.stream().filter(s -> s.contains(cx, cy)).findFirst().orElse(screens.get(0));
  }

  private static double clamp(double v, double lo, double hi) {
    return Double.isFinite(v) ? Math.max(lo, Math.min(hi, v)) : lo;
  }
}
