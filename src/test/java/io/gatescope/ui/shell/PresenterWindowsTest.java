package io.gatescope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.ColorScheme;
import io.gatescope.ui.common.Notice;
import io.gatescope.ui.common.PictureExport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The windows the main window opens (a menu, a picture's context menu, a tooltip, a dialog, the ⓘ
 * pop-over, a notice) have presenter mode's font size while it is on, and the usual one off.
 */
class PresenterWindowsTest extends WorkbenchTestBase {
  @Override
  protected String workspace() {
    return "draw";
  }

  @AfterEach
  void usualColours() throws Exception {
    FxTestSupport.run(() -> ColorScheme.useHighContrast(false));
  }

  @Test
  void menusTooltipsDialogsAndNoticesFollowPresenterMode() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    List<Supplier<Window>> windows =
        List.of(this::fileMenu, this::exportMenu, this::tooltip, this::dialog, this::notice);
    List<String> names = List.of("a menu", "a picture's menu", "a tooltip", "a dialog", "a notice");
    double[] usual = new double[windows.size()];
    for (int i = 0; i < usual.length; i++) {
      usual[i] = largestText(windows.get(i));
      assertTrue(usual[i] > 5, names.get(i));
    }
    FxTestSupport.run(
        () -> {
          wb.shell.presenter().choosePercent(200);
          wb.shell.presenter().setOn(true);
        });
    WaitForAsyncUtils.waitForFxEvents();
    for (int i = 0; i < usual.length; i++) {
      double on = largestText(windows.get(i));
      if (i < 2) {
        assertEquals(2 * 13.0, on, 0.01, names.get(i)); // the window's font, twice as large
      }
      assertEquals(2.0, on / usual[i], 0.01, names.get(i) + ": " + on + " from " + usual[i]);
    }

    FxTestSupport.run(() -> wb.shell.presenter().setOn(false));
    WaitForAsyncUtils.waitForFxEvents();
    for (int i = 0; i < usual.length; i++) {
      assertEquals(usual[i], largestText(windows.get(i)), 0.01, names.get(i) + ", off again");
    }
  }

  /** Shows a window, measures the largest text in it, closes it. */
  private double largestText(Supplier<Window> show) throws Exception {
    Window w = FxTestSupport.onFx(show::get);
    WaitForAsyncUtils.waitForFxEvents();
    double size =
        FxTestSupport.onFx(
            () -> {
              Scene s = w.getScene();
              s.getRoot().applyCss();
              List<Text> texts = new ArrayList<>();
              collect(s.getRoot(), texts);
              return texts.stream()
                  .filter(t -> t.getText() != null && !t.getText().isBlank())
                  .mapToDouble(t -> t.getFont().getSize())
                  .max()
                  .orElse(0);
            });
    if (w.getScene().getRoot().lookup(".notification-bar") == null) {
      FxTestSupport.run(w::hide); // notices go by themselves
      WaitForAsyncUtils.waitForFxEvents();
    }
    return size;
  }

  private static void collect(Node n, List<Text> into) {
    if (n instanceof Text t) {
      into.add(t);
    }
    if (n instanceof Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> collect(c, into));
    }
  }

  private Window fileMenu() {
    Menu file = ((MenuBar) wb.shell.getTop()).getMenus().get(0);
    file.hide(); // closing its window leaves the menu "showing"
    file.show();
    return Window.getWindows().stream()
        .filter(w -> w instanceof ContextMenu && w.isShowing())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no menu"));
  }

  private Window exportMenu() {
    Node strip = wb.shell.lookup(".step-strip");
    ContextMenu menu = PictureExport.menuOf(strip);
    if (menu == null) {
      strip.fireEvent(
          new javafx.scene.input.ContextMenuEvent(
              javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, 0, 0, false, null));
      menu = PictureExport.menuOf(strip);
    } else {
      menu.show(strip, 0, 0);
    }
    return menu;
  }

  private Window tooltip() {
    Tooltip t = new Tooltip("Γf of unit 16");
    t.show(wb.shell.getScene().getWindow(), 10, 10);
    return t;
  }

  private Window dialog() {
    Alert a = new Alert(Alert.AlertType.INFORMATION, "Γu, Γf, Γo");
    a.initOwner(wb.shell.getScene().getWindow());
    // As the keys dialog has them: the window's style sheets, whose root sets the usual size.
    a.getDialogPane().getStylesheets().addAll(wb.shell.getScene().getStylesheets());
    a.show();
    return a.getDialogPane().getScene().getWindow();
  }

  private Window notice() {
    wb.session.notify(new Notice("Γf", "c⟨t⟩"));
    return Window.getWindows().stream()
        .filter(w -> w instanceof PopupWindow && w.isShowing())
        .filter(w -> w.getScene().getRoot().lookup(".notification-bar") != null)
        .reduce((first, last) -> last) // the newest
        .orElseThrow(() -> new AssertionError("no notice"));
  }
}
