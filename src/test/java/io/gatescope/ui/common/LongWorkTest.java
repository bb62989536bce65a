package io.gatescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LongWorkTest {
  @Test
  void aLongComputationsThreadStepsBackForTheWindowAndNoOtherThreadDoes() throws Exception {
    assumeTrue(Files.exists(Path.of("/proc/thread-self")), "Linux only");
    assumeTrue(onPath("renice"), "needs renice");
    Integer before = LongWork.niceOfThisThread();
    assumeTrue(before != null && before < 19, "room to step back");
    CompletableFuture<Integer> nice = new CompletableFuture<>();
    CompletableFuture<Integer> priority = new CompletableFuture<>();
    Thread t =
        LongWork.start(
            () -> {
              nice.complete(LongWork.niceOfThisThread());
              priority.complete(Thread.currentThread().getPriority());
            },
            "long-work-test");
    assertEquals(LongWork.lowered(before), nice.get(30, TimeUnit.SECONDS));
    assertEquals(Thread.MIN_PRIORITY, priority.get(30, TimeUnit.SECONDS));
    assertTrue(t.isDaemon());
    assertEquals(before, LongWork.niceOfThisThread(), "the caller keeps its priority");
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
