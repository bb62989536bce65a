package io.gatescope.app;

import io.gatescope.core.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/** The desktop app: the window, the settings it remembers, and the crash dialog. */
public final class GateScopeApp extends Application {
  private Workbench bench;
  private Stage stage;
  private Settings settings;
  private Path settingsFile;

  @Override
  public void init() {
    // The numeric libraries load in the background (ShellViewModel.load), so the window shows at
    // once even on the first launch, when ~400 MB of them are unpacked.
    CrashDialog.install();
  }

  @Override
  public void start(Stage stage) {
    this.stage = stage;
    settingsFile = Settings.defaultFile();
    Settings.Loaded loaded = Settings.load(settingsFile);
    settings = loaded.settings();
    bench = new Workbench(Optional.empty());
    bench.trainVm.restoreForm(k -> settings.get("train." + k));
    stage.setTitle("GateScope");
    stage.setScene(
        bench.scene(
            settings.number("window.width", 1280, 960, 10000),
            settings.number("window.height", 800, 640, 10000)));
    stage.setMinWidth(960);
    stage.setMinHeight(640);
    stage.show();
    bench.shell.select(settings.get("workspace").orElse("Draw"));
    bench.shellVm.load();
    bench
        .shellVm
        .readyProperty()
        .addListener(
            (o, a, ready) -> {
              if (!ready) {
                return;
              }
              settings
                  .get("model.last")
                  .map(Path::of)
                  .filter(Files::isRegularFile)
                  .ifPresent(p -> bench.trainVm.open(p));
              if (bench.session.inputProperty().get() == null) {
                bench.drawVm.loadTestImage(0);
              }
              loaded.problem().ifPresent(m -> bench.session.statusProperty().set(m));
            });
  }

  @Override
  public void stop() {
    if (bench == null) {
      return;
    }
    bench.shutdown();
    settings.put("window.width", Double.toString(stage.getWidth()));
    settings.put("window.height", Double.toString(stage.getHeight()));
    settings.put("workspace", bench.shell.tabs().getSelectionModel().getSelectedItem().getText());
    bench.trainVm.formValues().forEach((k, v) -> settings.put("train." + k, v));
    settings.put("model.last", bench.trainVm.lastModelPathProperty().get());
    try {
      settings.save(settingsFile);
    } catch (java.io.IOException e) {
      LoggerFactory.getLogger(GateScopeApp.class)
          .warn("could not save settings to {}: {}", settingsFile, e.getMessage());
    }
  }
}
