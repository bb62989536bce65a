package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.Keys;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A run's controls and state: Start, Pause/Resume, Stop; progress, the paused badge, status. */
final class RunControls {
  private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");

  private final TrainViewModel vm;
  private final TrainingRun run;

  RunControls(TrainViewModel vm) {
    this.vm = vm;
    this.run = vm.run();
  }

  /**
   * Start, Pause/Resume, Stop, with their shortcuts on {@code keys}: never cut; they wrap to a
   * second line before they shrink.
   */
  Node buildButtons(Node keys) {
    Button start = new Button(Messages.get("train.start"), new FontIcon("mdi2p-play"));
    start.setId("train-start");
    start.setTooltip(new Tooltip(Messages.get("train.start.tip")));
    start
        .disableProperty()
        .bind(
            vm.form()
                .validProperty()
                .not()
                .or(vm.timeLapse().validProperty().not())
                .or(run.runningProperty()));
    start.setOnAction(e -> vm.start());
    Keys.bind(
        keys,
        "Shortcut+Enter",
        () -> {
          if (!start.isDisabled()) {
            vm.start();
          }
        });
    Button pause = new Button(Messages.get("train.pause"), new FontIcon("mdi2p-pause"));
    pause.setId("train-pause");
    pause.disableProperty().bind(run.runningProperty().not());
    run.pausedProperty()
        .addListener(
            (o, a, p) -> {
              pause.setText(Messages.get(p ? "train.resume" : "train.pause"));
              pause.setGraphic(new FontIcon(p ? "mdi2p-play" : "mdi2p-pause"));
            });
    pause.setOnAction(e -> vm.togglePause());
    pause.setTooltip(new Tooltip(Messages.get("train.pause.tip")));
    Keys.bind(keys, "Shortcut+P", vm::togglePause);
    Button stop = new Button(Messages.get("train.stop"), new FontIcon("mdi2s-stop"));
    stop.setId("train-stop");
    stop.disableProperty().bind(run.runningProperty().not());
    stop.setOnAction(e -> vm.stop());
    stop.setTooltip(new Tooltip(Messages.get("train.stop.tip")));
    Keys.bind(keys, "Shortcut+Period", vm::stop);
    FlowPane buttons = new FlowPane(6, 6, start, pause, stop);
    for (Button b : List.of(start, pause, stop)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    return buttons;
  }

  /**
   * The progress bar, the paused badge, the progress text (then {@code after}, e.g. the time-lapse
   * toggle), and the last message under them.
   */
  Node buildStatus(Node... after) {
    ProgressBar bar = new ProgressBar();
    bar.setId("train-progress");
    bar.progressProperty().bind(run.progressProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.setMinWidth(60);
    Label paused = buildPausedBadge();
    paused.visibleProperty().addListener((o, was, now) -> bar.pseudoClassStateChanged(PAUSED, now));
    Label progress = new Label();
    progress.setId("train-progress-text");
    progress.textProperty().bind(run.progressTextProperty());
    progress.setMinWidth(Region.USE_PREF_SIZE);
    Label message = new Label();
    message.setId("train-message");
    message.getStyleClass().add("muted");
    message.setWrapText(true); // a long message (a skipped run file) wraps, never cut
    message.textProperty().bind(vm.messageProperty());
    HBox.setHgrow(bar, Priority.ALWAYS);
    HBox row = new HBox(10, bar, paused, progress);
    row.getChildren().addAll(after);
    row.setAlignment(Pos.CENTER_LEFT);
    return new VBox(4, row, message);
  }

  /** "Paused at iteration N", shown only while paused. */
  private Label buildPausedBadge() {
    Label paused = new Label();
    paused.setId("train-paused");
    paused.getStyleClass().add("paused-badge");
    paused.setGraphic(new FontIcon("mdi2p-pause-circle-outline"));
    paused.setMinWidth(Region.USE_PREF_SIZE);
    BooleanBinding isPaused = run.pausedAtProperty().greaterThanOrEqualTo(0);
    paused
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> Messages.get("train.paused", Math.max(0, run.pausedAtProperty().get())),
                run.pausedAtProperty()));
    paused.visibleProperty().bind(isPaused);
    paused.managedProperty().bind(isPaused);
    return paused;
  }
}
