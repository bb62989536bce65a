package io.gatescope.app;

import io.gatescope.core.Messages;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Shows uncaught errors in a dialog with copyable details, logs them, and keeps the app alive. */
final class CrashDialog {
  private static volatile boolean showing;

  private CrashDialog() {}

  static void install() {
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> {
          CrashReport r = CrashReport.of(t, e);
          boolean logged = r.appendTo(CrashReport.logFile());
          System.err.println(r.details());
          Platform.runLater(() -> show(r, logged));
        });
  }

  private static void show(CrashReport r, boolean logged) {
    if (showing) {
      return; // one dialog at a time; the rest are in the log
    }
    showing = true;
    Alert a = new Alert(Alert.AlertType.ERROR);
    a.setTitle("GateScope");
    a.setHeaderText(r.summary());
    TextArea details =
        new TextArea(
            (logged ? Messages.get("crash.logged", CrashReport.logFile()) + "\n\n" : "")
                + r.details());
    details.setEditable(false);
    details.setPrefRowCount(14);
    a.getDialogPane().setExpandableContent(details);
    ButtonType copy = new ButtonType(Messages.get("crash.copy"));
    a.getButtonTypes().setAll(copy, ButtonType.CLOSE);
    a.showAndWait()
        .filter(b -> b == copy)
        .ifPresent(
            b -> {
              ClipboardContent c = new ClipboardContent();
              c.putString(r.details());
              Clipboard.getSystemClipboard().setContent(c);
            });
    showing = false;
  }
}
