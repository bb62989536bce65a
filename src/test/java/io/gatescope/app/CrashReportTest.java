package io.gatescope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashReportTest {
  @TempDir Path dir;

  @Test
  void anErrorBecomesAShortSentenceFullDetailsAndALogEntry() throws Exception {
    Exception e = new RuntimeException("wrapper", new IllegalStateException("the canvas is gone"));
    CrashReport r = CrashReport.of(new Thread("worker-7"), e);
    assertEquals(
        "Something went wrong: the canvas is gone. GateScope keeps running; if the problem"
            + " stays, the details below help to find it.",
        r.summary());
    assertTrue(r.details().contains("thread: worker-7"));
    assertTrue(
        r.details().contains("Caused by: java.lang.IllegalStateException: the canvas is gone"));
    Path log = dir.resolve("logs/gatescope.log");
    assertTrue(r.appendTo(log));
    assertTrue(r.appendTo(log));
    String text = Files.readString(log);
    assertEquals(2, text.split("=== ").length - 1, "two entries appended");
  }

  @Test
  void anUnwritableLogDoesNotThrow() throws Exception {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");
    CrashReport r = CrashReport.of(Thread.currentThread(), new RuntimeException("x"));
    assertEquals(false, r.appendTo(blocker.resolve("gatescope.log")));
  }
}
