package io.gatescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatescope.app.GateScopeApp;
import io.gatescope.app.Workbench;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.GradientFlow;
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
 * The window on classroom screens: every workspace at 1024×600 and 1366×768, in English and 简体中文,
 * with real content in it (a finished run, a test digit, a selected unit, an evaluation). No label
 * may be cut and no control may lie outside the window or its workspace.
 */
@org.junit.jupiter.api.extension.ExtendWith(ApplicationExtension.class)
class ScreenFitTest {
  static final int[][] SIZES = {{1024, 600}, {1366, 768}};
  static final List<String> WORKSPACES = List.of("train", "draw", "inside", "units", "evaluate");

  /** Buttons a teacher must see without scrolling, per workspace. */
  static final java.util.Map<String, List<String>> ALWAYS_SHOWN =
      java.util.Map.of(
          "train", List.of("#train-start", "#train-pause", "#train-stop", "#train-export"),
          "evaluate", List.of("#evaluate-run", "#evaluate-compare", "#evaluate-stop"));

  private Workbench wb;
  private Stage stage;

  @AfterEach
  void close() throws Exception {
    if (wb != null) {
      FxTestSupport.run(wb::shutdown);
    }
    GateScopeApp.useLanguage(Locale.ENGLISH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void everyWorkspaceFitsClassroomScreens(String language) throws Exception {
    var opened = WorkbenchFixture.openOnPrimaryStage(Locale.forLanguageTag(language), "train");
    stage = opened.stage();
    wb = opened.wb();
    fillWithContent(wb);
    List<String> problems = new ArrayList<>();
    for (int[] size : SIZES) {
      FxTestSupport.run(
          () -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
          });
      FxTestSupport.awaitSceneHeight(stage, size[1]);
      for (String ws : WORKSPACES) {
        FxTestSupport.run(() -> wb.shell.select(Workspace.byId(ws).orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        String where = language + " " + size[0] + "×" + size[1] + " " + ws + ": ";
        FxTestSupport.onFx(this::problems).forEach(p -> problems.add(where + p));
        for (String id : ALWAYS_SHOWN.getOrDefault(ws, List.of())) {
          if (!FxTestSupport.onFx(() -> FitCheck.wholeInView(stage.getScene().lookup(id)))) {
            problems.add(where + id + " is not wholly on screen");
          }
        }
      }
      // Train with its time-lapse shown (the run's frames in place of the lower charts).
      FxTestSupport.run(
          () -> {
            wb.shell.select(Workspace.TRAIN);
            wb.trainVm.timeLapse().shownProperty().set(true);
          });
      WaitForAsyncUtils.waitForFxEvents();
      String where = language + " " + size[0] + "×" + size[1] + " train time-lapse: ";
      FxTestSupport.onFx(this::problems).forEach(p -> problems.add(where + p));
      if (!FxTestSupport.onFx(
          () -> FitCheck.wholeInView(stage.getScene().lookup("#train-timelapse-slider")))) {
        problems.add(where + "the slider is not wholly on screen");
      }
      FxTestSupport.run(() -> wb.trainVm.timeLapse().shownProperty().set(false));
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  /** A short finished run, test digit 8 at row 14 with a unit selected, and an evaluation. */
  static void fillWithContent(Workbench wb) throws Exception {
    WorkbenchFixture.train(wb, WorkbenchFixture.shortRun(640, 500));
    FxTestSupport.run(() -> wb.session.showTestImage(8));
    FxTestSupport.waitFor("the gate trace", 60, () -> !wb.insideVm.maps().isEmpty());
    FxTestSupport.run(
        () -> {
          wb.session.setTimestep(14);
          wb.insideVm.select(14, 45);
          wb.insideVm.clampGateProperty().set(Quantity.FORGET);
          wb.insideVm.clampValueProperty().set(0.0);
          wb.insideVm.clampSelectedOnlyProperty().set(true);
          wb.insideVm.applyClamp();
          wb.insideVm.silenceSelected();
        });
    FxTestSupport.waitFor(
        "the intervened trace", 60, () -> !wb.insideVm.predictionAfterProperty().get().isEmpty());
    WorkbenchFixture.evaluate(wb);
    // Gradient flows of three more cells, as after a comparison: four legend entries. Their
    // numbers do not matter here, only the room they take.
    double[] norms = new double[28];
    java.util.Arrays.fill(norms, 0.01);
    List<GradientFlow> cells = new java.util.ArrayList<>();
    for (String cell : List.of("LSTM", "GRU", "RNN")) {
      cells.add(new GradientFlow(cell, norms, norms));
    }
    FxTestSupport.run(() -> wb.evaluateVm.showCellFlows(cells));
  }

  /** Menus, tab headers and status bar within the window; the workspace within its own area. */
  private List<String> problems() {
    Parent root = stage.getScene().getRoot();
    root.applyCss();
    root.layout();
    Set<String> out = new LinkedHashSet<>();
    Bounds window =
        new BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
    out.addAll(FitCheck.problems(root, window));
    Node content = wb.shell.tabs().getSelectionModel().getSelectedItem().getContent();
    if (content instanceof Parent p) {
      out.addAll(FitCheck.problems(p, content.localToScene(content.getLayoutBounds())));
      out.addAll(FitCheck.hiddenLegends(p));
    }
    return new ArrayList<>(out);
  }
}
