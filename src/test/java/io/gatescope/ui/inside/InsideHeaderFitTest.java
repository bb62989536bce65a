package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatescope.app.GateScopeApp;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.ShippedLessons;
import io.gatescope.ui.FitCheck;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Inside at 1024×600 in 简体中文, through a lesson with a clamp and after closing it: the summary stays
 * on one line (the top bar keeps its height) and the gate-statistics row lies whole in the side
 * column, with and without an intervention active.
 */
class InsideHeaderFitTest extends WorkbenchTestBase {
  @BeforeAll
  static void speakChinese() {
    GateScopeApp.useLanguage(Locale.SIMPLIFIED_CHINESE);
  }

  @AfterAll
  static void speakEnglish() {
    GateScopeApp.useLanguage(Locale.ENGLISH);
  }

  @Override
  protected String workspace() {
    return "inside";
  }

  @Test
  void theHeaderStaysOneLineAndTheStatisticsRowWholeAfterALesson() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    Stage stage = FxTestSupport.onFx(() -> (Stage) wb.shell.getScene().getWindow());
    FxTestSupport.run(
        () -> {
          stage.setWidth(1024);
          stage.setHeight(600);
        });
    FxTestSupport.awaitSceneHeight(stage, 600);
    Lesson lesson = ShippedLessons.load("forget-gate");
    List<String> problems = new ArrayList<>();
    FxTestSupport.run(() -> wb.lessonVm.open(lesson));
    for (int k = 0; k < lesson.steps().size(); k++) {
      int step = k;
      FxTestSupport.run(() -> wb.lessonVm.go(step));
      FxTestSupport.waitFor("the step", 60, () -> wb.lessonVm.settledProperty().get());
      problems.addAll(problems("lesson step " + (k + 1)));
    }
    // Closed on the last step, which clamps a gate: the step's unit and timestep stay shown.
    FxTestSupport.run(wb.lessonVm::close);
    FxTestSupport.run(() -> wb.shell.select(Workspace.INSIDE));
    FxTestSupport.waitFor("the trace", 30, () -> wb.insideVm.traceProperty().get() != null);
    problems.addAll(problems("closed"));
    // The clamp of the last step again, by hand: the summary's note of it.
    FxTestSupport.run(() -> wb.insideVm.setInterventions(lesson.steps().get(3).interventions()));
    FxTestSupport.waitFor(
        "the intervention", 30, () -> wb.insideVm.summaryProperty().get().contains("干预"));
    problems.addAll(problems("closed, a clamp on"));
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  private List<String> problems(String where) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    return FxTestSupport.onFx(
        () -> {
          wb.shell.getScene().getRoot().applyCss();
          wb.shell.getScene().getRoot().layout();
          List<String> out = new ArrayList<>();
          Node top = wb.insideView.getTop();
          Label summary = (Label) ((javafx.scene.Parent) top).getChildrenUnmodifiable().get(0);
          Bounds s = summary.getLayoutBounds();
          double line = summary.getFont().getSize() * 1.6;
          if (s.getHeight() > line) {
            out.add(
                where
                    + ": the summary on two lines, "
                    + s.getHeight()
                    + " px: "
                    + summary.getText());
          }
          Node stats = wb.shell.getScene().lookup("#inside-stats");
          if (!FitCheck.wholeInView(stats.getParent())) {
            out.add(
                where
                    + ": the statistics row cut at "
                    + stats.getParent().localToScene(stats.getParent().getLayoutBounds()));
          }
          return out;
        });
  }
}
