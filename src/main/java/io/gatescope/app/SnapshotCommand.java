package io.gatescope.app;

import io.gatescope.cli.Cli;
import io.gatescope.cli.DataFolderOption;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.LessonFile;
import io.gatescope.core.lesson.LessonFileException;
import io.gatescope.core.lesson.ShippedLessons;
import io.gatescope.ui.common.Files2;
import io.gatescope.ui.common.FxThread;
import io.gatescope.ui.common.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Renders a workspace headlessly (Monocle) to a PNG, with real content: the shipped model reading a
 * test digit, or a short training run for the Train workspace; or a step of a lesson (--lesson,
 * --step) with its lesson bar and live check. Keeps the README images honest.
 */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    versionProvider = io.gatescope.cli.Version.class)
public final class SnapshotCommand implements Callable<Integer> {
  // Help texts of every option are in io/gatescope/cli/help.properties (and help_zh.properties).
  @Option(names = "--workspace", paramLabel = "NAME")
  String workspace;

  @Option(names = "--lesson", paramLabel = "ID", descriptionKey = "snapshot.lesson")
  String lesson;

  @Option(names = "--step", defaultValue = "1", paramLabel = "K", descriptionKey = "snapshot.step")
  int step;

  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;

  @Option(names = "--width", defaultValue = "1280", paramLabel = "PX")
  int width;

  @Option(names = "--height", defaultValue = "800", paramLabel = "PX")
  int height;

  @Option(names = "--test-index", defaultValue = "0", paramLabel = "N")
  int testIndex;

  @Option(names = "--unit", defaultValue = "-1", paramLabel = "N")
  int unit;

  @Option(names = "--timestep", defaultValue = "14", paramLabel = "T")
  int timestep;

  @Option(names = "--cell", descriptionKey = "snapshot.cell")
  boolean cell;

  @Option(names = "--backward", descriptionKey = "snapshot.backward")
  boolean backward;

  @Option(names = "--target", paramLabel = "K", descriptionKey = "snapshot.target")
  Integer target; // null: the default target (the true digit)

  @Option(names = "--page", defaultValue = "card", descriptionKey = "snapshot.page")
  String page;

  @Option(names = "--presenter", paramLabel = "PERCENT", descriptionKey = "snapshot.presenter")
  Integer presenter; // null: presenter mode off

  @Option(names = "--explain", paramLabel = "PANEL", descriptionKey = "snapshot.explain")
  String explain; // a panel's node id: its "What am I looking at?" pop-over drawn in

  @Option(names = "--time-lapse", paramLabel = "FRAME", descriptionKey = "snapshot.timeLapse")
  Integer timeLapse; // Train: the time-lapse shown at this frame (1-based), after the run

  @Mixin DataFolderOption data;

  @Option(names = "--lang", defaultValue = "system", paramLabel = "LANG")
  String lang;

  @Override
  public Integer call() throws Exception {
    if ((workspace == null) == (lesson == null)) {
      throw new Cli.UserError("give either --workspace or --lesson");
    }
    Lesson chosen = lesson == null ? null : lesson(lesson, step);
    Workspace ws =
        chosen != null
            ? Workspace.byId(chosen.steps().get(step - 1).workspace()).orElseThrow()
            : Workspace.byId(workspace)
                .orElseThrow(
                    () -> new Cli.UserError("--workspace must be " + Workspace.idsInWords()));
    if (width < 320 || height < 240 || width > 8000 || height > 8000) {
      throw new Cli.UserError("--width and --height must be 320..8000 and 240..8000");
    }
    if (target != null && (target < 0 || target > 9)) {
      throw new Cli.UserError("--target must be a digit 0-9");
    }
    if (presenter != null && !io.gatescope.ui.common.Presenter.SCALES.contains(presenter)) {
      throw new Cli.UserError("--presenter must be 150, 175 or 200");
    }
    if (!java.util.List.of("system", "en", "zh-CN").contains(lang)) {
      throw new Cli.UserError("--lang must be en, zh-CN or system");
    }
    GateScopeApp.useLanguage(io.gatescope.core.Messages.fromSetting(lang));
    NativeSetup.init(1);
    headless();
    // Monocle's screen must hold the whole window (its default is 1280×800).
    System.setProperty(
        "headless.geometry", Math.max(width, 1280) + "x" + Math.max(height, 800) + "-32");
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get(30, TimeUnit.SECONDS);

    Workbench[] wb = new Workbench[1];
    Scene[] scene = new Scene[1];
    onFx(
        () -> {
          wb[0] = new Workbench(data.folder());
          if (presenter != null) {
            wb[0].shell.restorePresenter(
                k ->
                    java.util.Optional.ofNullable(
                        java.util.Map.of(
                                "presenter.on", "true", "presenter.percent", "" + presenter)
                            .get(k)));
          }
          scene[0] = wb[0].scene(width, height);
          Stage stage = new Stage();
          stage.setScene(scene[0]);
          stage.show();
          wb[0].shell.select(ws);
          wb[0].shellVm.load();
          return null;
        });
    waitFor(() -> wb[0].shellVm.readyProperty().get(), 120, "loading MNIST and the model");
    if (chosen != null || ws != Workspace.TRAIN) { // Train makes its own model; the rest show one
      String noModel =
          onFx(
              () ->
                  wb[0].session.modelProperty().get() == null
                      ? wb[0].session.statusProperty().get()
                      : null);
      if (noModel != null) {
        throw new Cli.UserError(noModel); // said at once, not after a wait for a trace
      }
    }
    if (chosen != null) {
      new SnapshotContent(this).lessonStep(wb[0], chosen);
    } else {
      new SnapshotContent(this).workspace(wb[0], ws);
    }
    Thread.sleep(300); // let a pulse lay out and paint
    if (explain != null) {
      boolean open = onFx(() -> wb[0].shell.explain(explain));
      if (!open) {
        throw new Cli.UserError("--explain: no panel " + explain + " on screen in " + ws);
      }
      Thread.sleep(800); // the pop-over fades in
    }
    WritableImage img = onFx(() -> withPopups(scene[0]));
    onFx(
        () -> {
          // Pop-ups close before the toolkit stops (else it trips over their windows).
          new java.util.ArrayList<>(javafx.stage.Window.getWindows())
              .stream()
                  .filter(javafx.stage.PopupWindow.class::isInstance)
                  .forEach(javafx.stage.Window::hide);
          return null;
        });
    write(img, out);
    onFx(
        () -> {
          wb[0].shutdown();
          return null;
        });
    Platform.exit();
    System.out.println(
        "wrote " + out + " (" + (int) img.getWidth() + "×" + (int) img.getHeight() + ")");
    return 0;
  }

  /**
   * The lesson {@code id}: a shipped lesson's id, or a .gslesson file; {@code step} must be one of
   * its steps.
   */
  static Lesson lesson(String id, int step) {
    Lesson l;
    try {
      Path file = Path.of(id);
      l =
          id.endsWith(LessonFile.EXTENSION) || java.nio.file.Files.isRegularFile(file)
              ? LessonFile.read(file)
              : ShippedLessons.load(id);
    } catch (LessonFileException | java.nio.file.InvalidPathException e) {
      throw new Cli.UserError(e.getMessage());
    }
    if (step < 1 || step > l.steps().size()) {
      throw new Cli.UserError(
          "--step must be 1.."
              + l.steps().size()
              + " ("
              + l.id()
              + " has "
              + l.steps().size()
              + " steps)");
    }
    return l;
  }

  /**
   * The window's picture with any pop-up window over it (an explanation) drawn in where it is: a
   * scene's snapshot holds only its own scene.
   */
  private static WritableImage withPopups(Scene scene) {
    WritableImage base = scene.snapshot(null);
    javafx.scene.canvas.Canvas c =
        new javafx.scene.canvas.Canvas(base.getWidth(), base.getHeight());
    var g = c.getGraphicsContext2D();
    g.drawImage(base, 0, 0);
    javafx.stage.Window main = scene.getWindow();
    for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
      if (w != main && w.isShowing() && w instanceof javafx.stage.PopupWindow) {
        javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
        p.setFill(javafx.scene.paint.Color.TRANSPARENT);
        WritableImage pop = w.getScene().getRoot().snapshot(p, null);
        g.drawImage(
            pop,
            w.getX() + w.getScene().getX() - main.getX() - scene.getX(),
            w.getY() + w.getScene().getY() - main.getY() - scene.getY());
      }
    }
    return c.snapshot(null, null);
  }

  /** Monocle's headless glass, unless a real display was asked for explicitly. */
  static void headless() {
    if (!"gtk".equalsIgnoreCase(System.getProperty("glass.platform"))) {
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
      System.setProperty("prism.order", "sw");
      System.setProperty("prism.text", "t2k");
      System.setProperty("java.awt.headless", "true");
    }
  }

  static <T> T onFx(Callable<T> c) throws Exception {
    return FxThread.call(c);
  }

  static void waitFor(Supplier<Boolean> cond, int seconds, String what) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      if (onFx(cond::get)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new Cli.UserError("timed out after " + seconds + " s waiting for " + what);
  }

  /** PNG via a temp file and a move, like every file GateScope writes. */
  static void write(WritableImage img, Path target) throws Exception {
    io.gatescope.core.AtomicFile.write(target, Files2.png(img));
  }
}
