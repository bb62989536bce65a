package io.gatescope.ui.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Workspace;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class DrawViewTest extends WorkbenchTestBase {

  @Override
  protected String workspace() {
    return "Draw";
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
    robot.moveTo(FxTestSupport.centre(canvas)).moveBy(0, -90).press(MouseButton.PRIMARY);
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
        .moveTo(FxTestSupport.centre(canvas))
        .moveBy(-60, -60)
        .press(MouseButton.PRIMARY)
        .moveBy(60, 0)
        .moveBy(60, 0)
        .release(MouseButton.PRIMARY);
    FxTestSupport.waitFor("two strokes", 10, () -> vm.strokes().size() == 2);
    robot.clickOn(FxTestSupport.centre(robot, "#draw-undo"));
    FxTestSupport.waitFor("undo", 10, () -> vm.strokes().size() == 1);
    float[] afterUndo = FxTestSupport.onFx(() -> wb.session.inputProperty().get());
    org.junit.jupiter.api.Assertions.assertArrayEquals(input, afterUndo, 1e-6f);

    robot.clickOn(FxTestSupport.centre(robot, "#draw-clear"));
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

  /** Strokes of a digit shape in a box (x, y, size) on the 280×280 canvas. */
  static double[][][] shape(String digit, double x, double y, double size) {
    java.util.function.DoubleUnaryOperator px = v -> x + v * size;
    java.util.function.DoubleUnaryOperator py = v -> y + v * size;
    switch (digit) {
      case "1":
        return new double[][][] {line(px, py, 0.5, 0.05, 0.5, 0.95)};
      case "7":
        return new double[][][] {
          line(px, py, 0.15, 0.08, 0.85, 0.08), line(px, py, 0.85, 0.08, 0.4, 0.95)
        };
      default: // "0": an ellipse
        double[][] ring = new double[41][];
        for (int k = 0; k <= 40; k++) {
          double a = 2 * Math.PI * k / 40;
          ring[k] =
              new double[] {
                px.applyAsDouble(0.5 + 0.3 * Math.cos(a)),
                py.applyAsDouble(0.5 + 0.45 * Math.sin(a))
              };
        }
        return new double[][][] {ring};
    }
  }

  static double[][] line(
      java.util.function.DoubleUnaryOperator px,
      java.util.function.DoubleUnaryOperator py,
      double x0,
      double y0,
      double x1,
      double y1) {
    double[][] pts = new double[21][];
    for (int k = 0; k <= 20; k++) {
      double t = k / 20.0;
      pts[k] =
          new double[] {px.applyAsDouble(x0 + t * (x1 - x0)), py.applyAsDouble(y0 + t * (y1 - y0))};
    }
    return pts;
  }

  int drawAndPredict(double[][][] strokes) throws Exception {
    FxTestSupport.run(
        () -> {
          wb.drawVm.clear();
          wb.drawVm.brushProperty().set(22);
          for (double[][] st : strokes) {
            wb.drawVm.beginStroke(st[0][0], st[0][1]);
            for (int k = 1; k < st.length; k++) {
              wb.drawVm.extendStroke(st[k][0], st[k][1]);
            }
            wb.drawVm.endStroke();
          }
        });
    float[] in = FxTestSupport.onFx(() -> wb.session.inputProperty().get());
    FxTestSupport.waitFor("prediction", 30, () -> wb.drawVm.predictedForProperty().get() == in);
    return FxTestSupport.onFx(() -> wb.drawVm.predictedProperty().get());
  }

  @Test
  void theSameShapeDrawnAtOtherPlacesAndSizesGetsTheSamePrediction() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    for (String d : new String[] {"1", "7", "0"}) {
      int a = drawAndPredict(shape(d, 20, 20, 140));
      int b = drawAndPredict(shape(d, 120, 110, 150));
      int c = drawAndPredict(shape(d, 30, 60, 230));
      assertEquals(Integer.parseInt(d), a, "shape " + d);
      assertEquals(a, b, "shape " + d + " moved");
      assertEquals(a, c, "shape " + d + " larger");
    }
  }

  @Test
  void teachingFixesAMistakeAndCanBeUndone() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.drawVm.nextMistake());
    FxTestSupport.waitFor(
        "a mistake",
        60,
        () ->
            wb.session.inputLabelProperty().get() != null
                && wb.drawVm.predictedForProperty().get() == wb.session.inputProperty().get()
                && wb.drawVm.predictedProperty().get() != wb.session.inputLabelProperty().get());
    int label = FxTestSupport.onFx(() -> wb.session.inputLabelProperty().get());
    var original = FxTestSupport.onFx(() -> wb.session.modelProperty().get());
    FxTestSupport.run(
        () -> {
          wb.drawVm.teachLabelProperty().set(label);
          wb.drawVm.teach();
        });
    FxTestSupport.waitFor(
        "taught",
        60,
        () ->
            !wb.drawVm.teachingProperty().get()
                && wb.session.modelProperty().get() != original
                && wb.drawVm.predictedForProperty().get() == wb.session.inputProperty().get()
                && wb.drawVm.predictedProperty().get() == label);
    FxTestSupport.run(() -> wb.drawVm.undoTeach());
    assertTrue(FxTestSupport.onFx(() -> wb.session.modelProperty().get() == original));
    FxTestSupport.waitFor(
        "original answer", 30, () -> wb.drawVm.predictedProperty().get() != label);
  }

  // ---- one input for every workspace (issue 13, item 2) ----

  void drawAStroke() throws Exception {
    FxTestSupport.run(
        () -> {
          wb.drawVm.beginStroke(140, 40);
          for (int y = 50; y <= 240; y += 10) {
            wb.drawVm.extendStroke(140, y);
          }
          wb.drawVm.endStroke();
        });
  }

  int drawSpinner(FxRobot robot) {
    return spinner("#draw-test-index");
  }

  int insideSpinner(FxRobot robot) {
    return spinner("#inside-view .spinner");
  }

  /** A spinner in any workspace, shown or not (a workspace not shown is out of the window). */
  @SuppressWarnings("unchecked")
  private int spinner(String selector) {
    return wb.shell.controlRoots().stream()
        .map(r -> (javafx.scene.control.Spinner<Integer>) r.lookup(selector))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  void awaitPredictionOfShownInput() throws Exception {
    FxTestSupport.waitFor(
        "the prediction of the shown input",
        30,
        () ->
            wb.session.inputProperty().get() != null
                && wb.drawVm.predictedForProperty().get() == wb.session.inputProperty().get());
  }

  @Test
  void aTestImageOpenedFromEvaluateReplacesTheDrawingEverywhere(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    drawAStroke();
    awaitPredictionOfShownInput();
    assertEquals(1, FxTestSupport.onFx(() -> wb.drawVm.strokes().size()));

    // Evaluate's gallery "open in Draw".
    FxTestSupport.run(() -> wb.evaluateVm.open(123, Workspace.DRAW));
    awaitPredictionOfShownInput();
    float[] image = FxTestSupport.onFx(() -> wb.evaluateVm.testImage(123));
    assertEquals(0, FxTestSupport.onFx(() -> wb.drawVm.strokes().size()), "strokes cleared");
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        image, FxTestSupport.onFx(() -> wb.drawVm.backgroundProperty().get()), "canvas shows it");
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        image, FxTestSupport.onFx(() -> wb.session.inputProperty().get()), "the model sees it");
    assertEquals(123, FxTestSupport.onFx(() -> wb.session.testIndexProperty().get()));
    assertEquals(
        wb.evaluateVm.testLabel(123),
        (int) FxTestSupport.onFx(() -> wb.session.inputLabelProperty().get()));
    assertEquals("MNIST test #123", FxTestSupport.onFx(() -> wb.drawVm.sourceProperty().get()));
    assertEquals(123, (int) FxTestSupport.onFx(() -> drawSpinner(robot)), "Draw's spinner");
    assertEquals(123, (int) FxTestSupport.onFx(() -> insideSpinner(robot)), "Inside's spinner");

    // Drawing over it makes a drawing (the image stays under the strokes) ...
    drawAStroke();
    awaitPredictionOfShownInput();
    assertEquals(-1, FxTestSupport.onFx(() -> wb.session.testIndexProperty().get()));
    assertNull(FxTestSupport.onFx(() -> wb.session.inputLabelProperty().get()));
    assertEquals("your drawing", FxTestSupport.onFx(() -> wb.drawVm.sourceProperty().get()));
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        image, FxTestSupport.onFx(() -> wb.drawVm.backgroundProperty().get()));
    assertEquals(123, (int) FxTestSupport.onFx(() -> drawSpinner(robot)), "spinner kept");
    // ... and undoing the stroke gives the test image back, true digit and all.
    robot.clickOn(FxTestSupport.centre(robot, "#draw-undo"));
    awaitPredictionOfShownInput();
    assertEquals(123, FxTestSupport.onFx(() -> wb.session.testIndexProperty().get()));
    assertEquals(
        wb.evaluateVm.testLabel(123),
        (int) FxTestSupport.onFx(() -> wb.session.inputLabelProperty().get()));

    // Inside's Show button moves Draw too.
    FxTestSupport.run(() -> wb.shell.select(Workspace.INSIDE));
    FxTestSupport.run(
        () ->
            robot
                .lookup("#inside-view .spinner")
                .<javafx.scene.control.Spinner<Integer>>query()
                .getValueFactory()
                .setValue(42));
    robot.clickOn(
        FxTestSupport.centre(
            robot
                .lookup("#inside-view .button")
                .match(
                    n ->
                        n instanceof javafx.scene.control.Button b
                            && io.gatescope.core.Messages.get("inside.show").equals(b.getText()))
                .<Node>query()));
    FxTestSupport.waitFor("test image 42", 10, () -> wb.session.testIndexProperty().get() == 42);
    assertEquals(42, (int) FxTestSupport.onFx(() -> drawSpinner(robot)));
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        wb.evaluateVm.testImage(42),
        FxTestSupport.onFx(() -> wb.drawVm.backgroundProperty().get()));
  }

  @Test
  void ctrlMShowsTheNextMistakeOnTheCanvasAndInTheSpinner(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    drawAStroke();
    awaitPredictionOfShownInput();
    robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.M);
    robot.release(javafx.scene.input.KeyCode.M, javafx.scene.input.KeyCode.CONTROL);
    FxTestSupport.waitFor("a mistake", 60, () -> wb.session.testIndexProperty().get() >= 0);
    awaitPredictionOfShownInput();
    int shown = FxTestSupport.onFx(() -> wb.session.testIndexProperty().get());
    assertEquals(0, FxTestSupport.onFx(() -> wb.drawVm.strokes().size()));
    assertEquals(shown, (int) FxTestSupport.onFx(() -> drawSpinner(robot)));
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        wb.evaluateVm.testImage(shown),
        FxTestSupport.onFx(() -> wb.drawVm.backgroundProperty().get()));
    assertTrue(
        FxTestSupport.onFx(
            () -> wb.drawVm.predictedProperty().get() != wb.session.inputLabelProperty().get()),
        "a mistake");
  }

  @Test
  void aPictureFileIsShownOnTheCanvasAsTheModelSeesIt(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(5));
    java.nio.file.Path file = dir.resolve("one.png");
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(60, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 60, 80);
    g.setColor(java.awt.Color.BLACK);
    g.fillRect(26, 8, 8, 64); // a dark "1" on white paper
    g.dispose();
    javax.imageio.ImageIO.write(img, "png", file.toFile());
    FxTestSupport.run(() -> wb.drawVm.openPicture(file));
    FxTestSupport.waitFor(
        "the picture",
        10,
        () ->
            wb.session.currentInputProperty().get().source()
                instanceof io.gatescope.ui.common.Input.Picture);
    awaitPredictionOfShownInput();
    assertEquals("picture one.png", FxTestSupport.onFx(() -> wb.drawVm.sourceProperty().get()));
    assertEquals(-1, FxTestSupport.onFx(() -> wb.session.testIndexProperty().get()));
    assertNull(FxTestSupport.onFx(() -> wb.session.inputLabelProperty().get()));
    assertEquals(0, FxTestSupport.onFx(() -> wb.drawVm.strokes().size()));
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        FxTestSupport.onFx(() -> wb.session.inputProperty().get()),
        FxTestSupport.onFx(() -> wb.drawVm.backgroundProperty().get()));
    assertEquals(1, FxTestSupport.onFx(() -> wb.drawVm.predictedProperty().get()));
  }

  /** Esc clears from anywhere in Draw, so Undo must bring the drawing back (and the image). */
  @Test
  void undoRightAfterAClearBringsTheDrawingBack() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.drawVm.loadTestImage(7));
    FxTestSupport.run(
        () -> {
          wb.drawVm.beginStroke(40, 40);
          wb.drawVm.extendStroke(200, 220);
          wb.drawVm.endStroke();
        });
    var strokes = FxTestSupport.onFx(() -> wb.drawVm.strokeSnapshot());
    float[] drawn = FxTestSupport.onFx(() -> wb.session.inputProperty().get());
    FxTestSupport.run(wb.drawVm::clear);
    assertNull(FxTestSupport.onFx(() -> wb.session.inputProperty().get()), "cleared");
    FxTestSupport.run(wb.drawVm::undo);
    assertEquals(strokes, FxTestSupport.onFx(() -> wb.drawVm.strokeSnapshot()));
    assertArrayEquals(drawn, FxTestSupport.onFx(() -> wb.session.inputProperty().get()));
    FxTestSupport.run(wb.drawVm::undo); // the stroke goes; the test image under it comes back
    assertEquals(7, (int) FxTestSupport.onFx(() -> wb.session.testIndexProperty().get()));
  }

  /** An intervention made in Inside changes only Inside's trace: Draw says its numbers are not. */
  @Test
  void drawSaysWhenInsideHasAnInterventionActive(FxRobot robot) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(4));
    Label note = robot.lookup("#draw-intervention-note").queryAs(Label.class);
    assertFalse(FxTestSupport.onFx(note::isVisible), "nothing to say");
    FxTestSupport.run(
        () -> {
          wb.insideVm.select(28, 3);
          wb.insideVm.silenceSelected();
        });
    assertTrue(FxTestSupport.onFx(note::isVisible));
    assertEquals(
        "Inside has 1 intervention active; the numbers here are the model's as trained.",
        FxTestSupport.onFx(note::getText));
    FxTestSupport.run(wb.insideVm::resetInterventions);
    assertFalse(FxTestSupport.onFx(note::isVisible), "gone with the intervention");
  }
}
