package io.gatescope.ui.shell;

import io.gatescope.core.Messages;
import io.gatescope.core.model.ModelFileException;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.ModelShelf;
import java.io.File;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Before the window closes: offers to save each trained or taught model that no file holds. */
final class QuitGuard {
  private final ModelShelf shelf;
  private final FileChooser chooser;
  private final Supplier<Window> window;

  QuitGuard(ModelShelf shelf, FileChooser chooser, Supplier<Window> window) {
    this.shelf = shelf;
    this.chooser = chooser;
    this.window = window;
  }

  /**
   * @return false when the user cancelled (the window stays open)
   */
  boolean confirm() {
    for (ModelEntry e : shelf.unsaved()) {
      ButtonType saveIt = new ButtonType(Messages.get("quit.save"), ButtonBar.ButtonData.YES);
      ButtonType drop = new ButtonType(Messages.get("quit.discard"), ButtonBar.ButtonData.NO);
      Alert a =
          new Alert(
              Alert.AlertType.CONFIRMATION,
              Messages.get("quit.unsaved.text", e.labelBinding().get()),
              saveIt,
              drop,
              ButtonType.CANCEL);
      a.initOwner(window.get());
      a.setTitle(Messages.get("quit.title"));
      a.setHeaderText(Messages.get("quit.unsaved.header", e.name()));
      a.getDialogPane().setId("quit-dialog");
      a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
      ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
      if (answer == ButtonType.CANCEL) {
        return false;
      }
      if (answer == saveIt && !save(e)) {
        return false;
      }
    }
    return true;
  }

  private boolean save(ModelEntry e) {
    chooser.setInitialFileName("model.gatescope");
    File f = chooser.showSaveDialog(window.get());
    if (f == null) {
      return false;
    }
    try {
      shelf.save(e, f.toPath());
      return true;
    } catch (ModelFileException ex) {
      Alert err = new Alert(Alert.AlertType.ERROR, ex.getMessage());
      err.initOwner(window.get());
      err.showAndWait();
      return false;
    }
  }
}
