package io.gatescope.ui.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.app.Workbench;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DrawViewTest {
  Workbench wb;

  @Start
  void start(Stage stage) {
    wb = WorkbenchFixture.show(stage, "Draw");
  }

  @AfterEach
  void stop() throws Exception {
    FxTestSupport.run(wb::shutdown);
  }

  static float sum(float[] p) {
    float s = 0;
    for (float v : p) {
      s += v;
    }
    return s;
  }

  @Test
  void aDragDrawsPredictsClearsAndUndoes(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    DrawViewModel vm = wb.drawVm;
    Node canvas = robot.lookup("#draw-canvas").query();
    // A vertical stroke: a "1".
    robot.moveTo(canvas).moveBy(0, -90).press(MouseButton.PRIMARY);
    for (int i = 0; i < 18; i++) {
      robot.moveBy(0, 10);
    }
    robot.release(MouseButton.PRIMARY);
    FxTestSupport.waitFor("a prediction", 30, () -> vm.probabilitiesProperty().get() != null);
    float[] input = FxTestSupport.onFx(() -> wb.session.inputProperty().get());
    assertNotNull(input, "the preview is not empty");
    float ink = 0;
    for (float v : input) {
      ink += v;
    }
    assertTrue(ink > 10, "ink in the 28×28 input: " + ink);
    float[] p = FxTestSupport.onFx(() -> vm.probabilitiesProperty().get());
    assertEquals(10, p.length);
    assertEquals(1f, sum(p), 1e-4f);
    assertEquals(1, FxTestSupport.onFx(() -> vm.strokes().size()));

    // A second stroke, then undo restores the first drawing's input.
    robot
        .moveTo(canvas)
        .moveBy(-60, -60)
        .press(MouseButton.PRIMARY)
        .moveBy(60, 0)
        .moveBy(60, 0)
        .release(MouseButton.PRIMARY);
    FxTestSupport.waitFor("two strokes", 10, () -> vm.strokes().size() == 2);
    robot.clickOn("#draw-undo");
    FxTestSupport.waitFor("undo", 10, () -> vm.strokes().size() == 1);
    float[] afterUndo = FxTestSupport.onFx(() -> wb.session.inputProperty().get());
    org.junit.jupiter.api.Assertions.assertArrayEquals(input, afterUndo, 1e-6f);

    robot.clickOn("#draw-clear");
    FxTestSupport.waitFor("cleared", 10, () -> vm.probabilitiesProperty().get() == null);
    assertNull(FxTestSupport.onFx(() -> wb.session.inputProperty().get()));
    assertEquals(0, FxTestSupport.onFx(() -> vm.strokes().size()));
    assertEquals("Draw a digit", FxTestSupport.onFx(() -> vm.headlineProperty().get()));
  }

  @Test
  void aTestImageLoadedByIndexIsReadAsItsLabelByTheShippedModel(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    int[] labels = {7, 2, 1, 0, 4};
    for (int i = 0; i < labels.length; i++) {
      int idx = i;
      FxTestSupport.run(() -> wb.drawVm.loadTestImage(idx));
      FxTestSupport.waitFor(
          "prediction of #" + i,
          30,
          () ->
              wb.drawVm.predictedForProperty().get() != null
                  && wb.drawVm.predictedForProperty().get() == wb.session.inputProperty().get());
      assertEquals(labels[i], FxTestSupport.onFx(() -> wb.drawVm.predictedProperty().get()));
      float[][] steps = FxTestSupport.onFx(() -> wb.drawVm.stepProbabilitiesProperty().get());
      assertEquals(28, steps.length);
    }
  }
}
