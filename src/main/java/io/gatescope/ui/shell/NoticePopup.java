package io.gatescope.ui.shell;

import io.gatescope.ui.common.Notice;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A notice shown as a ControlsFX notification over the window, its text broken into lines a
 * classroom can read.
 */
final class NoticePopup {
  /** How long a notice stays: time to read two lines aloud in a classroom. */
  static final double NOTICE_SECONDS = 8;

  /** A notice's widest line, in Latin characters (a Chinese one counts two). */
  static final int NOTICE_COLUMNS = 64;

  private NoticePopup() {}

  /**
   * A notice as a ControlsFX notification at the window's bottom right (above the status bar, clear
   * of the menus and tabs), in its dark style: seen on a small screen where the status bar's text
   * may be cut; it fades after a while.
   */
  static void show(Window owner, Notice n) {
    Notifications.create()
        .owner(owner)
        .title(n.title())
        .text(wrap(n.text(), NOTICE_COLUMNS))
        .graphic(new FontIcon("mdi2i-information-outline"))
        .position(Pos.BOTTOM_RIGHT)
        .hideAfter(Duration.seconds(NOTICE_SECONDS))
        .darkStyle()
        .styleClass("gatescope-notice")
        .show();
  }

  /**
   * {@code text} broken into lines of at most {@code columns} (a Chinese character counts two), at
   * spaces where there are any: a notice is as wide as its longest line, and one long line would
   * cover the bottom of the window, buttons included.
   */
  static String wrap(String text, int columns) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(wrapLine(line, columns));
    }
    return out.toString();
  }

  /** Chinese punctuation a line may end after. */
  private static final String BREAK_AFTER = "，。；：、！？";

  private static String wrapLine(String s, int columns) {
    StringBuilder out = new StringBuilder();
    int breakAt = -1;
    boolean atSpace = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (width(out, out.lastIndexOf("\n") + 1) + width(c) > columns && breakAt >= 0) {
        if (atSpace) {
          out.setCharAt(breakAt, '\n');
        } else {
          out.insert(breakAt, '\n');
        }
        breakAt = -1;
      }
      out.appendCodePoint(c);
      if (c == ' ') {
        breakAt = out.length() - 1;
        atSpace = true;
      } else if (BREAK_AFTER.indexOf(c) >= 0) {
        breakAt = out.length();
        atSpace = false;
      }
    }
    return out.toString();
  }

  private static int width(CharSequence s, int from) {
    return s.subSequence(from, s.length()).codePoints().map(NoticePopup::width).sum();
  }

  private static int width(int c) {
    return Character.isIdeographic(c) || c >= 0x3000 && c <= 0x303F || c >= 0xFF00 ? 2 : 1;
  }
}
