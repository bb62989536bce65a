package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The read-out's value reads back as the very float the map holds. */
class HoverValueTest {
  @Test
  void theValueIsExact() {
    assertEquals("0.769", TraceTexts.exact(0.769f));
    assertEquals("0.0000123", TraceTexts.exact(0.0000123f));
    assertEquals("-0.1476064", TraceTexts.exact(-0.1476064f));
    assertEquals("1.0", TraceTexts.exact(1f));
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      float v = (float) ((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-6, 2)));
      assertEquals(v, Float.parseFloat(TraceTexts.exact(v)), 0f, "" + v);
    }
  }
}
