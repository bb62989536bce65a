package io.gatescope.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop app. */
public final class GateScopeApp extends Application {
  @Override
  public void start(Stage stage) {
    stage.setTitle("GateScope");
    stage.setScene(new Scene(new Label("GateScope"), 1280, 800));
    stage.show();
  }
}
