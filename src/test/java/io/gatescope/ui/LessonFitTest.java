package io.gatescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatescope.app.GateScopeApp;
import io.gatescope.app.Workbench;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.ShippedLessons;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lesson bar on classroom screens: every step of the three shipped lessons at 1024×600 and
 * 1366×768, in English and 简体中文, then the bar while editing and the step's editor. No label may be
 * cut, no control may lie outside the window (or the workspace under the bar outside its area), and
 * in 简体中文 no English sentence is left in the bar or the editor.
 */
@ExtendWith(ApplicationExtension.class)
class LessonFitTest {
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
  void theLessonBarFitsClassroomScreens(String language, FxRobot robot) throws Exception {
    var opened = WorkbenchFixture.openOnPrimaryStage(Locale.forLanguageTag(language), "inside");
    stage = opened.stage();
    wb = opened.wb();
    List<String> problems = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int[] size : ScreenFitTest.SIZES) {
      FxTestSupport.run(
          () -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
          });
      FxTestSupport.awaitSceneHeight(stage, size[1]);
      for (String id : ShippedLessons.ids()) {
        Lesson l = ShippedLessons.load(id);
        FxTestSupport.run(() -> wb.lessonVm.open(l));
        for (int k = 0; k < l.steps().size(); k++) {
          int step = k;
          FxTestSupport.run(() -> wb.lessonVm.go(step));
          settle(l.steps().get(k).check().isPresent());
          String where = language + " " + size[0] + "×" + size[1] + " " + id + " step " + (k + 1);
          FxTestSupport.onFx(this::problems).forEach(p -> problems.add(where + ": " + p));
          texts.addAll(FxTestSupport.onFx(() -> LanguageTest.textsOf(wb.lessonBar)));
          picture(stage.getScene().getRoot(), id + "-" + (k + 1) + "-" + language + "-" + size[0]);
        }
      }
      // editing: more buttons in the header, the fields, the step's editor
      FxTestSupport.run(wb.lessonBar::toggleEditing);
      String where = language + " " + size[0] + "×" + size[1] + " editing";
      FxTestSupport.onFx(this::problems).forEach(p -> problems.add(where + ": " + p));
      FxTestSupport.run(wb.lessonBar::showSettings);
      FxTestSupport.waitFor(
          "the step's editor",
          10,
          () -> robot.lookup("#lesson-settings").tryQuery().map(Node::isVisible).orElse(false));
      Node editor = robot.lookup("#lesson-settings").query();
      FxTestSupport.onFx(() -> editorProblems((Parent) editor))
          .forEach(p -> problems.add(where + ", the step's editor: " + p));
      texts.addAll(FxTestSupport.onFx(() -> LanguageTest.textsOf(editor)));
      picture(stage.getScene().getRoot(), "editing-" + language + "-" + size[0]);
      picture(editor.getScene().getRoot(), "editor-" + language + "-" + size[0]);
      FxTestSupport.run(
          () -> {
            wb.lessonBar.toggleEditing();
            wb.lessonVm.close();
          });
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
    assertEquals(List.of(), LanguageTest.missingKeys(texts));
    if (language.startsWith("zh")) {
      assertEquals(List.of(), english(texts));
    }
  }

  /**
   * With -Dgatescope.lessonWalk=FOLDER, the picture of what was checked, to be looked at (the walk
   * of the shipped lessons in both languages and sizes, in one run).
   */
  private static void picture(Node n, String name) throws Exception {
    String folder = System.getProperty("gatescope.lessonWalk");
    if (folder != null) {
      byte[] png =
          FxTestSupport.onFx(() -> io.gatescope.ui.common.Files2.png(n.snapshot(null, null)));
      java.nio.file.Files.createDirectories(java.nio.file.Path.of(folder));
      java.nio.file.Files.write(java.nio.file.Path.of(folder, name + ".png"), png);
    }
  }

  private void settle(boolean hasCheck) throws Exception {
    FxTestSupport.waitFor(
        "the step",
        60,
        () ->
            wb.lessonVm.settledProperty().get()
                && (!hasCheck || wb.lessonVm.holdsProperty().get() != null));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The window within itself; the workspace under the bar within its own area. */
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
    }
    return new ArrayList<>(out);
  }

  /** The editor within the screen the window is on, and nothing in it cut. */
  private List<String> editorProblems(Parent editor) {
    editor.applyCss();
    editor.layout();
    List<String> out =
        new ArrayList<>(FitCheck.problems(editor, editor.localToScene(editor.getLayoutBounds())));
    Bounds screen = editor.localToScreen(editor.getLayoutBounds());
    Bounds window =
        new BoundingBox(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    if (screen.getMaxY() > window.getMaxY() + 1 || screen.getMinY() < window.getMinY() - 1) {
      out.add("the editor reaches outside the window: " + screen + " in " + window);
    }
    return out;
  }

  private static List<String> english(List<String> texts) {
    List<String> out = new ArrayList<>();
    Pattern word = Pattern.compile("[A-Za-z]{3,}");
    for (String t : texts) {
      Matcher m = word.matcher(t);
      while (m.find()) {
        if (!LanguageTest.NAMES.contains(m.group())) {
          out.add(t);
          break;
        }
      }
    }
    return out;
  }
}
