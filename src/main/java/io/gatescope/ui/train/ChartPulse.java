package io.gatescope.ui.train;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.animation.AnimationTimer;

/**
 * Brings the charts up to date at most every {@link #GAP_NANOS}: the feeds with new points ask for
 * an update, and at the next pulse at least that long after the last update each is updated once,
 * so a burst of statistics costs one chart layout, not one per point, and the pulses in between
 * have no chart to lay out or draw. The timer runs only while an update is pending.
 */
final class ChartPulse {
  /**
   * Least time between two updates of the charts: five a second. Laying out and drawing the three
   * charts takes longer than a pulse on a slow machine; between updates the window keeps its pace.
   */
  static final long GAP_NANOS = 200_000_000L;

  private final Set<ChartFeed> pending = new LinkedHashSet<>();
  private long last = Long.MIN_VALUE / 2;
  private final AnimationTimer timer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          tick(now);
        }
      };

  /** On the FX thread: update {@code feed} at the next pulse that is due. */
  void request(ChartFeed feed) {
    if (pending.isEmpty()) {
      timer.start();
    }
    pending.add(feed);
  }

  /**
   * A pulse at {@code now} (nanoseconds, the animation timer's clock): updates the pending feeds if
   * the last update is at least {@link #GAP_NANOS} before it.
   */
  void tick(long now) {
    if (now - last >= GAP_NANOS) {
      last = now;
      flush();
    }
  }

  /** Updates every pending feed now (also what a test calls instead of waiting for a pulse). */
  void flush() {
    timer.stop();
    var now = java.util.List.copyOf(pending);
    pending.clear();
    now.forEach(ChartFeed::update);
  }
}
