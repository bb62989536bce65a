package io.gatescope.ui.lesson;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What a lesson step sets and reads in Inside: its traces (for the check), the selected unit and
 * the interventions in force. app.Workbench puts Inside's view-model behind it (screens do not
 * depend on each other).
 */
public interface InsideState {
  /** The trace of the current input with the interventions in force. */
  ReadOnlyObjectProperty<GateTrace> traceProperty();

  /** The trace of the current input without interventions. */
  ReadOnlyObjectProperty<GateTrace> baselineProperty();

  ReadOnlyIntegerProperty selectedUnitProperty();

  /** The interventions in force, oldest first. */
  List<Intervention> interventions();

  /** Puts exactly these interventions in force. */
  void setInterventions(List<Intervention> list);

  /** Selects {@code unit} (−1: none) and moves the shared timestep to {@code step}. */
  void select(int step, int unit);

  /** What Inside's centre shows: "maps" (Forward), "backward" or "cell". */
  String view();

  /** Shows {@code view} ("maps", "backward" or "cell") in Inside's centre. */
  void showView(String view);

  /** The backward view's target as chosen for the current input, or −1 for its default. */
  int chosenTarget();

  /** Takes digit {@code k} as the backward view's target (−1: leaves the default). */
  void chooseTarget(int k);

  /** How many units the shown layer has (what a check's unit must be below). */
  int units();

  /** The layer Inside shows (0 = the first), whose unit is the selected one. */
  int shownLayer();
}
