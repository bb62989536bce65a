package io.gatescope.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.data.Mnist;
import io.gatescope.core.train.Evaluation;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Workspace;
import java.util.List;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class EvaluateViewTest extends WorkbenchTestBase {

  @Override
  protected String workspace() {
    return "Evaluate";
  }

  @Test
  void evaluationFillsTheMatrixTheMistakesAndTheGradientFlow(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    robot.clickOn(FxTestSupport.centre(robot, "#evaluate-run"));
    FxTestSupport.waitFor(
        "evaluation",
        120,
        () ->
            wb.evaluateVm.evaluationProperty().get() != null
                && !wb.evaluateVm.busyProperty().get());
    Evaluation ev = FxTestSupport.onFx(() -> wb.evaluateVm.evaluationProperty().get());
    int total = 0;
    int diag = 0;
    for (int a = 0; a < 10; a++) {
      for (int p = 0; p < 10; p++) {
        total += ev.confusion()[a][p];
      }
      diag += ev.confusion()[a][a];
    }
    assertEquals(10_000, total, "the matrix sums to the test-set size");
    assertEquals(ev.accuracy(), diag / 10_000.0, 1e-12, "its diagonal is the accuracy");
    assertTrue(ev.accuracy() >= 0.985, "shipped model: " + ev.accuracy());

    // The current model's gradient flow is named after the model: beside the comparison's own
    // short LSTM run, "current model" alone does not say which LSTM is which.
    String current = FxTestSupport.onFx(() -> wb.session.models().currentProperty().get().name());
    javafx.scene.chart.LineChart<?, ?> flowChart =
        robot.lookup("#evaluate-flow").queryAs(javafx.scene.chart.LineChart.class);
    FxTestSupport.waitFor(
        "the current model's flow named " + current,
        30,
        () -> flowChart.getData().stream().anyMatch(series -> current.equals(series.getName())));

    // The colour legend: wrong cells from 0 to the largest wrong count, as computed.
    int maxWrong = 0;
    for (int a = 0; a < 10; a++) {
      for (int p = 0; p < 10; p++) {
        if (a != p) {
          maxWrong = Math.max(maxWrong, ev.confusion()[a][p]);
        }
      }
    }
    javafx.scene.Node legend = robot.lookup("#evaluate-legend").query();
    assertTrue(FxTestSupport.onFx(legend::isVisible), "the legend shows once evaluated");
    assertEquals(
        "0",
        FxTestSupport.onFx(
            () ->
                robot
                    .lookup("#evaluate-legend-min")
                    .queryAs(javafx.scene.control.Label.class)
                    .getText()));
    assertEquals(
        Integer.toString(maxWrong),
        FxTestSupport.onFx(
            () ->
                robot
                    .lookup("#evaluate-legend-max")
                    .queryAs(javafx.scene.control.Label.class)
                    .getText()));
    assertTrue(maxWrong >= 2, "the shipped model mixes up some pair at least twice: " + maxWrong);
    // The comparison chart's accuracy axis stays inside 0..1 (checked empty: 0..1).
    var compareY =
        (javafx.scene.chart.NumberAxis)
            robot
                .lookup("#evaluate-compare-chart")
                .queryAs(javafx.scene.chart.LineChart.class)
                .getYAxis();
    assertTrue(FxTestSupport.onFx(compareY::getUpperBound) <= 1.0);

    Mnist data = FxTestSupport.onFx(() -> wb.session.dataProperty().get());
    List<Integer> mistakes = FxTestSupport.onFx(() -> List.copyOf(wb.evaluateVm.gallery()));
    assertFalse(mistakes.isEmpty());
    for (int i : mistakes) {
      assertTrue(ev.predicted()[i] != data.test().label(i), "#" + i + " is a mistake");
    }

    // The most common confusion, selected as a click on the matrix would.
    int[] worst = {0, 1};
    for (int a = 0; a < 10; a++) {
      for (int p = 0; p < 10; p++) {
        if (a != p && ev.confusion()[a][p] > ev.confusion()[worst[0]][worst[1]]) {
          worst = new int[] {a, p};
        }
      }
    }
    int[] cell = worst;
    FxTestSupport.run(() -> wb.evaluateVm.selectCell(cell));
    List<Integer> shown = FxTestSupport.onFx(() -> List.copyOf(wb.evaluateVm.gallery()));
    assertEquals(
        Math.min(EvaluateViewModel.GALLERY, ev.confusion()[cell[0]][cell[1]]), shown.size());
    for (int i : shown) {
      assertEquals(cell[0], data.test().label(i));
      assertEquals(cell[1], ev.predicted()[i]);
    }

    assertEquals(28, FxTestSupport.onFx(() -> wb.evaluateVm.flows().get(0).hidden().length));

    int first = shown.get(0);
    FxTestSupport.run(() -> wb.evaluateVm.open(first, Workspace.INSIDE));
    TabPane tabs = robot.lookup("#workspaces").queryAs(TabPane.class);
    assertEquals(
        "Inside", FxTestSupport.onFx(() -> tabs.getSelectionModel().getSelectedItem().getText()));
    assertEquals(cell[0], FxTestSupport.onFx(() -> wb.session.inputLabelProperty().get()));
  }

  /**
   * The matrix's ⓘ (top right of the panel) covers neither a digit label nor a cell: before an
   * evaluation (the matrix then has the column's full height, so its width decides its size) and
   * after one, at 1366×768 and 1024×600, and in presenter mode, where it is laid out smaller.
   */
  @Test
  void theMatrixHelpIconCoversNoLabelNorCell(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    javafx.stage.Stage stage =
        FxTestSupport.onFx(() -> (javafx.stage.Stage) wb.shell.getScene().getWindow());
    ConfusionMatrix matrix = robot.lookup("#evaluate-matrix").queryAs(ConfusionMatrix.class);
    List<String> overlaps = new java.util.ArrayList<>();
    for (boolean evaluated : new boolean[] {false, true}) {
      if (evaluated) {
        WorkbenchFixture.evaluate(wb);
      }
      for (int[] c :
          new int[][] {
            {1366, 768, 0}, {1024, 600, 0}, {1366, 768, 150}, {1366, 768, 200}, {1024, 600, 150}
          }) {
        FxTestSupport.windowAt(stage, wb.shell.presenter(), c[0], c[1], c[2]);
        javafx.scene.Node icon = robot.lookup("#help-evaluate-matrix").query();
        FxTestSupport.waitFor("the matrix's ⓘ", 10, icon::isVisible);
        String overlap =
            FxTestSupport.onFx(
                () -> {
                  wb.shell.getScene().getRoot().layout();
                  javafx.geometry.Bounds drawn = matrix.localToScene(matrix.drawnBounds());
                  javafx.geometry.Bounds i = icon.localToScene(icon.getLayoutBounds());
                  return drawn.intersects(i)
                      ? c[0]
                          + "×"
                          + c[1]
                          + " "
                          + c[2]
                          + "% evaluated "
                          + evaluated
                          + ": "
                          + i
                          + " over "
                          + drawn
                      : null;
                });
        if (overlap != null) {
          overlaps.add(overlap);
        }
      }
      FxTestSupport.run(() -> wb.shell.presenter().setOn(false));
    }
    assertEquals(List.of(), overlaps, String.join("\n", overlaps));
  }

  /** Before anything is evaluated or compared the charts say so, on axes that mean something. */
  @Test
  void beforeAnEvaluationTheChartsSaySo(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    List<String> notes =
        FxTestSupport.onFx(
            () ->
                robot.lookup("#evaluate-view .chart-placeholder").queryAll().stream()
                    .filter(javafx.scene.Node::isVisible)
                    .map(n -> ((javafx.scene.control.Label) n).getText())
                    .toList());
    assertEquals(
        List.of(
            "No evaluation yet: press Evaluate model", "No comparison yet: press Compare cells"),
        notes);
    var compare =
        robot.lookup("#evaluate-compare-chart").queryAs(javafx.scene.chart.LineChart.class);
    var x = (javafx.scene.chart.NumberAxis) compare.getXAxis();
    var y = (javafx.scene.chart.NumberAxis) compare.getYAxis();
    // The comparison trains the quick demo: 2 epochs of 94 batches.
    assertEquals(0.0, FxTestSupport.onFx(x::getLowerBound));
    assertEquals(188.0, FxTestSupport.onFx(x::getUpperBound));
    assertEquals(0.0, FxTestSupport.onFx(y::getLowerBound));
    assertEquals(1.0, FxTestSupport.onFx(y::getUpperBound));
    var flow = robot.lookup("#evaluate-flow").queryAs(javafx.scene.chart.LineChart.class);
    assertFalse(
        FxTestSupport.onFx(() -> flow.getYAxis().isTickLabelsVisible()),
        "no gradient numbers before there are any");
  }

  /** A tight accuracy axis: whole tenths around the curves, never below 0 or above 1. */
  @Test
  void accuracyAxesStayInsideZeroToOne() throws Exception {
    javafx.scene.chart.NumberAxis axis =
        FxTestSupport.onFx(
            () -> {
              var a = new javafx.scene.chart.NumberAxis();
              Axes.fitAccuracy(a, 0.52, 0.998);
              return a;
            });
    assertEquals(0.5, axis.getLowerBound(), 1e-12);
    assertEquals(1.0, axis.getUpperBound(), 1e-12);
    FxTestSupport.run(() -> Axes.fitAccuracy(axis, 1.0, 1.0));
    assertEquals(0.9, axis.getLowerBound(), 1e-12);
    assertEquals(1.0, axis.getUpperBound(), 1e-12);
    FxTestSupport.run(() -> Axes.fitAccuracy(axis, 0.0, 0.04));
    assertEquals(0.0, axis.getLowerBound(), 1e-12);
    assertEquals(0.1, axis.getUpperBound(), 1e-12);
  }

  /** The matrix and the gallery work from the keyboard: arrows, Enter, Shift+Enter. */
  @Test
  void theMatrixAndTheGalleryWorkByKeyboard(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    WorkbenchFixture.evaluate(wb);
    javafx.scene.Node matrix = robot.lookup("#evaluate-matrix").query();
    FxTestSupport.run(matrix::requestFocus);
    robot.press(javafx.scene.input.KeyCode.DOWN).release(javafx.scene.input.KeyCode.DOWN);
    robot.press(javafx.scene.input.KeyCode.RIGHT).release(javafx.scene.input.KeyCode.RIGHT);
    robot.press(javafx.scene.input.KeyCode.RIGHT).release(javafx.scene.input.KeyCode.RIGHT);
    robot.press(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.ENTER);
    FxTestSupport.waitFor(
        "cell (1, 2) selected",
        5,
        () ->
            java.util.Arrays.equals(new int[] {1, 2}, wb.evaluateVm.selectedCellProperty().get()));
    Evaluation ev = FxTestSupport.onFx(() -> wb.evaluateVm.evaluationProperty().get());
    List<Integer> shown = FxTestSupport.onFx(() -> List.copyOf(wb.evaluateVm.gallery()));
    assertEquals(Math.min(EvaluateViewModel.GALLERY, ev.confusion()[1][2]), shown.size());
    assertTrue(shown.size() >= 2, "the shipped model reads at least two 1s as 2");

    javafx.scene.Node gallery = robot.lookup("#evaluate-gallery").query();
    FxTestSupport.run(gallery::requestFocus);
    robot.press(javafx.scene.input.KeyCode.RIGHT).release(javafx.scene.input.KeyCode.RIGHT);
    robot
        .press(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.ENTER)
        .release(javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCode.SHIFT);
    FxTestSupport.waitFor(
        "the second image in Draw",
        5,
        () ->
            wb.shell.selectedWorkspace() == Workspace.DRAW
                && Integer.valueOf(1).equals(wb.session.inputLabelProperty().get()));
    assertEquals(
        FxTestSupport.onFx(() -> wb.session.inputSourceProperty().get()),
        "MNIST test #" + shown.get(1));
  }

  /**
   * All the mistakes, more than the column holds: the arrows walk down past its bottom edge, the
   * outlined image scrolls into view, and Enter opens that image in Inside.
   */
  @Test
  void theGalleryScrollsToTheOutlinedImageAndEnterOpensIt(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    WorkbenchFixture.evaluate(wb);
    List<Integer> shown = FxTestSupport.onFx(() -> List.copyOf(wb.evaluateVm.gallery()));
    assertEquals(EvaluateViewModel.GALLERY, shown.size(), "the shipped model makes more mistakes");
    javafx.scene.Node gallery = robot.lookup("#evaluate-gallery").query();
    FxTestSupport.run(gallery::requestFocus);
    for (int i = 0; i < 40; i++) {
      robot.press(javafx.scene.input.KeyCode.DOWN).release(javafx.scene.input.KeyCode.DOWN);
    }
    javafx.scene.input.KeyCode right = javafx.scene.input.KeyCode.RIGHT;
    robot.press(right).release(right);
    var outlined =
        FxTestSupport.onFx(
            () -> {
              var cells =
                  robot
                      .lookup("#evaluate-gallery .grid-cell")
                      .match(
                          (org.controlsfx.control.GridCell<Integer> c) ->
                              c.isVisible()
                                  && c.getPseudoClassStates()
                                      .contains(javafx.css.PseudoClass.getPseudoClass("cursor")))
                      .queryAllAs(org.controlsfx.control.GridCell.class);
              assertEquals(1, cells.size(), "one outlined image");
              return (org.controlsfx.control.GridCell<?>) cells.iterator().next();
            });
    int item = FxTestSupport.onFx(() -> (Integer) outlined.getItem());
    assertEquals(shown.get(shown.size() - 1), item, "the last mistake, below the first screen");
    javafx.geometry.Bounds cell =
        FxTestSupport.onFx(() -> outlined.localToScene(outlined.getLayoutBounds()));
    javafx.geometry.Bounds view =
        FxTestSupport.onFx(() -> gallery.localToScene(gallery.getLayoutBounds()));
    assertTrue(
        cell.getMinY() >= view.getMinY() - 0.5 && cell.getMaxY() <= view.getMaxY() + 0.5,
        "scrolled into view: " + cell + " in " + view);
    robot.press(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.ENTER);
    FxTestSupport.waitFor(
        "the outlined image in Inside",
        5,
        () ->
            wb.shell.selectedWorkspace() == Workspace.INSIDE
                && ("MNIST test #" + item).equals(wb.session.inputSourceProperty().get()));
  }
}
