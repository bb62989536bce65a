package io.gatescope.ui.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A long text shown in a text flow as one Text node per word (and per Chinese character), so every
 * line break falls between nodes. One Text holding a whole caption with c̃, ⊙ or Chinese in it was
 * drawn with the words after a line break repeated past the line's end (headless, t2k); word by
 * word, each line holds exactly its words (the lesson bar's caption and question, the ⓘ
 * explanations). The flow's accessible text is the whole text.
 */
public final class FlowText {
  /** A Chinese character or punctuation mark; a run of anything else up to its spaces; spaces. */
  private static final Pattern TOKEN =
      Pattern.compile(
          "[\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}]"
              + "|[^\\s\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}]+\\s*"
              + "|\\s+");

  private FlowText() {}

  /** Shows {@code text} in {@code flow}, each Text with {@code styleClass}. */
  public static void show(TextFlow flow, String text, String styleClass) {
    flow.getChildren().clear();
    flow.setAccessibleText(text);
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      Text t = new Text(m.group());
      t.getStyleClass().add(styleClass);
      flow.getChildren().add(t);
    }
  }
}
