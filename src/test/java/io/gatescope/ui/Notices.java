package io.gatescope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/** The ControlsFX notifications on screen, read as their texts (title, then text), for tests. */
public final class Notices {
  private Notices() {}

  /** A notice's text as given, before the window broke it into lines (NoticePopup.wrap). */
  private static String unwrapped(String s) {
    return s.replaceAll("(?<=[，。；：、！？])\n", "").replace('\n', ' ');
  }

  /** Each showing notification's title and text, joined by " | "; FX thread. */
  public static List<String> showing() {
    List<String> out = new ArrayList<>();
    for (Window w : Window.getWindows()) {
      if (w instanceof PopupWindow && w.isShowing() && w.getScene() != null) {
        for (Node bar : w.getScene().getRoot().lookupAll(".notification-bar")) {
          List<String> texts = new ArrayList<>();
          for (Node n : bar.lookupAll(".label")) {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
              texts.add(unwrapped(l.getText()));
            }
          }
          out.add(String.join(" | ", texts));
        }
      }
    }
    return out;
  }
}
