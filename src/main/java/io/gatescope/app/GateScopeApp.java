package io.gatescope.app;

import io.gatescope.core.engine.NativeSetup;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app. */
public final class GateScopeApp extends Application {
  private Workbench bench;

  @Override
  public void init() {
    NativeSetup.init(1);
  }

  @Override
  public void start(Stage stage) {
    bench = new Workbench(Optional.empty());
    stage.setTitle("GateScope");
    stage.setScene(bench.scene(1280, 800));
    stage.setMinWidth(960);
    stage.setMinHeight(640);
    stage.show();
    bench.shell.select("Draw");
    bench.shellVm.load();
    bench
        .shellVm
        .readyProperty()
        .addListener(
            (o, a, ready) -> {
              if (ready && bench.session.inputProperty().get() == null) {
                bench.drawVm.loadTestImage(0);
              }
            });
  }

  @Override
  public void stop() {
    if (bench != null) {
      bench.shutdown();
    }
  }
}
