package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.CellNumbers;
import io.gatescope.core.inspect.Equations;
import io.gatescope.ui.common.Keys;
import io.gatescope.ui.common.Segments;
import io.gatescope.ui.common.Workspace;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Inside's centre: the six maps (Forward), their gradients (Backward), or the cell diagram of the
 * selected unit at the current timestep (a toggle above them; a double click on any map cell, or
 * Ctrl+Shift+C, opens the diagram there; Ctrl+Shift+B switches Forward and Backward). The diagram
 * follows the trace, the timestep, the unit and the interventions as the maps do.
 */
final class CellSection {
  /** What the centre shows. */
  enum Shown {
    MAPS,
    BACKWARD,
    CELL
  }

  /** The height the centre needs before the model strip is shown above the diagram. */
  private static final double STRIP_ROOM = 470;

  private final InsideViewModel vm;
  private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>(Shown.MAPS);
  private final CellStepper stepper = new CellStepper();
  private final CellPanel panel;
  private final ModelStrip strip = new ModelStrip();

  CellSection(InsideViewModel vm) {
    this.vm = vm;
    this.panel = new CellPanel(stepper, vm.timestepProperty(), vm::selectStep);
    panel.diagram().setOnBoxClick(this::offerClamp);
  }

  /**
   * A click on a gate's box offers the same clamps as the interventions panel, for this unit: the
   * diagram, the maps and the prediction then show the model with that gate fixed.
   */
  private void offerClamp(Quantity q, MouseEvent e) {
    if (!q.isGate() || !vm.clampableGatesProperty().get().contains(q)) {
      return;
    }
    int unit = vm.selectedUnitProperty().get();
    ContextMenu menu = new ContextMenu();
    for (double v : new double[] {0, 0.5, 1}) {
      MenuItem item = new MenuItem(Messages.get("inside.cell.clamp", q.symbol(), unit, v));
      item.setOnAction(
          a -> {
            vm.clampGateProperty().set(q);
            vm.clampValueProperty().set(v);
            vm.clampSelectedOnlyProperty().set(true);
            vm.applyClamp();
          });
      menu.getItems().add(item);
    }
    MenuItem reset = new MenuItem(Messages.get("inside.cell.release"));
    reset.setOnAction(a -> vm.resetInterventions());
    menu.getItems().add(reset);
    menu.show(panel.diagram(), e.getScreenX(), e.getScreenY());
  }

  /**
   * The toggle and, under it, the forward maps, the backward maps (with their bar beside the
   * toggle) or the diagram.
   */
  BorderPane build(Node maps, Node backwardMaps, Node backwardBar, Node keyScope) {
    strip.setOnStage(this::goTo);
    VBox cellView = new VBox(6, strip, panel);
    VBox.setVgrow(panel, Priority.ALWAYS);
    cellView.setPadding(new Insets(0, 8, 0, 4));
    StackPane stack = new StackPane(maps, backwardMaps, cellView);
    // On a short screen (1024×600) the diagram and its equations need all the height there is.
    strip.visibleProperty().bind(stack.heightProperty().greaterThan(STRIP_ROOM));
    strip.managedProperty().bind(strip.visibleProperty());
    maps.visibleProperty().bind(shown.isEqualTo(Shown.MAPS));
    backwardMaps.visibleProperty().bind(shown.isEqualTo(Shown.BACKWARD));
    cellView.visibleProperty().bind(shown.isEqualTo(Shown.CELL));
    Label hint = new Label(Messages.get("inside.cell.hint"));
    hint.getStyleClass().add("muted");
    hint.setWrapText(true);
    hint.setMinWidth(0);
    hint.visibleProperty().bind(shown.isNotEqualTo(Shown.BACKWARD));
    hint.managedProperty().bind(hint.visibleProperty());
    backwardBar.visibleProperty().bind(shown.isEqualTo(Shown.BACKWARD));
    backwardBar.managedProperty().bind(backwardBar.visibleProperty());
    HBox.setHgrow(backwardBar, Priority.ALWAYS);
    Node toggle = toggle();
    HBox bar = new HBox(10, toggle, hint, backwardBar);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 12, 4, 4));
    BorderPane centre = new BorderPane(stack);
    centre.setTop(bar);
    Keys.bind(keyScope, "Shortcut+Shift+C", this::toggleView);
    Keys.bind(
        keyScope,
        "Shortcut+Shift+B",
        () -> shown.set(shown.get() == Shown.BACKWARD ? Shown.MAPS : Shown.BACKWARD));
    for (Observable o :
        List.of(
            vm.traceProperty(),
            vm.timestepProperty(),
            vm.selectedUnitProperty(),
            vm.maps(),
            shown)) {
      o.addListener(x -> refresh());
    }
    return centre;
  }

  private Node toggle() {
    Node t =
        Segments.of(
            List.of(Shown.MAPS, Shown.BACKWARD, Shown.CELL),
            s ->
                Messages.get(
                    switch (s) {
                      case MAPS -> "inside.view.forward";
                      case BACKWARD -> "inside.view.backward";
                      case CELL -> "inside.view.cell";
                    }),
            shown);
    t.setId("inside-centre-toggle");
    return t;
  }

  /** The view that shows a stage of the model strip: the input and the answer are Draw's. */
  private void goTo(ModelStrip.Stage s) {
    switch (s) {
      case INPUT, OUTPUT -> vm.show(Workspace.DRAW);
      case RECURRENT -> shown.set(Shown.MAPS);
      case PROJECTION -> {} // shown only here
    }
  }

  /** For tests: the model strip. */
  ModelStrip strip() {
    return strip;
  }

  /** Shows the diagram (of the unit and timestep already selected). */
  void openCell() {
    shown.set(Shown.CELL);
  }

  private void toggleView() {
    shown.set(shown.get() == Shown.CELL ? Shown.MAPS : Shown.CELL);
  }

  /** For tests: the panel. */
  CellPanel panel() {
    return panel;
  }

  ObjectProperty<Shown> shownProperty() {
    return shown;
  }

  private void refresh() {
    GateTrace tr = vm.traceProperty().get();
    float[] input = vm.inputProperty().get();
    if (shown.get() != Shown.CELL || tr == null || input == null) {
      return;
    }
    int layer = vm.layerProperty().get();
    int t = Math.max(1, Math.min(tr.steps(), vm.timestepProperty().get()));
    int u = Math.max(0, Math.min(tr.hidden() - 1, vm.selectedUnitProperty().get()));
    float[] read = vm.reading().apply(input);
    CellNumbers n = CellNumbers.of(tr, layer, t, u, read);
    strip.show(tr, read, t);
    float tanhC =
        tr.cell() == CellType.LSTM ? tr.get(layer, Quantity.CELL_TANH)[t - 1][u] : Float.NaN;
    panel.show(n, tanhC, cellRange(), Equations.describe(tr, layer, t, u));
  }

  /** c's colour range as its map uses it. */
  private double cellRange() {
    for (MapData m : vm.maps()) {
      if (m.quantity() == Quantity.CELL) {
        return m.hi();
      }
    }
    return 1;
  }
}
