package io.gatescope.core.lesson;

import io.gatescope.core.Messages;
import java.util.Locale;

/**
 * A text a lesson carries in both of GateScope's languages. Either may be empty (a teacher who
 * records a lesson writes in one language first); {@link #text()} then falls back to the other.
 *
 * @param en English
 * @param zh Simplified Chinese
 */
public record LocalText(String en, String zh) {
  public static final LocalText EMPTY = new LocalText("", "");

  public LocalText {
    en = en == null ? "" : en;
    zh = zh == null ? "" : zh;
  }

  /** The text in {@code l} (Chinese for any zh locale), or the other language if that is empty. */
  public String in(Locale l) {
    boolean chinese = "zh".equals(l.getLanguage());
    String first = chinese ? zh : en;
    return first.isEmpty() ? (chinese ? en : zh) : first;
  }

  /** The text in the language GateScope speaks now. */
  public String text() {
    return in(Messages.language());
  }

  /** This text with the part in {@code l} replaced. */
  public LocalText with(Locale l, String s) {
    return "zh".equals(l.getLanguage()) ? new LocalText(en, s) : new LocalText(s, zh);
  }

  public boolean isEmpty() {
    return en.isEmpty() && zh.isEmpty();
  }
}
