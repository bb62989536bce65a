package io.gatescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.ui.FxTestSupport;
import java.lang.reflect.Field;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Once a canvas widget exists, no text layout gets JavaFX's shared glyph layout: each gets one of
 * its own, so the render thread (canvas text) and the FX thread (labels) never free the same
 * strings (docs/faults.md, "A native crash at start-up").
 */
@ExtendWith(ApplicationExtension.class)
class TextLayoutGuardTest {
  @Start
  void start(Stage stage) {
    Heatmap map = new Heatmap(); // a canvas widget: installs the guard
    stage.setScene(new Scene(new StackPane(map), 200, 100));
    stage.show();
  }

  @Test
  void everyTextLayoutGetsItsOwnGlyphLayoutOnceACanvasWidgetExists() throws Exception {
    assertTrue(TextLayoutGuard.installed());
    Class<?> glyphLayout = Class.forName("com.sun.javafx.text.GlyphLayout");
    Field shared = glyphLayout.getDeclaredField("reusableGL");
    shared.setAccessible(true);
    Object reusable = shared.get(null);
    assertNotNull(reusable);
    Object[] taken = new Object[2];
    FxTestSupport.run(
        () -> {
          for (int i = 0; i < taken.length; i++) {
            try {
              taken[i] = glyphLayout.getMethod("getInstance").invoke(null);
              glyphLayout.getMethod("dispose").invoke(taken[i]);
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException(e);
            }
          }
        });
    for (Object layout : taken) {
      assertNotSame(reusable, layout, "a text layout got the shared glyph layout");
    }
  }
}
