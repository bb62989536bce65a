package io.gatescope.app;

import io.gatescope.core.Messages;
import io.gatescope.core.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
    String language = settings.get("language").orElse("system");
    useLanguage(Messages.fromSetting(language));
    bench = new Workbench(Optional.empty());
    bench.shellVm.languageProperty().set(language);
    bench.trainVm.restoreForm(k -> settings.get("train." + k));
    bench.trainVm.keepRunsIn(io.gatescope.core.runs.RunStore.defaultFolder());
    stage.setTitle("GateScope");
    stage.setScene(
        bench.scene(
            settings.number("window.width", 1280, 960, 10000),
            settings.number("window.height", 800, 640, 10000)));
    stage.setMinWidth(960);
    stage.setMinHeight(640);
    stage.show();
    bench.shell.select(settings.get("workspace").orElse("draw"));
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

  /**
   * GateScope's texts and JavaFX's own (dialog buttons, text-field menus) in {@code wanted};
   * numbers keep the system's format.
   */
  public static void useLanguage(Locale wanted) {
    Locale format = Locale.getDefault(Locale.Category.FORMAT);
    Messages.use(wanted);
    Locale.setDefault(Messages.language());
    Locale.setDefault(Locale.Category.FORMAT, format);
  }

  @Override
  public void stop() {
    if (bench == null) {
      return;
    }
    bench.shutdown();
    settings.put("window.width", Double.toString(stage.getWidth()));
    settings.put("window.height", Double.toString(stage.getHeight()));
    settings.put("workspace", bench.shell.selectedWorkspace());
    settings.put("language", bench.shellVm.languageProperty().get());
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
