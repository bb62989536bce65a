package io.gatescope.ui.train;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.animation.AnimationTimer;

/**
 * Brings the charts up to date once per animation pulse: the feeds with new points ask for an
 * update, and at the next pulse each is updated once, so a burst of statistics costs one chart
 * layout, not one per point. The timer runs only while an update is pending.
 */
final class ChartPulse {
  private final Set<ChartFeed> pending = new LinkedHashSet<>();
  private final AnimationTimer timer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          flush();
        }
      };

  /** On the FX thread: update {@code feed} at the next pulse. */
  void request(ChartFeed feed) {
    if (pending.isEmpty()) {
      timer.start();
    }
    pending.add(feed);
  }

  /** Updates every pending feed now (also what a test calls instead of waiting for a pulse). */
  void flush() {
    timer.stop();
    var now = java.util.List.copyOf(pending);
    pending.clear();
    now.forEach(ChartFeed::update);
  }
}
