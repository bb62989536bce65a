package io.gatescope.ui.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Softmax;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.ColorMap;
import io.gatescope.ui.common.ProbabilityBars;
import io.gatescope.ui.common.StepStrip;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;

/** Playback and the row-by-row strip: everything that depends on t follows t. */
class DrawPlaybackTest extends WorkbenchTestBase {

  @Override
  protected String workspace() {
    return "Draw";
  }

  float[][] showTestImage(int i) throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.session.showTestImage(i));
    FxTestSupport.waitFor(
        "the prediction",
        30,
        () ->
            wb.session.inputProperty().get() != null
                && wb.drawVm.predictedForProperty().get() == wb.session.inputProperty().get());
    return FxTestSupport.onFx(() -> wb.drawVm.stepProbabilitiesProperty().get());
  }

  String text(FxRobot robot, String id) throws Exception {
    return FxTestSupport.onFx(() -> robot.lookup(id).<Label>query().getText());
  }

  @Test
  void theHeadlineAndBarsAreTheComputedAnswerAfterRowT(FxRobot robot) throws Exception {
    float[][] steps = showTestImage(0);
    FxTestSupport.run(() -> wb.session.setTimestep(7));
    float[] p7 = steps[6];
    int best7 = Softmax.argmax(p7);
    assertEquals(Integer.toString(best7), text(robot, "#draw-digit"));
    assertArrayEquals(
        p7, FxTestSupport.onFx(() -> robot.lookup("#draw-bars").<ProbabilityBars>query().shown()));
    assertEquals(Messages.get("draw.sure.truth", 100 * p7[best7], 7), text(robot, "#draw-detail"));
    assertEquals(Messages.get("draw.afterRow", 7, 28), text(robot, "#draw-step-note"));
    assertTrue(text(robot, "#draw-step-note").contains("7 of 28"));

    FxTestSupport.run(() -> wb.session.setTimestep(28));
    float[] p28 = steps[27];
    int final28 = FxTestSupport.onFx(() -> wb.drawVm.predictedProperty().get());
    assertEquals(Softmax.argmax(p28), final28);
    assertEquals(Integer.toString(final28), text(robot, "#draw-digit"));
    assertArrayEquals(
        p28, FxTestSupport.onFx(() -> robot.lookup("#draw-bars").<ProbabilityBars>query().shown()));
    assertEquals(Messages.get("draw.final", 28, 28), text(robot, "#draw-step-note"));
  }

  @Test
  void playShowsPauseStopsOnTheLastRowAndStartsAgainFromRowOne(FxRobot robot) throws Exception {
    showTestImage(1);
    FxTestSupport.run(
        () -> {
          // Six rows at two a second: time for the robot's click to land on a loaded machine.
          wb.drawVm.speedProperty().set(2);
          wb.session.setTimestep(22);
        });
    robot.clickOn(FxTestSupport.centre(robot, "#draw-play"));
    // While it plays, the button offers Pause (icon and tooltip read in one go on the FX thread).
    assertEquals(
        List.of(true, "mdi2p-pause", Messages.get("draw.pause.tip")),
        FxTestSupport.onFx(
            () ->
                List.of(
                    wb.drawVm.playingProperty().get(),
                    robot.lookup("#draw-play-icon").<FontIcon>query().getIconLiteral(),
                    robot.lookup("#draw-play").<Button>query().getTooltip().getText())));
    FxTestSupport.waitFor("playback to end", 30, () -> !wb.drawVm.playingProperty().get());
    assertEquals(28, FxTestSupport.onFx(() -> wb.session.timestepProperty().get()), "stops at 28");
    assertEquals(
        "mdi2p-play",
        FxTestSupport.onFx(
            () -> robot.lookup("#draw-play-icon").<FontIcon>query().getIconLiteral()));
    assertEquals(
        Messages.get("draw.play.tip"),
        FxTestSupport.onFx(
            () -> robot.lookup("#draw-play").<Button>query().getTooltip().getText()));
    // Play at row 28 starts from row 1; pause stops where it is.
    int started =
        FxTestSupport.onFx(
            () -> {
              wb.drawVm.togglePlaying();
              int t = wb.session.timestepProperty().get();
              wb.drawVm.togglePlaying();
              return t;
            });
    assertEquals(1, started);
  }

  @Test
  void loopStartsAgainAfterTheLastRow(FxRobot robot) throws Exception {
    showTestImage(2);
    DrawView view = robot.lookup("#draw-view").query();
    int[] seen =
        FxTestSupport.onFx(
            () -> {
              wb.drawVm.loopProperty().set(true);
              wb.session.setTimestep(27);
              wb.drawVm.playingProperty().set(true);
              view.player().tick();
              int a = wb.session.timestepProperty().get();
              boolean stillPlaying = wb.drawVm.playingProperty().get();
              view.player().tick();
              int b = wb.session.timestepProperty().get();
              wb.drawVm.playingProperty().set(false);
              wb.drawVm.loopProperty().set(false);
              wb.session.setTimestep(27);
              wb.drawVm.playingProperty().set(true);
              view.player().tick();
              int c = wb.session.timestepProperty().get();
              boolean playingAfterLast = wb.drawVm.playingProperty().get();
              return new int[] {a, stillPlaying ? 1 : 0, b, c, playingAfterLast ? 1 : 0};
            });
    assertArrayEquals(new int[] {28, 1, 1, 28, 0}, seen, "loop: 28 then 1; no loop: stop at 28");
  }

  @Test
  void spaceOnTheCanvasPlaysAndPausesCtrlArrowsStep(FxRobot robot) throws Exception {
    showTestImage(3);
    FxTestSupport.run(
        () -> {
          wb.drawVm.speedProperty().set(1);
          wb.session.setTimestep(10);
          robot.lookup("#draw-canvas").query().requestFocus();
        });
    robot.type(KeyCode.SPACE);
    assertTrue(FxTestSupport.onFx(() -> wb.drawVm.playingProperty().get()), "Space plays");
    robot.type(KeyCode.SPACE);
    assertFalse(FxTestSupport.onFx(() -> wb.drawVm.playingProperty().get()), "Space pauses");
    // Not only on the canvas: anywhere in Draw that Space means nothing else (here the slider).
    FxTestSupport.run(() -> robot.lookup("#draw-step").query().requestFocus());
    robot.type(KeyCode.SPACE);
    assertTrue(FxTestSupport.onFx(() -> wb.drawVm.playingProperty().get()), "Space plays");
    robot.type(KeyCode.SPACE);
    assertFalse(FxTestSupport.onFx(() -> wb.drawVm.playingProperty().get()), "Space pauses");
    FxTestSupport.run(() -> wb.session.setTimestep(10));
    robot.press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
    assertEquals(11, FxTestSupport.onFx(() -> wb.session.timestepProperty().get()));
    robot.press(KeyCode.CONTROL, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.CONTROL);
    assertEquals(9, FxTestSupport.onFx(() -> wb.session.timestepProperty().get()));
  }

  /** A new image opens at its final answer: the big digit is never a mid-reading answer. */
  @Test
  void aNewImageOpensAfterRow28(FxRobot robot) throws Exception {
    showTestImage(3);
    FxTestSupport.run(() -> wb.session.setTimestep(13));
    float[][] steps = showTestImage(5);
    assertEquals(28, (int) FxTestSupport.onFx(() -> wb.session.timestepProperty().get()));
    int finalAnswer = io.gatescope.core.engine.Softmax.argmax(steps[27]);
    FxTestSupport.waitFor(
        "the final answer",
        10,
        () -> wb.drawVm.headlineProperty().get().equals(Integer.toString(finalAnswer)));
  }

  // ---- the strip (issue 13, item 7) ----

  Point2D column(StepStrip strip, int t, double y) throws Exception {
    return FxTestSupport.onFx(() -> strip.localToScreen(strip.columnCentre(t), y));
  }

  @Test
  void clickingOrDraggingTheStripSetsTheTimestep(FxRobot robot) throws Exception {
    showTestImage(4);
    StepStrip strip = robot.lookup("#draw-strip").query();
    FxTestSupport.run(() -> wb.session.setTimestep(28));
    robot.clickOn(column(strip, 5, 20));
    assertEquals(5, FxTestSupport.onFx(() -> wb.session.timestepProperty().get()));
    robot.moveTo(column(strip, 9, 20)).press(MouseButton.PRIMARY);
    robot.moveTo(column(strip, 15, 25)).moveTo(column(strip, 20, 30)).release(MouseButton.PRIMARY);
    assertEquals(20, FxTestSupport.onFx(() -> wb.session.timestepProperty().get()));
  }

  @Test
  void hoveringTheStripReadsTheComputedValue(FxRobot robot) throws Exception {
    float[][] steps = showTestImage(4);
    StepStrip strip = robot.lookup("#draw-strip").query();
    double rowH = FxTestSupport.onFx(() -> (strip.getHeight() - 14) / 10);
    robot.moveTo(column(strip, 9, rowH * 3.5)); // row t = 9, digit 3
    String expected = Messages.get("strip.hover", 9, 3, steps[8][3]);
    FxTestSupport.waitFor("the read-out", 5, () -> strip.readOutProperty().get().equals(expected));
    assertTrue(expected.startsWith("row 9: P(digit 3) = 0."), expected);
    robot.moveTo(FxTestSupport.centre(robot, "#draw-canvas"));
    FxTestSupport.waitFor("no read-out", 5, () -> strip.readOutProperty().get().isEmpty());
  }

  @Test
  void theStripShowsItsColourScaleFromZeroToOne(FxRobot robot) throws Exception {
    showTestImage(4);
    StepStrip strip = robot.lookup("#draw-strip").query();
    int[] px =
        FxTestSupport.onFx(
            () -> {
              WritableImage img = strip.snapshot(null, null);
              int x = (int) img.getWidth() - 34 + 6 + 4; // the middle of the legend's bar
              int bottom = (int) ((img.getHeight() - 14) - 2);
              return new int[] {
                img.getPixelReader().getArgb(x, 2), img.getPixelReader().getArgb(x, bottom)
              };
            });
    assertClose(ColorMap.SEQUENTIAL.argb(1), px[0], "top of the scale = 1");
    assertClose(ColorMap.SEQUENTIAL.argb(0), px[1], "bottom of the scale = 0");
  }

  static void assertClose(int expected, int actual, String what) {
    for (int shift = 0; shift <= 16; shift += 8) {
      int e = expected >> shift & 0xFF;
      int a = actual >> shift & 0xFF;
      assertTrue(
          Math.abs(e - a) <= 12,
          what
              + ": expected "
              + Integer.toHexString(expected)
              + ", got "
              + Integer.toHexString(actual));
    }
  }
}
