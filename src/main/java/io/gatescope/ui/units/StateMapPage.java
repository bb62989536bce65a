package io.gatescope.ui.units;

import static io.gatescope.ui.common.Controls.flow;
import static io.gatescope.ui.common.Controls.keepWidth;
import static io.gatescope.ui.common.Controls.note;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.ui.common.Segments;
import io.gatescope.ui.common.StepPlayer;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The state map page: every test image's state at one step, on the plane of its two main
 * directions.
 */
final class StateMapPage extends VBox {
  private final MapViewModel map;
  private final StateScatter scatter = new StateScatter();

  StateMapPage(MapViewModel map) {
    this.map = map;
    build();
    bindMap();
  }

  private void build() {
    MapViewModel m = map;
    var chosen = new SimpleObjectProperty<>(m.quantityProperty().get());
    chosen.addListener((o, a, q) -> m.chooseQuantity(q));
    var quantity =
        Segments.of(
            List.of(Quantity.HIDDEN, Quantity.CELL),
            q -> Messages.get("units.map.of", q.symbol()),
            chosen);
    quantity.setId("units-map-quantity");
    ToggleButton play =
        new ToggleButton(Messages.get("units.map.play"), new FontIcon("mdi2p-play"));
    play.setId("units-map-play");
    play.selectedProperty().bindBidirectional(m.playingProperty());
    play.setOnAction(
        e -> {
          if (play.isSelected() && m.timestepProperty().get() >= 28) {
            m.moveTo(1);
          }
        });
    new StepPlayer(
        m.timestepProperty(),
        m::moveTo,
        m.playingProperty(),
        new SimpleObjectProperty<>(4),
        new javafx.beans.property.SimpleBooleanProperty(false),
        28);
    Label step = new Label();
    step.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.get("units.map.step", m.timestepProperty().get()),
                m.timestepProperty()));
    Label status = note("");
    status.textProperty().bind(m.statusProperty());
    keepWidth(quantity, play, step);
    scatter.setId("units-state-map");
    scatter.setPixels(m::pixels);
    VBox.setVgrow(scatter, Priority.ALWAYS);
    setSpacing(6);
    getChildren()
        .setAll(flow(quantity, play, step, status), note(Messages.get("units.map.hint")), scatter);
    setPadding(new Insets(4, 10, 8, 10));
    setId("units-map");
  }

  private void bindMap() {
    MapViewModel m = map;
    m.mapProperty().addListener((o, a, map) -> scatter.show(map));
    ObservableValue<?>[] deps = {m.pathProperty(), m.timestepProperty()};
    for (ObservableValue<?> d : deps) {
      d.addListener(o -> scatter.path(m.pathProperty().get(), m.timestepProperty().get()));
    }
  }
}
