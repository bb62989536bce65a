package io.gatescope.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for long computations behind the window (training, a cell comparison, the units index)
 * that yield the processor to the window: on a two-core laptop training takes one core whole, and
 * the FX thread, the renderer and the garbage collector share the other. The thread asks for the
 * lowest Java priority, and on Linux, where the JVM ignores Java priorities unless started with
 * root's flags, it lowers its own scheduling priority by {@value #NICE} nice levels with {@code
 * renice}. Nothing else changes: when the window is idle the computation still has the core to
 * itself.
 */
public final class LongWork {
  private static final Logger LOG = LoggerFactory.getLogger(LongWork.class);

  /**
   * How far a long computation steps back: 10 nice levels (a tenth of a contended core's time
   * against a thread at its old level), never beyond the lowest, 19.
   */
  static final int NICE = 10;

  private static final Pattern TASK = Pattern.compile("task/(\\d+)$");

  private LongWork() {}

  /**
   * A started daemon thread named {@code name} that lowers its priority, then runs {@code work}.
   */
  public static Thread start(Runnable work, String name) {
    Thread t = thread(work, name);
    t.start();
    return t;
  }

  /** The same thread, not started (for an executor's thread factory). */
  public static Thread thread(Runnable work, String name) {
    Thread t =
        new Thread(
            () -> {
              lowerThisThread();
              work.run();
            },
            name);
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    return t;
  }

  /**
   * Lowers the calling thread's scheduling priority where the system lets a program do that for one
   * thread (Linux: its task id from /proc/thread-self); whether it did.
   */
  static boolean lowerThisThread() {
    Path self = Path.of("/proc/thread-self");
    Integer nice = niceOfThisThread();
    if (!Files.exists(self) || nice == null) {
      return false;
    }
    try {
      Matcher task = TASK.matcher(Files.readSymbolicLink(self).toString());
      if (!task.find()) {
        return false;
      }
      Process p =
          new ProcessBuilder("renice", "-n", Integer.toString(lowered(nice)), "-p", task.group(1))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) { // no renice, no permission, an odd /proc: the thread keeps its priority
      LOG.debug(
          "could not lower {}'s priority: {}", Thread.currentThread().getName(), e.toString());
      return false;
    }
  }

  /** The nice value a thread at {@code nice} steps back to. */
  static int lowered(int nice) {
    return Math.min(19, nice + NICE);
  }

  /** The calling thread's nice value on Linux (field 19 of its stat line), or null elsewhere. */
  static Integer niceOfThisThread() {
    try {
      String stat = Files.readString(Path.of("/proc/thread-self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.valueOf(f[16]); // fields from the 3rd on: state is [0], nice (19th) is [16]
    } catch (Exception e) {
      return null;
    }
  }
}
