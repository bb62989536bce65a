package io.gatescope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.WorkbenchTestBase;
import io.gatescope.ui.common.Workspace;
import io.gatescope.ui.units.UnitsViewModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "What am I looking at?": every panel registered for help has its explanation in both languages,
 * its ⓘ is on screen with it and opens the explanation next to it; F2 explains the panel under the
 * pointer, else the one holding the focus.
 */
class PanelHelpTest extends WorkbenchTestBase {
  @Override
  protected String workspace() {
    return "draw";
  }

  @Test
  void everyTopicHasItsTitleAndTextInBothLanguages() {
    Set<String> topics = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (HelpTopics.Topic t : HelpTopics.ALL) {
      assertTrue(topics.add(t.topic()), "twice: " + t.topic());
      assertTrue(ids.add(t.nodeId()), "twice: " + t.nodeId());
      for (String key : List.of(t.titleKey(), t.textKey())) {
        String en = Messages.in(Locale.ENGLISH, key);
        String zh = Messages.in(Locale.SIMPLIFIED_CHINESE, key);
        assertFalse(en.startsWith("!"), key);
        assertFalse(zh.startsWith("!"), key);
        assertNotEquals(en, zh, key);
        assertTrue(zh.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), "Chinese: " + key);
      }
      assertTrue(Messages.in(Locale.ENGLISH, t.textKey()).length() > 60, "explains: " + t);
    }
  }

  /**
   * A second panel's explanation, asked for while the first is open, replaces it and stays open (a
   * fading hide of the first, ending a pulse later, used to close the second).
   */
  @Test
  void aSecondExplanationReplacesTheFirstAndStaysOpen() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    PanelHelp help = wb.shell.panelHelp();
    FxTestSupport.run(() -> wb.shell.select(Workspace.DRAW));
    FxTestSupport.waitFor(
        "Draw's ⓘ",
        10,
        () -> {
          help.placeNow();
          return help.buttonOf("draw-canvas").map(Button::isVisible).orElse(false)
              && help.buttonOf("draw-bars").map(Button::isVisible).orElse(false);
        });
    FxTestSupport.run(() -> help.buttonOf("draw-canvas").orElseThrow().fire());
    FxTestSupport.waitFor("the first", 5, () -> help.shown().isPresent());
    FxTestSupport.run(() -> help.buttonOf("draw-bars").orElseThrow().fire());
    for (int i = 0; i < 10; i++) {
      WaitForAsyncUtils.waitForFxEvents(); // pulses for a fade to end
      Thread.sleep(20);
    }
    assertEquals(
        "draw-bars", FxTestSupport.onFx(() -> help.shown().map(t -> t.nodeId()).orElse("closed")));
    // Closed (as Esc closes it) and at once another: that one stays open too.
    FxTestSupport.run(
        () -> {
          help.popOver().hide();
          help.buttonOf("draw-canvas").orElseThrow().fire();
        });
    for (int i = 0; i < 10; i++) {
      WaitForAsyncUtils.waitForFxEvents();
      Thread.sleep(20);
    }
    assertEquals(
        "draw-canvas",
        FxTestSupport.onFx(() -> help.shown().map(t -> t.nodeId()).orElse("closed")));
    FxTestSupport.run(() -> help.popOver().hide());
  }

  /**
   * In presenter mode the zoom shows part of the workspaces; an ⓘ sits by its panel's own corner or
   * not at all, never at the edge of the part in view, where it covered the panel's text.
   */
  @Test
  void inPresenterModeAnIconSitsByItsPanelsOwnCorner() throws Exception {
    PanelHelp help = presenterAt200On1024By600();
    List<String> problems = new ArrayList<>();
    int shown = 0;
    for (Workspace w : Workspace.values()) {
      FxTestSupport.run(() -> wb.shell.select(w));
      WaitForAsyncUtils.waitForFxEvents();
      for (HelpTopics.Topic t : HelpTopics.ALL) {
        String p =
            FxTestSupport.onFx(
                () -> {
                  wb.shell.getScene().getRoot().layout();
                  help.placeNow();
                  Button b = help.buttonOf(t.nodeId()).orElse(null);
                  javafx.scene.Node panel = wb.shell.getScene().lookup("#" + t.nodeId());
                  if (b == null || !b.isVisible() || panel == null) {
                    return null;
                  }
                  javafx.geometry.Bounds i = b.localToScene(b.getLayoutBounds());
                  javafx.geometry.Bounds c = panel.localToScene(panel.getLayoutBounds());
                  double scale = b.getLocalToSceneTransform().getMxx();
                  double x =
                      switch (t.place()) {
                        case RIGHT -> c.getMaxX() + 2 * scale;
                        case BESIDE_SCROLL_BAR -> c.getMaxX() - (2 * 16 + 2) * scale;
                        default -> c.getMaxX() - (16 + 1) * scale;
                      };
                  double y =
                      t.place() == HelpTopics.Place.ABOVE
                          ? c.getMinY() - 17 * scale
                          : c.getMinY() + scale;
                  return Math.abs(i.getMinX() - x) > 1 || Math.abs(i.getMinY() - y) > 1
                      ? w + " " + t.nodeId() + ": the ⓘ at " + i + ", its panel at " + c
                      : "";
                });
        if (p != null) {
          shown++;
          if (!p.isEmpty()) {
            problems.add(p);
          }
        }
      }
    }
    FxTestSupport.run(() -> wb.shell.presenter().setOn(false));
    assertEquals(List.of(), problems, String.join("\n", problems));
    assertTrue(shown >= 3, "some ⓘ shown: " + shown);
  }

  /**
   * In presenter mode a panel may be in view without its corner, so without its ⓘ: F2 with the
   * pointer over it still explains it (or the panel inside it under the pointer), in the window.
   */
  @Test
  void inPresenterModeF2ExplainsAPanelWhoseIconIsOutOfView(FxRobot robot) throws Exception {
    PanelHelp help = presenterAt200On1024By600();
    List<String> explained = new ArrayList<>();
    List<String> exactly = new ArrayList<>();
    for (Workspace w : List.of(Workspace.DRAW, Workspace.INSIDE, Workspace.EVALUATE)) {
      FxTestSupport.run(() -> wb.shell.select(w));
      WaitForAsyncUtils.waitForFxEvents();
      for (HelpTopics.Topic t : HelpTopics.ALL) {
        java.util.Optional<javafx.geometry.Point2D> at =
            FxTestSupport.onFx(
                () -> {
                  wb.shell.getScene().getRoot().layout();
                  help.placeNow();
                  return help.iconlessPartOf(t.nodeId(), 40);
                });
        if (at.isEmpty()) {
          continue;
        }
        robot.moveTo(at.get());
        robot.press(KeyCode.F2).release(KeyCode.F2);
        FxTestSupport.waitFor(t.topic() + " by F2", 5, () -> help.shown().isPresent());
        HelpTopics.Topic got = FxTestSupport.onFx(() -> help.shown().orElseThrow());
        boolean inside =
            FxTestSupport.onFx(
                () -> {
                  javafx.scene.Node outer = wb.shell.getScene().lookup("#" + t.nodeId());
                  for (javafx.scene.Node n = wb.shell.getScene().lookup("#" + got.nodeId());
                      n != null;
                      n = n.getParent()) {
                    if (n == outer) {
                      return true;
                    }
                  }
                  return false;
                });
        assertTrue(inside, t.topic() + ": F2 explained " + got.topic());
        String where = FxTestSupport.onFx(() -> bounds(help));
        assertTrue(
            FxTestSupport.onFx(() -> popOverInsideTheWindow(help)),
            t.topic() + ": the explanation runs outside the window: " + where);
        explained.add(got.topic());
        if (got.equals(t)) {
          exactly.add(t.topic());
        }
        FxTestSupport.run(() -> help.popOver().hide(javafx.util.Duration.ZERO));
      }
    }
    FxTestSupport.run(() -> wb.shell.presenter().setOn(false));
    assertFalse(exactly.isEmpty(), "no panel without its ⓘ was explained by F2: " + explained);
  }

  @Test
  void everyPanelsIconOpensItsExplanation() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.drawVm.loadTestImage(3));
    FxTestSupport.waitFor("a prediction", 30, () -> wb.drawVm.predictedProperty().get() >= 0);
    PanelHelp help = wb.shell.panelHelp();
    Set<String> opened = new HashSet<>();
    List<Runnable> views = new ArrayList<>();
    for (Workspace w : Workspace.values()) {
      views.add(() -> wb.shell.select(w));
    }
    views.add(() -> wb.shell.select(Workspace.INSIDE));
    views.add(wb.insideView::showCellDiagram);
    views.add(wb.insideView::showBackward);
    // The unit card's panels fill once the index is built (of 500 test images: seconds, not half a
    // minute).
    FxTestSupport.run(
        () -> {
          wb.unitsVm.index.limitImages(500);
          wb.shell.select(Workspace.UNITS);
          wb.unitsVm.card.chooseUnit(0);
        });
    FxTestSupport.waitFor(
        "the unit card", 120, () -> wb.unitsVm.card.profileProperty().get() != null);
    for (UnitsViewModel.Page p : UnitsViewModel.Page.values()) {
      views.add(
          () -> {
            wb.shell.select(Workspace.UNITS);
            wb.unitsVm.pageProperty().set(p);
          });
    }
    // Twice round: a panel may show only after a second layout (the model strip, once the centre
    // is tall enough).
    List<Runnable> rounds = new ArrayList<>(views);
    rounds.addAll(views);
    for (Runnable view : rounds) {
      FxTestSupport.run(view);
      WaitForAsyncUtils.waitForFxEvents();
      for (int i = 0; i < 2; i++) {
        FxTestSupport.run(
            () -> {
              wb.shell.getScene().getRoot().applyCss();
              wb.shell.getScene().getRoot().layout();
            });
        WaitForAsyncUtils.waitForFxEvents();
      }
      for (HelpTopics.Topic t : HelpTopics.ALL) {
        boolean shown =
            FxTestSupport.onFx(
                () -> {
                  help.placeNow();
                  return help.buttonOf(t.nodeId()).map(Button::isVisible).orElse(false);
                });
        if (!shown || opened.contains(t.topic())) {
          continue;
        }
        FxTestSupport.run(() -> help.buttonOf(t.nodeId()).orElseThrow().fire());
        FxTestSupport.waitFor(t.topic(), 5, () -> help.shown().isPresent());
        assertEquals(t, FxTestSupport.onFx(() -> help.shown().orElseThrow()));
        assertEquals(Messages.get(t.textKey()), FxTestSupport.onFx(help::shownText));
        String where = FxTestSupport.onFx(() -> bounds(help));
        assertTrue(
            FxTestSupport.onFx(() -> popOverInsideTheWindow(help)),
            t.topic() + ": the explanation runs outside the window: " + where);
        opened.add(t.topic());
        FxTestSupport.run(() -> help.popOver().hide(javafx.util.Duration.ZERO));
      }
    }
    List<String> never =
        HelpTopics.ALL.stream()
            .map(HelpTopics.Topic::topic)
            .filter(t -> !opened.contains(t))
            .toList();
    assertEquals(List.of(), never, "panels whose ⓘ was never on screen");
  }

  @Test
  void clickingTheIconShowsTheTextAndF2ExplainsThePanelUnderThePointerOrWithTheFocus(FxRobot robot)
      throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.drawVm.loadTestImage(3));
    FxTestSupport.waitFor("a prediction", 30, () -> wb.drawVm.predictedProperty().get() >= 0);
    PanelHelp help = wb.shell.panelHelp();
    FxTestSupport.waitFor(
        "the strip's ⓘ",
        10,
        () -> help.buttonOf("draw-strip").map(Button::isVisible).orElse(false));

    // A click on the ⓘ: the explanation opens next to it, in a window of its own.
    robot.clickOn(FxTestSupport.centre(help.buttonOf("draw-strip").orElseThrow()));
    FxTestSupport.waitFor("the explanation", 5, () -> help.shown().isPresent());
    TextFlow text = robot.lookup("#panel-help-text").queryAs(TextFlow.class);
    String words =
        FxTestSupport.onFx(
            () ->
                text.getChildren().stream()
                    .map(n -> ((Text) n).getText())
                    .collect(java.util.stream.Collectors.joining()));
    assertEquals(Messages.get("help.draw.strip"), words);
    assertTrue(FxTestSupport.onFx(() -> text.getScene().getWindow().isShowing()));
    assertTrue(words.contains("P(digit | rows 1..t)"));
    // Every word lies within the flow's width: no line runs past the pop-over's edge.
    assertTrue(
        FxTestSupport.onFx(
            () ->
                text.getChildren().stream()
                    .allMatch(n -> n.getBoundsInParent().getMaxX() <= text.getWidth() + 0.5)));
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    FxTestSupport.waitFor("closed", 5, () -> help.shown().isEmpty());

    // F2 with the pointer over a panel.
    robot.moveTo(FxTestSupport.centre(robot, "#draw-preview"));
    robot.press(KeyCode.F2).release(KeyCode.F2);
    FxTestSupport.waitFor("F2's explanation", 5, () -> help.shown().isPresent());
    assertEquals("help.draw.preview", FxTestSupport.onFx(() -> help.shown().orElseThrow().topic()));
    FxTestSupport.run(() -> help.popOver().hide(javafx.util.Duration.ZERO));

    // The pointer rests; the keyboard shows Inside under it: F2 explains Inside's panel there.
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    FxTestSupport.waitFor(
        "Inside's maps' ⓘ",
        10,
        () -> help.buttonOf("inside-maps").map(Button::isVisible).orElse(false));
    robot.press(KeyCode.F2).release(KeyCode.F2);
    FxTestSupport.waitFor("F2 after the switch", 5, () -> help.shown().isPresent());
    assertTrue(
        FxTestSupport.onFx(() -> help.shown().orElseThrow().nodeId()).startsWith("inside"),
        FxTestSupport.onFx(() -> help.shown().orElseThrow().nodeId()));
    FxTestSupport.run(() -> help.popOver().hide());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    FxTestSupport.waitFor(
        "Draw again", 10, () -> help.buttonOf("draw-canvas").map(Button::isVisible).orElse(false));

    // F2 with the pointer on no panel (the status bar): the panel with the keyboard focus.
    FxTestSupport.run(() -> wb.shell.lookup("#draw-canvas").requestFocus());
    robot.moveTo(FxTestSupport.centre(robot, "#status-text"));
    robot.press(KeyCode.F2).release(KeyCode.F2);
    FxTestSupport.waitFor("F2 on the focus", 5, () -> help.shown().isPresent());
    assertEquals("help.draw.canvas", FxTestSupport.onFx(() -> help.shown().orElseThrow().topic()));
    FxTestSupport.run(() -> help.popOver().hide(javafx.util.Duration.ZERO));
  }

  /** A digit in Draw, the window 1024×600, presenter mode on at 200 %; the window's PanelHelp. */
  private PanelHelp presenterAt200On1024By600() throws Exception {
    WorkbenchFixture.awaitReady(wb);
    FxTestSupport.run(() -> wb.drawVm.loadTestImage(3));
    javafx.stage.Stage stage =
        FxTestSupport.onFx(() -> (javafx.stage.Stage) wb.shell.getScene().getWindow());
    FxTestSupport.run(
        () -> {
          stage.setWidth(1024);
          stage.setHeight(600);
          wb.shell.presenter().choosePercent(200);
          wb.shell.presenter().setOn(true);
        });
    FxTestSupport.awaitSceneHeight(stage, 600);
    return wb.shell.panelHelp();
  }

  /** The pop-over's frame (its shadow allowed for) lies within the main window. */
  private boolean popOverInsideTheWindow(PanelHelp help) {
    var pop = help.popOver();
    var w = wb.shell.getScene().getWindow();
    double slack = 30;
    return pop.getX() >= w.getX() - slack
        && pop.getY() >= w.getY() - slack
        && pop.getX() + pop.getWidth() <= w.getX() + w.getWidth() + slack
        && pop.getY() + pop.getHeight() <= w.getY() + w.getHeight() + slack;
  }

  private String bounds(PanelHelp help) {
    var pop = help.popOver();
    var w = wb.shell.getScene().getWindow();
    return String.format(
        java.util.Locale.ROOT,
        "pop-over x %.0f..%.0f y %.0f..%.0f, window x %.0f..%.0f y %.0f..%.0f",
        pop.getX(),
        pop.getX() + pop.getWidth(),
        pop.getY(),
        pop.getY() + pop.getHeight(),
        w.getX(),
        w.getX() + w.getWidth(),
        w.getY(),
        w.getY() + w.getHeight());
  }
}
