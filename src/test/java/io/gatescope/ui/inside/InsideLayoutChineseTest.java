package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The same checks in 简体中文, whose headings and labels have other widths. */
class InsideLayoutChineseTest extends InsideLayoutTest {
  private static Locale before;

  @BeforeAll
  static void chinese() {
    before = Messages.language();
    Messages.use(Locale.SIMPLIFIED_CHINESE);
  }

  @AfterAll
  static void back() {
    Messages.use(before);
  }
}
