package io.gatescope.ui.shell;

import io.gatescope.ui.common.Notice;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
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
   * A notice as a ControlsFX notification in its dark style, seen on a small screen where the
   * status bar's text may be cut; it fades after a while. It goes where it covers no control
   * ({@link NoticePlace}): the bottom right unless a control is there (Inside's clamp buttons, a
   * workspace's own bottom row), else along another edge.
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
    place(owner);
  }

  /** Moves the notice just shown to a spot over no control of {@code owner}'s window. */
  private static void place(Window owner) {
    Scene scene = owner.getScene();
    if (scene == null) {
      return;
    }
    for (Window w : List.copyOf(Window.getWindows())) {
      if (w instanceof PopupWindow popup
          && popup.isShowing()
          && popup.getScene() != null
          && popup.getScene().getRoot().lookup(".gatescope-notice") != null
          && popup.getProperties().putIfAbsent(PLACED, Boolean.TRUE) == null) {
        keepPlaced(owner, scene, popup);
      }
    }
  }

  /**
   * Puts {@code popup} on its spot and keeps it there: ControlsFX slides a notice in (and the
   * earlier ones up), which would carry it back over the controls; its size settles after its first
   * layout, so the spot is found again when that changes.
   */
  private static void keepPlaced(Window owner, Scene scene, PopupWindow popup) {
    Point2D[] spot = new Point2D[1];
    Runnable find =
        () -> {
          Point2D at = NoticePlace.find(scene, popup.getWidth(), popup.getHeight());
          spot[0] =
              at == null
                  ? null
                  : new Point2D(
                      owner.getX() + scene.getX() + at.getX(),
                      owner.getY() + scene.getY() + at.getY());
        };
    boolean[] moving = {false};
    Runnable apply =
        () -> {
          if (spot[0] != null && popup.isShowing() && !moving[0]) {
            moving[0] = true; // moving it fires these listeners again
            try {
              popup.setX(spot[0].getX());
              popup.setY(spot[0].getY());
            } finally {
              moving[0] = false;
            }
          }
        };
    find.run();
    apply.run();
    // change listeners: each move is heard, not only the first after a read
    popup.xProperty().addListener((o, a, b) -> apply.run());
    popup.yProperty().addListener((o, a, b) -> apply.run());
    javafx.beans.value.ChangeListener<Number> resized =
        (o, a, b) -> {
          find.run();
          apply.run();
        };
    popup.widthProperty().addListener(resized);
    popup.heightProperty().addListener(resized);
  }

  private static final String PLACED = "gatescope.notice.placed";

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
