package io.gatescope.ui.common;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps two threads from sharing JavaFX's one reusable glyph layout, which corrupts the C heap on
 * Linux (docs/faults.md, "A native crash at start-up").
 *
 * <p>JavaFX lays out text through one shared glyph layout while it is free, and a new one while it
 * is taken. On Linux (Pango) that layout hands itself back before it frees the strings it made, so
 * a canvas laying out its text on the render thread can take it while the FX thread, laying out a
 * label, is still freeing them: both free the same strings, and glibc aborts later ("double free",
 * "malloc(): unaligned tcache chunk"). Taking the shared layout once, for good, makes every later
 * layout one of its own, freed by its own thread. It costs one small object per text laid out.
 *
 * <p>Every class that draws text on a canvas installs it before its first canvas exists.
 */
public final class TextLayoutGuard {
  private static final Logger LOG = LoggerFactory.getLogger(TextLayoutGuard.class);
  private static Object kept; // JavaFX's reusable glyph layout, taken and never handed back

  private TextLayoutGuard() {}

  /** Takes the shared glyph layout (once; later calls do nothing). */
  public static synchronized void install() {
    if (kept != null) {
      return;
    }
    try {
      Method take = Class.forName("com.sun.javafx.text.GlyphLayout").getMethod("getInstance");
      kept = take.invoke(null);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // Another JavaFX: its text layout may not share one object; nothing to keep.
      kept = Boolean.FALSE;
      LOG.warn("text layout guard not installed: {}", e.toString());
    }
  }

  /**
   * Whether the shared layout is taken (false before {@link #install} or where JavaFX has none).
   */
  public static synchronized boolean installed() {
    return kept != null && kept != Boolean.FALSE;
  }
}
