package io.gatescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Messages;
import org.junit.jupiter.api.Test;

/** Background failures in words: memory said as memory, else the error's message or its kind. */
class FailureTest {
  @Test
  void runningOutOfMemorySaysSoWithTheLimit() {
    String words = Failure.describe(new OutOfMemoryError("Java heap space"));
    long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    assertEquals(Messages.get("failure.memory", mb), words);
    assertTrue(words.contains(String.valueOf(mb)), words);
  }

  @Test
  void otherErrorsGiveTheirMessageOrTheirKind() {
    assertEquals(
        "the file ends early", Failure.describe(new IllegalStateException("the file ends early")));
    assertEquals("NullPointerException", Failure.describe(new NullPointerException()));
    assertEquals("IllegalArgumentException", Failure.describe(new IllegalArgumentException(" ")));
  }
}
