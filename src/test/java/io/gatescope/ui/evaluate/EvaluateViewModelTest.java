package io.gatescope.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.GradientFlow;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The gradient chart's legend names the current model. */
class EvaluateViewModelTest {
  private final Session session = new Session();
  private final EvaluateViewModel vm = new EvaluateViewModel(session);
  private final GradientFlow current =
      new GradientFlow(EvaluateViewModel.CURRENT, new double[28], new double[28]);

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void stop() {
    session.shutdown();
  }

  private void use(String name) throws Exception {
    RecurrentClassifier net =
        RecurrentClassifier.create(new ModelConfig(CellType.LSTM, 1, 8, 4, 1.0, 3));
    FxTestSupport.run(
        () -> session.models().add(new ModelEntry(ModelEntry.Kind.FILE, name, net, null, null)));
  }

  @Test
  void theCurrentModelsFlowIsNamedAfterTheModelAndALongNameIsShortened() throws Exception {
    assertEquals(Messages.get("evaluate.currentModel"), vm.flowName(current));
    use("shipped LSTM");
    assertEquals("shipped LSTM", vm.flowName(current));
    use("digits-of-week-3.gatescope");
    assertEquals("digits-of-we…", vm.flowName(current));
    assertEquals(EvaluateViewModel.LEGEND_NAME, vm.flowName(current).length());
    assertEquals(
        "GRU",
        vm.flowName(new GradientFlow("GRU", new double[28], new double[28])),
        "a cell's run");
  }
}
