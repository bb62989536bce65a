package io.gatescope.ui;

import io.gatescope.app.Workbench;
import io.gatescope.core.engine.NativeSetup;
import java.util.Optional;
import javafx.stage.Stage;

/** Builds the real window for a UI test and waits until MNIST and the model are loaded. */
public final class WorkbenchFixture {
  private WorkbenchFixture() {}

  public static Workbench show(Stage stage, String workspace) {
    NativeSetup.init(1);
    Workbench wb = new Workbench(Optional.empty());
    stage.setScene(wb.scene(1280, 800));
    stage.show();
    wb.shell.select(workspace);
    wb.shellVm.load();
    return wb;
  }

  public static void awaitReady(Workbench wb) throws Exception {
    FxTestSupport.waitFor("MNIST and the model", 120, () -> wb.shellVm.readyProperty().get());
  }
}
