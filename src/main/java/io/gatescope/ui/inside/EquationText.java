package io.gatescope.ui.inside;

import javafx.scene.AccessibleRole;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The equations panel: lines of text in a monospaced font, where every c̃ is drawn by {@link
 * TildeC} (unmistakable from c) and what an intervention did ("→ clamped to …") stands out in the
 * intervention colour. Wraps rather than cuts when the panel is narrow.
 */
final class EquationText extends TextFlow {
  private static final String CAND = "c\u0303";
  private String text = "";

  EquationText() {
    getStyleClass().add("equations");
    setAccessibleRole(AccessibleRole.TEXT);
    setMinHeight(USE_PREF_SIZE);
  }

  /** The text shown, as the view-model wrote it. */
  String text() {
    return text;
  }

  void setText(String s) {
    text = s == null ? "" : s;
    setAccessibleText(text);
    getChildren().clear();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int note = line.indexOf(" → ");
      addWithCandidates(note < 0 ? line : line.substring(0, note), "equation-text");
      if (note >= 0) {
        addWithCandidates(line.substring(note), "equation-intervention");
      }
      if (i < lines.length - 1 && !(i == lines.length - 2 && lines[i + 1].isEmpty())) {
        getChildren().add(text("\n", "equation-text"));
      }
    }
  }

  private void addWithCandidates(String s, String style) {
    int from = 0;
    for (int at = s.indexOf(CAND); at >= 0; at = s.indexOf(CAND, from)) {
      if (at > from) {
        getChildren().add(text(s.substring(from, at), style));
      }
      getChildren().add(new TildeC());
      from = at + CAND.length();
    }
    if (from < s.length()) {
      getChildren().add(text(s.substring(from), style));
    }
  }

  private static Text text(String s, String style) {
    Text t = new Text(s);
    t.getStyleClass().add(style);
    return t;
  }
}
