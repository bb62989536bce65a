package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The interventions the user sets up in Inside: which gate to clamp, to what value, for all units
 * or the selected one; silenced units; the list in force and how it reads ("Γf = 0 (all units)").
 */
final class InterventionSetup {
  private final IntSupplier layer;
  private final IntSupplier selectedUnit;
  private final ObservableList<Intervention> active = FXCollections.observableArrayList();
  private final ObservableList<Intervention> activeView =
      FXCollections.unmodifiableObservableList(active);
  private final ReadOnlyObjectWrapper<List<Quantity>> gates =
      new ReadOnlyObjectWrapper<>(List.of());
  private final ObjectProperty<Quantity> gate = new SimpleObjectProperty<>(Quantity.FORGET);
  private final ObjectProperty<Double> value = new SimpleObjectProperty<>(0.0);
  private final BooleanProperty selectedOnly = new SimpleBooleanProperty(false);
  private boolean showing; // the choice is being set to show a clamp in force, not to change it

  /**
   * @param layer the layer shown
   * @param selectedUnit the unit selected, or −1
   */
  InterventionSetup(IntSupplier layer, IntSupplier selectedUnit) {
    this.layer = layer;
    this.selectedUnit = selectedUnit;
    value.addListener((o, a, b) -> reclampWith(b));
  }

  /** Offers the gates model {@code m}'s cell can clamp; the chosen gate stays one of them. */
  void offer(RecurrentClassifier m) {
    List<Quantity> clampable =
        m == null
            ? List.of()
            : m.config().cell().quantities().stream().filter(Quantity::isGate).toList();
    if (!gates.get().equals(clampable)) {
      gates.set(List.copyOf(clampable));
      if (!clampable.contains(gate.get()) && !clampable.isEmpty()) {
        gate.set(clampable.get(0));
      }
    }
  }

  /** Clamps the chosen gate (all units, or only the selected one) to the chosen value. */
  void clamp() {
    int unit = selectedUnit.getAsInt();
    int[] units = selectedOnly.get() && unit >= 0 ? new int[] {unit} : new int[0];
    active.add(new Intervention(layer.getAsInt(), gate.get(), units, value.get().floatValue()));
  }

  /**
   * A new value for the chosen gate while it is clamped changes that clamp, so the value shown as
   * chosen is the value in force (a teacher reads the lit button as the clamp).
   */
  private void reclampWith(Double v) {
    if (v == null || showing) {
      return;
    }
    for (int i = 0; i < active.size(); i++) {
      Intervention c = active.get(i);
      if (c.layer() == layer.getAsInt() && c.quantity() == gate.get() && c.value() != v) {
        active.set(i, new Intervention(c.layer(), c.quantity(), c.units(), v.floatValue()));
      }
    }
  }

  void silenceSelected() {
    if (selectedUnit.getAsInt() >= 0) {
      active.add(Intervention.silence(layer.getAsInt(), selectedUnit.getAsInt()));
    }
  }

  /** Adds an intervention made elsewhere (Units' "Silence in Inside"), as it is. */
  void add(Intervention iv) {
    active.add(iv);
  }

  void reset() {
    active.clear();
  }

  /** Puts exactly {@code list} in force (a lesson step's interventions), in one change. */
  void replaceWith(List<Intervention> list) {
    if (!active.equals(list)) {
      active.setAll(list);
    }
    showInForce(list);
  }

  /**
   * The choice shows the last clamp of the shown layer in {@code list}: its gate, its value lit,
   * "selected unit only" when it names units. A teacher reads the lit value as the clamp in force;
   * a lesson step's Γf = 1 must not sit under a lit 0. The interventions themselves are not touched
   * (setting the value here does not clamp again).
   */
  private void showInForce(List<Intervention> list) {
    for (int i = list.size() - 1; i >= 0; i--) {
      Intervention iv = list.get(i);
      if (iv.quantity().isGate() && iv.layer() == layer.getAsInt()) {
        showing = true;
        try {
          gate.set(iv.quantity());
          value.set((double) iv.value());
          selectedOnly.set(iv.units().length > 0);
        } finally {
          showing = false;
        }
        return;
      }
    }
  }

  /** The interventions in force, oldest first. */
  ObservableList<Intervention> active() {
    return activeView;
  }

  /** The active interventions as the user reads them: "Γf = 0 (all units) · a = 0 (unit 5)". */
  String describe() {
    List<String> parts = new ArrayList<>();
    for (Intervention iv : active) {
      String units =
          iv.units().length == 0
              ? Messages.get("inside.iv.all")
              : Messages.get(
                  "inside.iv.units",
                  Arrays.stream(iv.units())
                      .mapToObj(Integer::toString)
                      .collect(Collectors.joining(", ")));
      if (iv.layer() != layer.getAsInt()) { // not the layer the maps show: say which
        units = Messages.get("inside.iv.layer", units, iv.layer() + 1);
      }
      parts.add(Messages.get("inside.iv", iv.quantity().symbol(), iv.value(), units));
    }
    return String.join(" · ", parts);
  }

  ReadOnlyObjectProperty<List<Quantity>> gatesProperty() {
    return gates.getReadOnlyProperty();
  }

  ObjectProperty<Quantity> gateProperty() {
    return gate;
  }

  ObjectProperty<Double> valueProperty() {
    return value;
  }

  BooleanProperty selectedOnlyProperty() {
    return selectedOnly;
  }
}
