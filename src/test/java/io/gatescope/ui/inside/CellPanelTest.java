package io.gatescope.ui.inside;

import static io.gatescope.ui.FxTestSupport.onFx;
import static io.gatescope.ui.FxTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.CellNumbers;
import io.gatescope.core.inspect.Equations;
import io.gatescope.ui.FxTestSupport;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The cell panel on a stage with the numbers of a real trace: what the diagram writes on its wires
 * and in its boxes is the trace's, a clamp is stated with the real z, and stepping lights the
 * operations and their equation lines in the order the equations run.
 */
@ExtendWith(ApplicationExtension.class)
class CellPanelTest {
  private static final int T = 9;
  private static final int U = 5;
  private final IntegerProperty timestep = new SimpleIntegerProperty(T);
  private CellPanel panel;

  @Start
  void start(Stage stage) {
    panel = new CellPanel(new CellStepper(), timestep, timestep::set);
    stage.setScene(new Scene(panel, 1000, 560));
    stage.show();
  }

  private static float[] image(long seed) {
    return io.gatescope.TestImages.sparse(seed);
  }

  private static RecurrentClassifier model(CellType cell) {
    return RecurrentClassifier.create(new ModelConfig(cell, 1, 12, 0, 1.0, 9));
  }

  private static String f(double v) {
    return String.format("%.3f", v == 0 ? 0.0 : v);
  }

  /** Shows unit U at step T of the trace and returns what the diagram drew. */
  private Map<String, String> show(GateTrace tr, float[] img) throws Exception {
    CellNumbers n = CellNumbers.of(tr, 0, T, U, img);
    float tanhC = tr.cell() == CellType.LSTM ? tr.get(0, Quantity.CELL_TANH)[T - 1][U] : Float.NaN;
    String eq = Equations.describe(tr, 0, T, U);
    run(() -> panel.show(n, tanhC, 2.0, eq));
    return onFx(() -> Map.copyOf(panel.diagram().labels()));
  }

  private static String wireName(CellType cell, Quantity q) {
    return switch (q) {
      case HIDDEN -> "a⟨t⟩";
      case CELL -> "c⟨t⟩";
      case CANDIDATE -> "c̃";
      default -> q.symbol();
    };
  }

  @ParameterizedTest
  @EnumSource(CellType.class)
  void theNumbersDrawnAreTheTraces(CellType cell) throws Exception {
    float[] img = image(4);
    GateTrace tr = model(cell).trace(img);
    Map<String, String> drawn = show(tr, img);
    int i = T - 1;
    for (Quantity q : CellNumbers.order(cell)) {
      assertEquals(f(tr.get(0, q)[i][U]), drawn.get(wireName(cell, q)), q.symbol());
      float[][] z = tr.preActivation(0, q);
      String zName = (q == Quantity.HIDDEN ? "a" : wireName(cell, q)) + " z";
      if (z == null || (cell != CellType.RNN && q == Quantity.HIDDEN)) {
        assertFalse(drawn.containsKey(zName), "no z is drawn for " + q.symbol());
      } else {
        assertEquals("z = " + f(z[i][U]), drawn.get(zName), q.symbol() + " z");
      }
    }
    assertEquals(f(tr.get(0, Quantity.HIDDEN)[i - 1][U]), drawn.get("a⟨t−1⟩"));
    if (cell == CellType.LSTM) {
      assertEquals(f(tr.get(0, Quantity.CELL)[i - 1][U]), drawn.get("c⟨t−1⟩"));
      assertEquals(f(tr.get(0, Quantity.CELL_TANH)[i][U]), drawn.get("tanh(c)"));
    } else {
      assertFalse(drawn.containsKey("c⟨t−1⟩"));
    }
  }

  @Test
  void aClampIsStatedWithTheRealZAndASilencedUnitLikewise() throws Exception {
    float[] img = image(4);
    RecurrentClassifier m = model(CellType.LSTM);
    GateTrace tr =
        m.trace(
            img,
            List.of(Intervention.clampAll(0, Quantity.FORGET, 0f), Intervention.silence(0, U)));
    Map<String, String> drawn = show(tr, img);
    int i = T - 1;
    float computed = tr.asComputed(0, Quantity.FORGET)[i][U];
    assertEquals(
        Messages.get("cell.clamped", "0.000")
            + "; "
            + Messages.get("cell.computed.sigma", f(computed)),
        drawn.get("Γf"));
    float z = tr.preActivation(0, Quantity.FORGET)[i][U];
    assertEquals("z = " + f(z), drawn.get("Γf z"), "the z as computed, not one made up");
    assertEquals(1 / (1 + Math.exp(-z)), computed, 1e-6);
    assertEquals(
        Messages.get("cell.silenced", "0.000")
            + "; "
            + Messages.get("cell.computed", f(tr.asComputed(0, Quantity.HIDDEN)[i][U])),
        drawn.get("a⟨t⟩"));
    assertEquals(f(tr.get(0, Quantity.UPDATE)[i][U]), drawn.get("Γu"), "others unchanged");
  }

  @Test
  void steppingLightsTheOperationsAndTheirLinesInOrder(FxRobot robot) throws Exception {
    float[] img = image(7);
    GateTrace tr = model(CellType.LSTM).trace(img);
    show(tr, img);
    List<String> lines = Equations.describe(tr, 0, T, U).lines().toList();
    assertNull(onFx(panel::litLine));
    List<Quantity> expected =
        List.of(
            Quantity.UPDATE,
            Quantity.FORGET,
            Quantity.OUTPUT,
            Quantity.CANDIDATE,
            Quantity.CELL,
            Quantity.HIDDEN);
    for (int k = 0; k < expected.size(); k++) {
      if (k % 2 == 0) {
        robot.clickOn(FxTestSupport.centre(robot, "#cell-step"));
      } else {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.RIGHT);
        robot.release(KeyCode.RIGHT, KeyCode.SHIFT, KeyCode.CONTROL);
      }
      final int at = k;
      FxTestSupport.waitFor(
          "step " + (k + 1), 5, () -> panel.diagram().highlighted() == expected.get(at));
      assertEquals(lines.get(k + 1), onFx(panel::litLine), "line of " + expected.get(k));
    }
    // A new timestep keeps the step lit.
    GateTrace other = model(CellType.LSTM).trace(image(8));
    show(other, image(8));
    assertEquals(Quantity.HIDDEN, onFx(() -> panel.diagram().highlighted()));
    assertEquals(Equations.describe(other, 0, T, U).lines().toList().get(6), onFx(panel::litLine));
    robot.clickOn(FxTestSupport.centre(robot, "#cell-back"));
    assertEquals(Quantity.CELL, onFx(() -> panel.diagram().highlighted()));
    robot.clickOn(FxTestSupport.centre(robot, "#cell-reset"));
    assertNull(onFx(() -> panel.diagram().highlighted()));
    assertNull(onFx(panel::litLine));
  }

  @Test
  void hoveringABoxShowsItsEquationLine() throws Exception {
    float[] img = image(4);
    GateTrace tr = model(CellType.LSTM).trace(img);
    show(tr, img);
    List<String> lines = Equations.describe(tr, 0, T, U).lines().toList();
    assertEquals(
        String.join("\n", lines), onFx(() -> panel.diagram().getAccessibleText()), "screen reader");
    run(() -> panel.diagram().hoverOn(Quantity.FORGET));
    assertEquals(lines.get(2), onFx(() -> panel.diagram().popoverText()));
    run(() -> panel.diagram().hoverOn(Quantity.CELL));
    assertEquals(lines.get(5), onFx(() -> panel.diagram().popoverText()));
  }

  @Test
  void playReadsOnToTheLastRowThroughTheSharedTimestep() throws Exception {
    float[] img = image(4);
    show(model(CellType.RNN).trace(img), img);
    run(() -> timestep.set(26));
    run(() -> ((javafx.scene.control.Button) panel.lookup("#cell-play")).fire());
    FxTestSupport.waitFor("the last row", 10, () -> timestep.get() == 28);
    FxTestSupport.waitFor("play to stop", 5, () -> !panel.playingProperty().get());
    assertEquals(28, timestep.get());
  }
}
