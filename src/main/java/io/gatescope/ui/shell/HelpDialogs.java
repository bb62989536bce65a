package io.gatescope.ui.shell;

import io.gatescope.core.AppInfo;
import io.gatescope.core.Messages;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/** Help ▸ Keys and Help ▸ About: a text in a dialog over the window. */
final class HelpDialogs {
  private HelpDialogs() {}

  /** The keyboard shortcuts, in columns (the window's style sheets lay them out). */
  static void keys(Scene owner) {
    Alert a = dialog(owner, Messages.get("keys.title"), Messages.get("keys.title"));
    TextArea text =
        text(
            Messages.get("keys.text")
                + Messages.get("keys.units")
                + "\n\n"
                + Messages.get("keys.mouse"),
            16);
    text.getStyleClass().add("mono");
    // As wide as its longest lines at any font size (presenter mode's too): columns, not pixels.
    text.setPrefColumnCount(62);
    a.getDialogPane().setContent(text);
    // A dialog is its own scene: give it the window's style sheets (the list is in columns).
    a.getDialogPane().getStylesheets().addAll(owner.getStylesheets());
    a.showAndWait();
  }

  static void about(Scene owner) {
    Alert a = dialog(owner, Messages.get("about.title"), "GateScope " + AppInfo.version());
    a.getDialogPane().setContent(text(Messages.get("about.text"), 12));
    a.showAndWait();
  }

  private static Alert dialog(Scene owner, String title, String header) {
    Alert a = new Alert(Alert.AlertType.INFORMATION);
    a.initOwner(owner.getWindow());
    a.setTitle(title);
    a.setHeaderText(header);
    return a;
  }

  private static TextArea text(String s, int rows) {
    TextArea text = new TextArea(s);
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefRowCount(rows);
    return text;
  }
}
