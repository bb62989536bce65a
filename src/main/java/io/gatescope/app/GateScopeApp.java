package io.gatescope.app;

import io.gatescope.core.Messages;
import io.gatescope.core.settings.Settings;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/** The desktop app: the window, the settings it remembers, and the crash dialog. */
public final class GateScopeApp extends Application {
  private Workbench bench;
  private Stage stage;
  private Settings settings;
  private Path settingsFile;
  private Path requested;

  @Override
  public void init() {
    // The numeric libraries load in the background (ShellViewModel.load), so the window shows at
    // once even on the first launch, when ~400 MB of them are unpacked.
    CrashDialog.install();
  }

  @Override
  public void start(Stage stage) {
    this.stage = stage;
    // A model the system asks to open: the one argument, or (macOS) open-file events.
    getParameters().getRaw().stream().findFirst().map(Path::of).ifPresent(p -> requested = p);
    OpenFiles.listenOnMac(p -> Platform.runLater(() -> openRequested(p)));
    settingsFile = Settings.defaultFile();
    Settings.Loaded loaded = Settings.load(settingsFile);
    settings = loaded.settings();
    String language = settings.get("language").orElse("system");
    useLanguage(Messages.fromSetting(language));
    bench = new Workbench(Optional.empty());
    bench.shellVm.restoreLanguage(language);
    bench.restore(settings);
    bench.trainVm.form().restore(k -> settings.get("train." + k));
    bench.trainVm.keepRunsIn(io.gatescope.core.runs.RunStore.defaultFolder());
    stage.setTitle("GateScope");
    placeWindow();
    // Closing the window offers to save trained models, as File ▸ Quit does.
    stage.setOnCloseRequest(
        e -> {
          if (!bench.shell.confirmQuit()) {
            e.consume();
          }
        });
    stage.show();
    bench.shell.select(settings.get("workspace").flatMap(Workspace::byId).orElse(Workspace.DRAW));
    bench.shellVm.load();
    bench
        .shellVm
        .readyProperty()
        .addListener(
            (o, a, ready) -> {
              if (!ready) {
                return;
              }
              if (requested != null) {
                openRequested(requested);
              } else {
                settings
                    .path("model.last")
                    .filter(Files::isRegularFile)
                    .ifPresent(this::openStartModel);
              }
              if (bench.session.inputProperty().get() == null) {
                bench.drawVm.loadTestImage(0);
              }
              loaded.problem().ifPresent(m -> bench.session.setStatus(m));
            });
  }

  /**
   * Opens a model the system handed over (a double-click on a .gatescope file) in every workspace,
   * or a lesson (.gslesson) in the lesson bar, once the window is ready; a bad file gets the same
   * message as File ▸ Open (or File ▸ Open lesson…).
   */
  private void openRequested(Path p) {
    requested = p;
    if (bench.shellVm.readyProperty().get()) {
      requested = null;
      if (p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gslesson")) {
        bench.lessonVm.openFile(p);
      } else {
        bench.trainVm.open(p);
      }
    }
  }

  /** Opens the model that was in use at the last quit, and says so in the status bar. */
  private void openStartModel(Path p) {
    bench
        .trainVm
        .open(p)
        .thenAccept(
            e ->
                e.ifPresent(
                    m -> bench.session.setStatus(Messages.get("shell.startModel", m.name()))));
  }

  /** The file of the model in use, to open at the next start; none for the shipped model. */
  private String startModel() {
    ModelEntry e = bench.session.models().currentProperty().get();
    if (e == null || e.kind() == ModelEntry.Kind.SHIPPED || e.fileProperty().get() == null) {
      return null;
    }
    return e.fileProperty().get().toString();
  }

  /** The saved size and place, fitted to the screen the window opens on (WindowPlacement). */
  private void placeWindow() {
    List<Rectangle2D> screens = new ArrayList<>();
    screens.add(Screen.getPrimary().getVisualBounds());
    Screen.getScreens().stream()
        .map(Screen::getVisualBounds)
        .filter(b -> !b.equals(screens.get(0)))
        .forEach(screens::add);
    Rectangle2D saved =
        settings
            .window()
            .map(w -> new Rectangle2D(w.x(), w.y(), w.width(), w.height()))
            .orElse(null);
    Rectangle2D r = WindowPlacement.fit(saved, screens);
    Rectangle2D screen = WindowPlacement.screenOf(r, screens);
    stage.setScene(bench.scene(r.getWidth(), r.getHeight()));
    stage.setX(r.getMinX());
    stage.setY(r.getMinY());
    stage.setMinWidth(WindowPlacement.minWidth(screen));
    stage.setMinHeight(WindowPlacement.minHeight(screen));
    stage.setMaximized(settings.get("window.maximized").map(Boolean::parseBoolean).orElse(false));
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
    settings.put("window.x", Double.toString(stage.getX()));
    settings.put("window.y", Double.toString(stage.getY()));
    // The scene's size: the window's would add its decorations at every start.
    settings.put("window.width", Double.toString(stage.getScene().getWidth()));
    settings.put("window.height", Double.toString(stage.getScene().getHeight()));
    settings.put("window.maximized", Boolean.toString(stage.isMaximized()));
    settings.put("workspace", bench.shell.selectedWorkspace().id());
    settings.put("language", bench.shellVm.languageProperty().get());
    bench.remember(settings);
    bench.trainVm.form().values().forEach((k, v) -> settings.put("train." + k, v));
    settings.put("model.last", startModel());
    try {
      settings.save(settingsFile);
    } catch (java.io.IOException e) {
      LoggerFactory.getLogger(GateScopeApp.class)
          .warn("could not save settings to {}: {}", settingsFile, e.getMessage());
    }
  }
}
