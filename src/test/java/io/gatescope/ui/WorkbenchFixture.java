package io.gatescope.ui;

import io.gatescope.app.Workbench;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.common.Workspace;
import java.util.Optional;
import javafx.stage.Stage;

/** Builds the real window for a UI test and waits until MNIST and the model are loaded. */
public final class WorkbenchFixture {
  private WorkbenchFixture() {}

  public static Workbench show(Stage stage, String workspace) {
    NativeSetup.init(1);
    Workbench wb = new Workbench(Optional.empty());
    stage.setScene(wb.scene(1280, 800));
    // TestFX hands every test the same stage: a size an earlier test gave it would win.
    stage.sizeToScene();
    stage.show();
    wb.shell.select(Workspace.byId(workspace).orElseThrow());
    wb.shellVm.load();
    return wb;
  }

  /** A one-epoch run of a 16-unit LSTM on {@code trainSize} images: seconds, not minutes. */
  public static TrainingConfig shortRun(int trainSize, int testSize) {
    return TrainingConfig.builder()
        .model(new ModelConfig(CellType.LSTM, 1, 16, 16, 1, 3))
        .batch(32)
        .epochs(1)
        .learningRate(3e-3)
        .clipNorm(5)
        .trainSize(trainSize)
        .testSize(testSize)
        .evalEvery(5)
        .lrDecay(1)
        .build();
  }

  /** Trains {@code config} in the Train workspace and waits until the run is listed. */
  public static void train(Workbench wb, TrainingConfig config) throws Exception {
    FxTestSupport.run(
        () -> {
          wb.trainVm.applyPreset(config);
          wb.trainVm.start();
        });
    FxTestSupport.waitFor("the run listed", 120, () -> !wb.trainVm.history().runs().isEmpty());
  }

  /** Evaluates the current model on the test set and waits for the result. */
  public static void evaluate(Workbench wb) throws Exception {
    FxTestSupport.run(wb.evaluateVm::evaluate);
    FxTestSupport.waitFor(
        "the evaluation",
        120,
        () ->
            wb.evaluateVm.evaluationProperty().get() != null
                && !wb.evaluateVm.busyProperty().get());
  }

  public static void awaitReady(Workbench wb) throws Exception {
    FxTestSupport.waitFor("MNIST and the model", 120, () -> wb.shellVm.readyProperty().get());
  }

  /** A window opened on TestFX's primary stage, with that stage. */
  public record Opened(Stage stage, Workbench wb) {}

  /**
   * Speaks {@code language}, opens the window on TestFX's primary stage at {@code workspace} and
   * waits until MNIST and the model are in: the start of every walk over the whole window.
   */
  public static Opened openOnPrimaryStage(java.util.Locale language, String workspace)
      throws Exception {
    io.gatescope.app.GateScopeApp.useLanguage(language);
    org.testfx.api.FxToolkit.registerPrimaryStage();
    Stage[] stage = new Stage[1];
    Workbench[] wb = new Workbench[1];
    org.testfx.api.FxToolkit.setupStage(
        s -> {
          stage[0] = s;
          wb[0] = show(s, workspace);
        });
    awaitReady(wb[0]);
    return new Opened(stage[0], wb[0]);
  }
}
