package io.gatescope.ui.inside;

import static io.gatescope.ui.common.Controls.heading;
import static io.gatescope.ui.common.Controls.keepWidth;
import static io.gatescope.ui.common.Controls.row;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.ui.common.Choices;
import io.gatescope.ui.common.Segments;
import java.math.BigDecimal;
import java.util.List;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Inside's interventions: the gate to clamp, its value, all units or the selected one; clamp,
 * silence, reset; the interventions in force; and the prediction before → after them.
 */
final class InterventionsPanel extends VBox {
  private final InsideViewModel vm;

  InterventionsPanel(InsideViewModel vm) {
    super(4);
    this.vm = vm;
    getChildren()
        .addAll(
            heading(Messages.get("inside.interventions")),
            buildClampChoice(),
            buildActions(),
            buildActiveList(),
            buildBeforeAfter());
    setMinWidth(Region.USE_PREF_SIZE);
  }

  /** "Γf forget gate = 0 | 0.5 | 1 ☐ selected unit only". */
  private HBox buildClampChoice() {
    ComboBox<Quantity> gate = new ComboBox<>();
    gate.getItems().setAll(vm.clampableGatesProperty().get());
    vm.clampableGatesProperty().addListener((o, a, gates) -> gate.getItems().setAll(gates));
    gate.valueProperty().bindBidirectional(vm.clampGateProperty());
    Choices.showAs(gate, q -> q.symbol() + " " + InsideView.describe(q));
    // Three values, all in view: the choice reads at a glance on a projector.
    SegmentedButton value =
        Segments.of(
            List.of(0.0, 0.5, 1.0),
            v -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(),
            vm.clampValueProperty());
    value.setId("inside-clamp-value");
    value.setTooltip(new Tooltip(Messages.get("inside.clampValue.tip")));
    CheckBox onlySelected = new CheckBox(Messages.get("inside.selectedOnly"));
    onlySelected.selectedProperty().bindBidirectional(vm.clampSelectedOnlyProperty());
    keepWidth(onlySelected);
    return row(6, gate, new Label("="), value, onlySelected);
  }

  private HBox buildActions() {
    Button clamp = action("inside.clamp", "mdi2l-lock-outline", "inside.clamp.tip", vm::applyClamp);
    clamp.setId("inside-clamp");
    Button silence =
        action("inside.silence", "mdi2v-volume-off", "inside.silence.tip", vm::silenceSelected);
    Button reset =
        action("inside.reset", "mdi2r-restore", "inside.reset.tip", vm::resetInterventions);
    reset.setId("inside-reset");
    return new HBox(6, clamp, silence, reset);
  }

  private static Button action(String text, String icon, String tip, Runnable run) {
    Button b = new Button(Messages.get(text), new FontIcon(icon));
    b.setOnAction(e -> run.run());
    b.setTooltip(new Tooltip(Messages.get(tip)));
    keepWidth(b);
    return b;
  }

  /** The interventions in force, as the user reads them. */
  private Label buildActiveList() {
    Label active = InsideView.wrapping(new Label(), 380);
    active.getStyleClass().add("muted");
    vm.interventions().addListener((Observable o) -> active.setText(vm.interventionsText()));
    return active;
  }

  /** "Prediction before: 5 (96.1%) → after: 3 (54.2%)", shown while an intervention is active. */
  private HBox buildBeforeAfter() {
    Label before = new Label();
    before.setId("inside-prediction-before");
    before.getStyleClass().add("prediction-before");
    before.textProperty().bind(vm.predictionBeforeProperty());
    Label after = new Label();
    after.setId("inside-prediction-after");
    after.getStyleClass().add("prediction-after");
    after.textProperty().bind(vm.predictionAfterProperty());
    Label heading = new Label(Messages.get("inside.prediction"));
    heading.getStyleClass().add("muted");
    HBox row = new HBox(8, heading, before, new Label("→"), after);
    row.setAlignment(Pos.BASELINE_LEFT);
    for (Node n : row.getChildren()) {
      keepWidth((Region) n);
    }
    row.visibleProperty().bind(vm.predictionAfterProperty().isNotEmpty());
    row.managedProperty().bind(row.visibleProperty());
    return row;
  }
}
