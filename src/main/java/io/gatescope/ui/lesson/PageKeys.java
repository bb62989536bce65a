package io.gatescope.ui.lesson;

import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Page Down and Page Up, which presentation clickers send, walk the open lesson's steps. */
final class PageKeys {
  private PageKeys() {}

  /**
   * Page Down / Page Up go to the next / previous step while a lesson is open, in the scene that
   * {@code bar} is in, except while {@code editing}.
   */
  static void bind(Node bar, LessonViewModel vm, BooleanSupplier editing) {
    bar.sceneProperty()
        .addListener(
            (o, a, scene) -> {
              if (scene != null) {
                scene.addEventFilter(
                    KeyEvent.KEY_PRESSED,
                    e -> {
                      if (vm.lessonProperty().get() == null || editing.getAsBoolean()) {
                        return;
                      }
                      if (e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
                        return;
                      }
                      if (e.getCode() == KeyCode.PAGE_DOWN) {
                        vm.next();
                        e.consume();
                      } else if (e.getCode() == KeyCode.PAGE_UP) {
                        vm.back();
                        e.consume();
                      }
                    });
              }
            });
  }
}
