package io.gatescope.ui.inside;

import static io.gatescope.ui.common.Controls.heading;

import io.gatescope.core.Messages;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Inside's equations box: the equations of the selected cell, forward or backward as the centre
 * shows, under buttons that step the timestep and open the unit's card.
 */
final class EquationsBox {
  private final InsideViewModel vm;
  private final BackwardViewModel bvm;
  private final ReadOnlyObjectProperty<CellSection.Shown> shown;
  private final EquationText equations = new EquationText();

  EquationsBox(
      InsideViewModel vm, BackwardViewModel bvm, ReadOnlyObjectProperty<CellSection.Shown> shown) {
    this.vm = vm;
    this.bvm = bvm;
    this.shown = shown;
  }

  /** The box; its "Unit card" button runs {@code openUnitCard}. */
  VBox build(Runnable openUnitCard) {
    equations.setId("inside-equations");
    for (Observable o : new Observable[] {vm.equationsProperty(), bvm.equationsProperty(), shown}) {
      o.addListener(x -> refresh());
    }
    refresh();
    Button prev = new Button(null, new FontIcon("mdi2c-chevron-left"));
    prev.setTooltip(new Tooltip(Messages.get("inside.prev.tip")));
    prev.setOnAction(e -> vm.stepBy(-1));
    Button next = new Button(null, new FontIcon("mdi2c-chevron-right"));
    next.setTooltip(new Tooltip(Messages.get("inside.next.tip")));
    next.setOnAction(e -> vm.stepBy(1));
    Button card = new Button(Messages.get("inside.unitCard"), new FontIcon("mdi2c-card-search"));
    card.setId("inside-unit-card");
    card.setTooltip(new Tooltip(Messages.get("inside.unitCard.tip")));
    card.setOnAction(e -> openUnitCard.run());
    HBox head = new HBox(6, heading(Messages.get("inside.equations")), prev, next, card);
    VBox eqBox = new VBox(4, head, equations);
    eqBox.setMinWidth(0);
    return eqBox;
  }

  private void refresh() {
    boolean back = shown.get() == CellSection.Shown.BACKWARD;
    equations.setText((back ? bvm.equationsProperty() : vm.equationsProperty()).get());
  }

  /** The equations as shown. */
  String text() {
    return equations.text();
  }
}
