package io.gatescope.ui.draw;

import io.gatescope.core.Messages;
import io.gatescope.ui.common.Choices;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** Play/pause, the row being read (a slider and "row t"), the speed and whether to loop. */
final class PlaybackRow extends HBox {
  private final DrawViewModel vm;
  private final ComboBox<Integer> speed =
      new ComboBox<>(FXCollections.observableArrayList(DrawViewModel.SPEEDS));

  PlaybackRow(DrawViewModel vm) {
    super(8);
    this.vm = vm;
    Slider step = buildStepSlider();
    getChildren()
        .addAll(
            buildPlayButton(), step, buildRowLabel(), buildSpeedLabel(), buildSpeed(), buildLoop());
    setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(step, Priority.ALWAYS);
  }

  private Button buildPlayButton() {
    Button play = new Button();
    play.setId("draw-play");
    FontIcon icon = new FontIcon("mdi2p-play");
    icon.setId("draw-play-icon");
    vm.playingProperty()
        .addListener((o, a, on) -> icon.setIconLiteral(on ? "mdi2p-pause" : "mdi2p-play"));
    play.setGraphic(icon);
    Tooltip tip = new Tooltip();
    tip.textProperty()
        .bind(
            Bindings.when(vm.playingProperty())
                .then(Messages.get("draw.pause.tip"))
                .otherwise(Messages.get("draw.play.tip")));
    play.setTooltip(tip);
    play.accessibleTextProperty().bind(tip.textProperty());
    play.setOnAction(e -> vm.togglePlaying());
    return play;
  }

  private Slider buildStepSlider() {
    Slider step = new Slider(1, 28, vm.timestepProperty().get());
    step.setId("draw-step");
    step.setMajorTickUnit(3);
    step.setMinorTickCount(2);
    step.setSnapToTicks(true);
    step.setShowTickMarks(true);
    step.setMinWidth(90);
    step.valueProperty().addListener((o, a, b) -> vm.moveTo(b.intValue()));
    vm.timestepProperty().addListener((o, a, b) -> step.setValue(b.intValue()));
    return step;
  }

  private Label buildRowLabel() {
    Label stepLabel = new Label();
    stepLabel.setId("draw-row");
    stepLabel.setMinWidth(Region.USE_PREF_SIZE);
    stepLabel
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> Messages.get("draw.row", vm.timestepProperty().get()),
                vm.timestepProperty()));
    return stepLabel;
  }

  private Label buildSpeedLabel() {
    Label speedLabel = new Label(Messages.get("draw.speed"));
    speedLabel.setMinWidth(Region.USE_PREF_SIZE);
    speedLabel.setLabelFor(speed);
    return speedLabel;
  }

  private ComboBox<Integer> buildSpeed() {
    speed.setId("draw-speed");
    Choices.showAs(speed, v -> Messages.get("draw.speed.value", v));
    speed.valueProperty().bindBidirectional(vm.speedProperty());
    speed.setTooltip(new Tooltip(Messages.get("draw.speed.tip")));
    speed.setMinWidth(Region.USE_PREF_SIZE);
    return speed;
  }

  private CheckBox buildLoop() {
    CheckBox loop = new CheckBox(Messages.get("draw.loop"));
    loop.setId("draw-loop");
    loop.selectedProperty().bindBidirectional(vm.loopProperty());
    loop.setTooltip(new Tooltip(Messages.get("draw.loop.tip")));
    loop.setMinWidth(Region.USE_PREF_SIZE);
    return loop;
  }
}
