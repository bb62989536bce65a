package io.gatescope.ui.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

/**
 * Plays the timestep forward, one row per tick, while {@code playing} is true: at {@code speed}
 * rows per second, stopping at the last row (or starting again at row 1 when {@code loop} is set).
 * The animation lives here, in the view layer; the state it follows is the view-model's.
 */
public final class StepPlayer {
  private final IntegerProperty timestep;
  private final BooleanProperty playing;
  private final ObservableBooleanValue loop;
  private final int last;
  private final Timeline timeline;

  public StepPlayer(
      IntegerProperty timestep,
      BooleanProperty playing,
      ObservableValue<Integer> speed,
      ObservableBooleanValue loop,
      int last) {
    this.timestep = timestep;
    this.playing = playing;
    this.loop = loop;
    this.last = last;
    timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    timeline.setCycleCount(Animation.INDEFINITE);
    speed.addListener((o, a, v) -> timeline.setRate(rate(v)));
    timeline.setRate(rate(speed.getValue()));
    playing.addListener((o, a, on) -> run(on));
    run(playing.get());
  }

  private static double rate(Integer rowsPerSecond) {
    return rowsPerSecond == null || rowsPerSecond < 1 ? 1 : rowsPerSecond;
  }

  private void run(boolean on) {
    if (on) {
      timeline.playFromStart();
    } else {
      timeline.stop();
    }
  }

  /** One row on: past the last row it stops there, or goes back to row 1 when looping. */
  public void tick() {
    if (!playing.get()) {
      return;
    }
    int t = timestep.get();
    if (t >= last) {
      if (loop.get()) {
        timestep.set(1);
      } else {
        playing.set(false);
      }
      return;
    }
    timestep.set(t + 1);
    if (t + 1 >= last && !loop.get()) {
      playing.set(false); // rest on the final answer
    }
  }
}
