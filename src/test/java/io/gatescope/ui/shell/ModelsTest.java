package io.gatescope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.app.Workbench;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.model.ModelFile;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.WorkbenchFixture;
import io.gatescope.ui.common.ModelEntry;
import io.gatescope.ui.common.Workspace;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The good model is never lost: training adds a model instead of replacing the shipped one, every
 * model shows one accuracy (the one Evaluate computes), and quitting offers to save what no file
 * holds.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsTest {
  @TempDir Path dir;
  private Workbench wb;
  private final AtomicInteger quits = new AtomicInteger();

  @BeforeEach
  void open() throws Exception {
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(
        stage -> {
          NativeSetup.init(1);
          wb = new Workbench(Optional.empty(), quits::incrementAndGet);
          stage.setScene(wb.scene(1280, 800));
          stage.show();
          wb.shell.select(Workspace.TRAIN);
          wb.shellVm.load();
        });
    WorkbenchFixture.awaitReady(wb);
  }

  @AfterEach
  void close() throws Exception {
    FxTestSupport.run(wb::shutdown);
  }

  @Test
  void trainingAddsAModelAndTheShippedOneIsStillThere() throws Exception {
    ModelEntry shipped = FxTestSupport.onFx(() -> wb.session.models().currentProperty().get());
    assertEquals(ModelEntry.Kind.SHIPPED, shipped.kind());
    WorkbenchFixture.train(wb, WorkbenchFixture.shortRun(640, 500));
    ModelEntry trained = FxTestSupport.onFx(() -> wb.session.models().currentProperty().get());
    assertEquals(ModelEntry.Kind.TRAINED, trained.kind());
    assertSame(trained.model(), FxTestSupport.onFx(() -> wb.session.modelProperty().get()));
    assertEquals(2, (int) FxTestSupport.onFx(() -> wb.session.models().entries().size()), "added");
    assertTrue(trained.needsSaving());

    // Models ▸ shipped LSTM: back to the shipped weights, the very same object.
    RadioMenuItem first = FxTestSupport.onFx(() -> (RadioMenuItem) modelsMenu().getItems().get(0));
    FxTestSupport.waitFor(
        "both measured", 60, () -> wb.session.models().entries().stream().noneMatch(e -> isNaN(e)));
    assertTrue(FxTestSupport.onFx(first::getText).startsWith("shipped LSTM · "));
    FxTestSupport.run(first::fire);
    assertSame(shipped.model(), FxTestSupport.onFx(() -> wb.session.modelProperty().get()));
    assertTrue(
        FxTestSupport.onFx(() -> modelsMenu().getItems().get(1).getText()).endsWith("not saved"));

    // Saving the trained one: it keeps its place and is no longer offered at quit.
    Path file = dir.resolve("trained.gatescope");
    FxTestSupport.run(
        () -> {
          wb.session.models().select(trained);
          wb.trainVm.save(file);
        });
    assertFalse(trained.needsSaving());
    assertEquals(
        trained.accuracyProperty().get(),
        ModelFile.load(file).summary().testAccuracy(),
        "the file says the accuracy measured on the whole test set");
  }

  /** The status bar and Evaluate show the same number for the same model: one computation. */
  @Test
  void theStatusBarAndEvaluateAgreeOnTheAccuracy(FxRobot robot) throws Exception {
    FxTestSupport.waitFor(
        "shipped model measured", 60, () -> !isNaN(wb.session.models().currentProperty().get()));
    double shelf =
        FxTestSupport.onFx(() -> wb.session.models().currentProperty().get())
            .accuracyProperty()
            .get();
    WorkbenchFixture.evaluate(wb);
    assertEquals(
        wb.evaluateVm.evaluationProperty().get().accuracy(), shelf, 0.0, "the same number");
    String pct = String.format("%.2f%%", 100 * shelf);
    Label model = robot.lookup("#status-model").queryAs(Label.class);
    assertTrue(FxTestSupport.onFx(model::getText).contains(pct + " on the test set"));
    FxTestSupport.run(() -> wb.shell.select(io.gatescope.ui.common.Workspace.EVALUATE));
    Label status = robot.lookup("#evaluate-status").queryAs(Label.class);
    assertTrue(
        FxTestSupport.onFx(status::getText).contains(pct), FxTestSupport.onFx(status::getText));
  }

  @Test
  void quittingOffersToSaveATrainedModelAndCancelKeepsTheWindow(FxRobot robot) throws Exception {
    FxTestSupport.run(
        () ->
            wb.session
                .models()
                .add(
                    new ModelEntry(
                        ModelEntry.Kind.TRAINED,
                        "run #7",
                        wb.session.modelProperty().get().copy(),
                        io.gatescope.core.model.TrainingSummary.none(),
                        null)));
    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    DialogPane dialog = robot.lookup("#quit-dialog").queryAs(DialogPane.class);
    assertTrue(FxTestSupport.onFx(dialog::getHeaderText).contains("run #7"));
    robot.clickOn(FxTestSupport.centre(robot, "Cancel"));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(0, quits.get(), "cancel keeps the window open");

    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(FxTestSupport.centre(robot, "Don't save"));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1, quits.get(), "quits once the user chose");
  }

  @Test
  void theLanguageMenuTicksTheSavedLanguage() throws Exception {
    // As at start: the window is built, then the saved setting is restored.
    FxTestSupport.run(() -> wb.shellVm.restoreLanguage("zh-CN"));
    Menu view = FxTestSupport.onFx(() -> menuBar().getMenus().get(2));
    Menu language = (Menu) view.getItems().get(view.getItems().size() - 1);
    RadioMenuItem zh =
        (RadioMenuItem)
            language.getItems().stream()
                .filter(i -> "language-zh-CN".equals(i.getId()))
                .findFirst()
                .orElseThrow();
    assertTrue(FxTestSupport.onFx(zh::isSelected), "简体中文 ticked");
    assertEquals(null, FxTestSupport.onFx(() -> wb.shellVm.noticeProperty().get()), "no notice");
    FxTestSupport.run(
        () ->
            language.getItems().stream()
                .filter(i -> "language-en".equals(i.getId()))
                .findFirst()
                .orElseThrow()
                .fire());
    assertEquals("en", FxTestSupport.onFx(() -> wb.shellVm.languageProperty().get()));
    assertEquals(
        "The new language is used from the next start of GateScope.",
        FxTestSupport.onFx(() -> wb.shellVm.noticeProperty().get().text()));
  }

  /** A hostile file is refused with its message, off the FX thread; the current model stays. */
  @Test
  void openingABombSaysWhyAndKeepsTheCurrentModel() throws Exception {
    Path bomb = dir.resolve("bomb.gatescope");
    try (var z = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(bomb))) {
      z.putNextEntry(new java.util.zip.ZipEntry("gatescope.json"));
      byte[] block = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        z.write(block);
      }
      z.closeEntry();
    }
    var before = FxTestSupport.onFx(() -> wb.session.modelProperty().get());
    var opened =
        FxTestSupport.onFx(() -> wb.trainVm.open(bomb))
            .get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertTrue(opened.isEmpty(), "refused");
    assertSame(before, FxTestSupport.onFx(() -> wb.session.modelProperty().get()));
    assertEquals(1, (int) FxTestSupport.onFx(() -> wb.session.models().entries().size()));
    assertEquals(
        "bomb.gatescope: entry gatescope.json is larger than 1048576 bytes, far more than it can"
            + " hold; refusing to read on.",
        FxTestSupport.onFx(() -> wb.session.statusProperty().get()));
  }

  private Menu modelsMenu() {
    return menuBar().getMenus().stream()
        .filter(m -> "menu-models".equals(m.getId()))
        .findFirst()
        .orElseThrow();
  }

  private MenuBar menuBar() {
    return (MenuBar) wb.shell.getTop();
  }

  private static boolean isNaN(ModelEntry e) {
    return Double.isNaN(e.accuracyProperty().get());
  }
}
