package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clamp choice shows the clamp a lesson step put in force, and does not change it. */
class InterventionSetupTest {
  private final InterventionSetup setup = new InterventionSetup(() -> 0, () -> 16);

  @Test
  void aStepsClampIsWhatTheChoiceShows() {
    setup.replaceWith(List.of(Intervention.clampAll(0, Quantity.FORGET, 1f)));
    assertEquals(Quantity.FORGET, setup.gateProperty().get());
    assertEquals(1.0, setup.valueProperty().get());
    assertFalse(setup.selectedOnlyProperty().get());

    setup.replaceWith(List.of(new Intervention(0, Quantity.OUTPUT, new int[] {16}, 0.5f)));
    assertEquals(Quantity.OUTPUT, setup.gateProperty().get());
    assertEquals(0.5, setup.valueProperty().get());
    assertTrue(setup.selectedOnlyProperty().get());
  }

  @Test
  void showingTheLastClampLeavesTheOthersAsTheStepWroteThem() {
    List<Intervention> step =
        List.of(
            new Intervention(0, Quantity.FORGET, new int[] {16}, 0f),
            Intervention.silence(0, 3),
            Intervention.clampAll(0, Quantity.FORGET, 1f));
    setup.replaceWith(step);
    assertEquals(step, List.copyOf(setup.active()), "no clamp changed to the value shown");
    assertEquals(1.0, setup.valueProperty().get());
    assertFalse(setup.selectedOnlyProperty().get());
  }

  @Test
  void aClampOfAnotherLayerLeavesTheChoiceAlone() {
    setup.valueProperty().set(0.5);
    setup.replaceWith(List.of(Intervention.clampAll(1, Quantity.FORGET, 1f)));
    assertEquals(0.5, setup.valueProperty().get());
  }

  @Test
  void aValueChosenAfterwardsChangesTheClampInForce() {
    setup.replaceWith(List.of(Intervention.clampAll(0, Quantity.FORGET, 1f)));
    setup.valueProperty().set(0.0);
    assertEquals(
        List.of(Intervention.clampAll(0, Quantity.FORGET, 0f)), List.copyOf(setup.active()));
  }
}
