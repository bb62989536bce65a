package io.gatescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.app.GateScopeApp;
import io.gatescope.app.Workbench;
import io.gatescope.ui.common.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Every text the window shows comes from the bundles: in 简体中文 no English sentence is left (only
 * names such as LSTM, MNIST or Adam), and in either language no key is missing.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageTest {
  /** Words that stay as they are in Chinese: names, abbreviations, keys, file types. */
  static final Set<String> NAMES =
      Set.of(
          "GateScope",
          "LSTM",
          "GRU",
          "RNN",
          "MNIST",
          "CSV",
          "PNG",
          "Adam",
          "SGD",
          "RMSProp",
          "tanh",
          "log",
          "loss",
          "Ctrl",
          "Enter",
          "Esc",
          "English",
          "DL4J",
          "zip",
          "gatescope",
          "lstm",
          "classic",
          "MiB",
          "GiB",
          "Left",
          "Right",
          "Home", // the key's name, as printed on keyboards
          "Page", // Page Up, Page Down: keys too (the lesson bar's)
          "Down",
          "gslesson", // the lesson file's type
          "Shift");

  private Workbench wb;

  @AfterEach
  void close() throws Exception {
    if (wb != null) {
      FxTestSupport.run(wb::shutdown);
    }
    GateScopeApp.useLanguage(Locale.ENGLISH);
  }

  List<String> open(Locale language) throws Exception {
    wb = WorkbenchFixture.openOnPrimaryStage(language, "train").wb();
    FxTestSupport.run(() -> wb.drawVm.loadTestImage(3));
    FxTestSupport.waitFor("a prediction", 30, () -> wb.drawVm.predictedProperty().get() >= 0);
    List<String> texts = new ArrayList<>();
    for (String ws : List.of("train", "draw", "inside", "units", "evaluate")) {
      FxTestSupport.run(() -> wb.shell.select(Workspace.byId(ws).orElseThrow()));
      FxTestSupport.waitFor(ws + " laid out", 10, () -> true);
      texts.addAll(FxTestSupport.onFx(() -> textsOf(wb.shell)));
    }
    return texts;
  }

  @Test
  void chineseWindowHasNoEnglishLeftAndNoMissingText() throws Exception {
    List<String> texts = open(Locale.SIMPLIFIED_CHINESE);
    assertTrue(texts.size() > 150, "texts found: " + texts.size());
    List<String> english = new ArrayList<>();
    Pattern word = Pattern.compile("[A-Za-z]{3,}");
    for (String t : texts) {
      Matcher m = word.matcher(t);
      while (m.find()) {
        if (!NAMES.contains(m.group())) {
          english.add(t);
          break;
        }
      }
    }
    assertEquals(List.of(), english);
    assertEquals(List.of(), missingKeys(texts));
    assertTrue(texts.contains("训练"), "the Train tab in Chinese");
    assertTrue(texts.contains("遗忘门偏置"), "a form label in Chinese");
  }

  @Test
  void englishWindowHasNoMissingText() throws Exception {
    List<String> texts = open(Locale.ENGLISH);
    assertEquals(List.of(), missingKeys(texts));
    assertTrue(texts.contains("Hyperparameters"), "a title in English");
  }

  static List<String> missingKeys(List<String> texts) {
    return texts.stream().filter(t -> t.matches("(?s).*![a-z][\\w.-]*!.*")).toList();
  }

  /** The texts a user can see or hear in the window: labels, tabs, menus, tips, charts. */
  static List<String> textsOf(Node root) {
    List<String> out = new ArrayList<>();
    collect(root, out);
    root.getScene().getRoot().lookupAll(".menu-bar").stream()
        .filter(MenuBar.class::isInstance)
        .forEach(mb -> ((MenuBar) mb).getMenus().forEach(m -> menuTexts(m, out)));
    return out;
  }

  private static void menuTexts(MenuItem item, List<String> out) {
    add(out, item.getText());
    if (item instanceof Menu m) {
      m.getItems().forEach(i -> menuTexts(i, out));
    }
  }

  private static void collect(Node n, List<String> out) {
    add(out, n.getAccessibleText());
    if (n instanceof Labeled l) {
      add(out, l.getText());
    }
    if (n instanceof Control c && c.getTooltip() != null) {
      add(out, c.getTooltip().getText());
    }
    if (n instanceof TextInputControl t) {
      add(out, t.getPromptText());
    }
    if (n instanceof TabPane tp) {
      for (Tab t : tp.getTabs()) {
        add(out, t.getText());
      }
    }
    if (n instanceof Chart c) {
      add(out, c.getTitle());
    }
    if (n instanceof XYChart<?, ?> xy) {
      add(out, xy.getXAxis().getLabel());
      add(out, xy.getYAxis().getLabel());
      xy.getData().forEach(s -> add(out, s.getName()));
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        collect(c, out);
      }
    }
  }

  private static void add(List<String> out, String s) {
    if (s != null && !s.isBlank()) {
      out.add(s);
    }
  }
}
