package io.gatescope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatescope.core.Messages;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.Notices;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Notice;
import io.gatescope.ui.common.Workspace;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Training ended" covers no control a teacher may be about to press (Inside's clamp buttons among
 * them), in every workspace at 1024×600 and 1366×768, and in presenter mode.
 */
class NoticePlaceTest extends WorkbenchTestBase {
  @Override
  protected String workspace() {
    return "inside";
  }

  @Test
  void aNoticeCoversNoControlInAnyWorkspace() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(0));
    FxTestSupport.waitFor("the trace", 30, () -> wb.insideVm.traceProperty().get() != null);
    Stage stage = FxTestSupport.onFx(() -> (Stage) wb.shell.getScene().getWindow());
    Notice ended =
        new Notice(
            Messages.get("notice.trainingEnded"),
            Messages.get(
                "train.finishedInUse", "#1 LSTM H16", Messages.get("trainer.finished", 1)));
    List<String> problems = new ArrayList<>();
    for (int[] c : new int[][] {{1024, 600, 0}, {1366, 768, 0}, {1024, 600, 150}}) {
      FxTestSupport.windowAt(stage, wb.shell.presenter(), c[0], c[1], c[2]);
      for (Workspace w : Workspace.values()) {
        FxTestSupport.run(() -> wb.shell.select(w));
        WaitForAsyncUtils.waitForFxEvents();
        FxTestSupport.run(() -> wb.session.notify(ended));
        FxTestSupport.waitFor("the notice", 10, () -> !Notices.showing().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String where = c[0] + "×" + c[1] + " " + c[2] + "% " + w + ": ";
        FxTestSupport.onFx(() -> overlaps(stage)).forEach(p -> problems.add(where + p));
        FxTestSupport.run(NoticePlaceTest::hideNotices);
      }
    }
    FxTestSupport.run(() -> wb.shell.presenter().setOn(false));
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  /** The controls of the window under a showing notice, in the window's scene. */
  private static List<String> overlaps(Stage stage) {
    Scene scene = stage.getScene();
    scene.getRoot().layout();
    List<String> out = new ArrayList<>();
    for (PopupWindow p : notices()) {
      Bounds notice =
          new BoundingBox(
              p.getX() - stage.getX() - scene.getX(),
              p.getY() - stage.getY() - scene.getY(),
              p.getWidth(),
              p.getHeight());
      for (Bounds c : NoticePlace.controls(scene.getRoot())) {
        if (c.intersects(notice)) {
          out.add("the notice at " + notice + " covers a control at " + c);
        }
      }
    }
    return out;
  }

  private static List<PopupWindow> notices() {
    List<PopupWindow> out = new ArrayList<>();
    for (Window w : List.copyOf(Window.getWindows())) {
      if (w instanceof PopupWindow p
          && p.isShowing()
          && p.getScene() != null
          && p.getScene().getRoot().lookup(".notification-bar") != null) {
        out.add(p);
      }
    }
    return out;
  }

  private static void hideNotices() {
    notices().forEach(PopupWindow::hide);
  }
}
