package io.gatescope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A notice is broken into lines no wider than {@link NoticePopup#NOTICE_COLUMNS} (a Chinese
 * character counts two), at spaces or after Chinese punctuation, losing nothing: one long line made
 * it as wide as a 1024-pixel window, over Train's Start button.
 */
class NoticeWrapTest {
  @Test
  void longNoticesBreakIntoLinesThatKeepEveryWord() {
    String en =
        "#1 LSTM H64: finished 2 epochs. Draw, Inside and Evaluate now use it (Models menu: back"
            + " to another model).";
    String wrapped = NoticePopup.wrap(en, NoticePopup.NOTICE_COLUMNS);
    assertTrue(wrapped.contains("\n"), wrapped);
    assertEquals(en, wrapped.replace('\n', ' '));
    wrapped.lines().forEach(l -> assertTrue(l.length() <= NoticePopup.NOTICE_COLUMNS, l));

    String zh = Messages.in(Locale.SIMPLIFIED_CHINESE, "help.units.matches");
    String z = NoticePopup.wrap(zh, NoticePopup.NOTICE_COLUMNS);
    assertTrue(z.lines().count() > 1, z);
    assertEquals(zh, z.replaceAll("(?<=[，。；：、！？])\n", "").replace('\n', ' '));
    z.lines()
        .forEach(
            l ->
                assertTrue(
                    l.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum()
                        <= NoticePopup.NOTICE_COLUMNS + 2,
                    l));

    assertEquals("short one", NoticePopup.wrap("short one", NoticePopup.NOTICE_COLUMNS));
  }
}
