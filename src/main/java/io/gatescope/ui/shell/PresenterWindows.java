package io.gatescope.ui.shell;

import io.gatescope.ui.common.Presenter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.PopOver;

/**
 * Presenter mode for the windows the main window opens: menus, context menus, tooltips, dialogs,
 * the ⓘ pop-over, notices. Each is a window with its own scene, which the main window's style
 * classes and zoom do not reach, so as each opens (and whenever presenter mode changes) its scene
 * gets a style sheet with presenter mode's font size (the ⓘ pop-over sets its own). Only windows
 * owned, directly or through others, by the main window; the main window itself is scaled by its
 * zoom.
 */
final class PresenterWindows {
  /** The prefix of the style sheets made here, to find and take them off again. */
  private static final String PREFIX = "data:text/css;charset=utf-8;base64,";

  private final Presenter presenter;
  private final Supplier<Window> main;

  /** Held here: the list of windows holds it weakly, so a main window that is gone is not kept. */
  private final ListChangeListener<Window> opened =
      c -> {
        while (c.next()) {
          c.getAddedSubList().forEach(this::follow);
        }
      };

  /**
   * @param main the main window (null before it shows)
   */
  PresenterWindows(Presenter presenter, Supplier<Window> main) {
    this.presenter = presenter;
    this.main = main;
    Window.getWindows().addListener(new WeakListChangeListener<>(opened));
    presenter.onProperty().addListener(o -> followAll());
    presenter.percentProperty().addListener(o -> followAll());
  }

  private void followAll() {
    Window.getWindows().forEach(this::follow);
  }

  /** Gives {@code w} presenter mode's style sheet, or takes it off, if the main window owns it. */
  void follow(Window w) {
    Window m = main.get();
    // The ⓘ pop-over sizes its own text (PanelHelp); a style sheet would also grow its frame.
    if (m == null || w == m || w instanceof PopOver || !ownedBy(w, m) || w.getScene() == null) {
      return;
    }
    // On the scene (a pop-up's content takes its style from its owner's chain and the scene) and
    // on the root after its own sheets (a dialog given the window's style sheet, whose root sets
    // the usual size, must still grow).
    Scene scene = w.getScene();
    for (List<String> sheets : List.of(scene.getStylesheets(), scene.getRoot().getStylesheets())) {
      sheets.removeIf(u -> u.startsWith(PREFIX));
      if (presenter.onProperty().get()) {
        sheets.add(styleSheet(presenter.fontSize()));
      }
    }
  }

  /** The style sheet for text of {@code px} in a window of its own. */
  static String styleSheet(double px) {
    // A tooltip's text is a little smaller than the window's (0.85 em in JavaFX's own style).
    String css =
        String.format(
            Locale.ROOT,
            ".root, .context-menu, .menu-item, .notification-bar, .dialog-pane"
                + " { -fx-font-size: %.2fpx; }%n.tooltip { -fx-font-size: %.2fpx; }%n",
            px,
            px * 0.85);
    return PREFIX + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean ownedBy(Window w, Window owner) {
    for (Window o = w; o != null; o = parent(o)) {
      if (o == owner) {
        return true;
      }
    }
    return false;
  }

  private static Window parent(Window w) {
    if (w instanceof PopupWindow p) {
      return p.getOwnerWindow();
    }
    if (w instanceof Stage s) {
      return s.getOwner();
    }
    return null;
  }
}
