package io.gatescope.ui.common;

import java.util.function.IntConsumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

/**
 * Plays the timestep forward, one row per tick, while {@code playing} is true: at {@code speed}
 * rows per second, stopping at the last row (or starting again at row 1 when {@code loop} is set).
 * The animation lives here, in the view layer; the state it follows is the view-model's, and it
 * moves the timestep through {@code moveTo}.
 */
public final class StepPlayer {
  private final ObservableIntegerValue timestep;
  private final IntConsumer moveTo;
  private final BooleanProperty playing;
  private final ObservableBooleanValue loop;
  private final int last;
  private final Timeline timeline;

  public StepPlayer(
      ObservableIntegerValue timestep,
      IntConsumer moveTo,
      BooleanProperty playing,
      ObservableValue<Integer> speed,
      ObservableBooleanValue loop,
      int last) {
    this.timestep = timestep;
    this.moveTo = moveTo;
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
        moveTo.accept(1);
      } else {
        playing.set(false);
      }
      return;
    }
    moveTo.accept(t + 1);
    if (t + 1 >= last && !loop.get()) {
      playing.set(false); // rest on the final answer
    }
  }
}
