package io.gatescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.app.GateScopeApp;
import io.gatescope.app.Workbench;
import io.gatescope.ui.common.ColorScheme;
import io.gatescope.ui.common.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode on a classroom projector: every workspace at 1366×768 at 150, 175 and 200 %, and
 * at 1024×600 at 150 %, in English and 简体中文, with real content. No label may be cut; menus and
 * status bar stay in the window; each workspace's controls stay in the workspace, which is laid out
 * at no less than its 1024×600 size and scrolls when scaled beyond the window.
 */
@org.junit.jupiter.api.extension.ExtendWith(ApplicationExtension.class)
class PresenterFitTest {
  /** Width, height, per cent. */
  static final int[][] CASES = {
    {1366, 768, 150}, {1366, 768, 175}, {1366, 768, 200}, {1024, 600, 150}
  };

  private Workbench wb;
  private Stage stage;

  @AfterEach
  void close() throws Exception {
    if (wb != null) {
      FxTestSupport.run(wb::shutdown);
    }
    FxTestSupport.run(() -> ColorScheme.useHighContrast(false));
    GateScopeApp.useLanguage(Locale.ENGLISH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void nothingIsCutInPresenterMode(String language) throws Exception {
    var opened = WorkbenchFixture.openOnPrimaryStage(Locale.forLanguageTag(language), "train");
    stage = opened.stage();
    wb = opened.wb();
    ScreenFitTest.fillWithContent(wb);
    List<String> problems = new ArrayList<>();
    for (int[] c : CASES) {
      FxTestSupport.run(
          () -> {
            stage.setWidth(c[0]);
            stage.setHeight(c[1]);
            wb.shell.presenter().choosePercent(c[2]);
            wb.shell.presenter().setOn(true);
          });
      FxTestSupport.awaitSceneHeight(stage, c[1]);
      for (String ws : ScreenFitTest.WORKSPACES) {
        FxTestSupport.run(() -> wb.shell.select(Workspace.byId(ws).orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        String where = language + " " + c[0] + "×" + c[1] + " " + c[2] + "% " + ws + ": ";
        FxTestSupport.onFx(this::problems).forEach(p -> problems.add(where + p));
      }
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  /**
   * Menus and status bar within the window, no label cut anywhere; the workspace (scaled) holds its
   * controls, and is laid out at no less than the floor.
   */
  private List<String> problems() {
    Parent root = stage.getScene().getRoot();
    root.applyCss();
    root.layout();
    Set<String> out = new LinkedHashSet<>();
    Bounds window =
        new BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
    out.addAll(FitCheck.problems(root, window));
    Node zoom = root.lookup("#presenter-zoom");
    if (zoom == null || zoom.getScene() == null) {
      out.add("presenter mode is not on screen");
      return new ArrayList<>(out);
    }
    Node body = wb.shell.tabs().getParent();
    Bounds laidOut = body.getLayoutBounds();
    if (laidOut.getWidth() < 1024 - 0.5 || laidOut.getHeight() < 548 - 0.5) {
      out.add("workspaces laid out at " + laidOut.getWidth() + "×" + laidOut.getHeight());
    }
    double scale = body.getLocalToSceneTransform().getMxx();
    if (Math.abs(scale - wb.shell.presenter().scale()) > 1e-9) {
      out.add("drawn at " + scale + ", not " + wb.shell.presenter().scale());
    }
    Node content = wb.shell.tabs().getSelectionModel().getSelectedItem().getContent();
    if (content instanceof Parent p) {
      out.addAll(FitCheck.problems(p, content.localToScene(content.getLayoutBounds())));
      out.addAll(FitCheck.hiddenLegends(p));
    }
    assertTrue(scale > 1, "scaled");
    return new ArrayList<>(out);
  }
}
