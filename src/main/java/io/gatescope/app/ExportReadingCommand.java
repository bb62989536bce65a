package io.gatescope.app;

import io.gatescope.cli.Cli;
import io.gatescope.cli.DataFolderOption;
import io.gatescope.core.AtomicFile;
import io.gatescope.core.Messages;
import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.NativeSetup;
import io.gatescope.core.model.ModelFile;
import io.gatescope.core.model.ModelLocator;
import io.gatescope.core.model.SavedModel;
import io.gatescope.core.preprocess.ImageFiles;
import io.gatescope.core.preprocess.Preprocessor;
import io.gatescope.ui.common.AnimatedGif;
import io.gatescope.ui.common.Input;
import io.gatescope.ui.common.ReadingFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes the animated GIF of "Export reading…" from the command line: a test image or a picture
 * read row by row by a model, drawn headlessly (Monocle) with the window's own widgets.
 */
@Command(
    name = "export-reading",
    mixinStandardHelpOptions = true,
    versionProvider = io.gatescope.cli.Version.class)
public final class ExportReadingCommand implements Callable<Integer> {
  // Help texts of every option are in io/gatescope/cli/help.properties (and help_zh.properties).
  static final class Source {
    @Parameters(index = "0", paramLabel = "IMAGE", descriptionKey = "image")
    Path image;

    @Option(names = "--test-index", paramLabel = "N", descriptionKey = "export-reading.test-index")
    Integer testIndex;
  }

  @ArgGroup(multiplicity = "1")
  Source source;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      descriptionKey = "export-reading.out")
  Path out;

  @Option(
      names = "--lang",
      defaultValue = "system",
      paramLabel = "LANG",
      descriptionKey = "export-reading.lang")
  String lang;

  @Option(names = "--model", paramLabel = "FILE", descriptionKey = "model")
  Path model;

  @Mixin DataFolderOption data;

  @Override
  public Integer call() throws Exception {
    if (!List.of("system", "en", "zh-CN").contains(lang)) {
      throw new Cli.UserError("--lang must be en, zh-CN or system");
    }
    GateScopeApp.useLanguage(Messages.fromSetting(lang));
    Path folder = out.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
      throw new Cli.UserError(Messages.get("cli.exportReading.out", out));
    }
    NativeSetup.init(1);
    Input in = input();
    SavedModel saved = ModelFile.load(ModelLocator.resolve(Optional.ofNullable(model)));
    GateTrace trace = saved.model().trace(in.pixels());
    String modelName =
        model != null
            ? model.getFileName().toString()
            : ModelLocator.resolve(Optional.empty()).getFileName().toString();

    boolean startedHere = startToolkit();
    ReadingFrames frames =
        SnapshotCommand.onFx(
            () ->
                new ReadingFrames(
                    in.pixels(),
                    trace,
                    saved.model().config().reading(),
                    in.describe(),
                    modelName));
    List<AnimatedGif.Frame> gif = new ArrayList<>();
    for (int k = 0; k < frames.count(); k++) {
      int i = k;
      gif.add(
          SnapshotCommand.onFx(
              () -> ReadingFrames.gifFrame(frames.frame(i), frames.centiseconds(i))));
    }
    if (startedHere) {
      Platform.exit();
    }
    AtomicFile.write(out, AnimatedGif.write(gif));
    System.out.println(
        Messages.get("export.reading.done", out, gif.size())
            + " ("
            + gif.get(0).width()
            + "×"
            + gif.get(0).height()
            + ")");
    return 0;
  }

  /**
   * Starts JavaFX headless (Monocle), as snapshot does; false when it already runs in this process
   * (then it is left running).
   */
  private static boolean startToolkit() throws Exception {
    SnapshotCommand.headless();
    CompletableFuture<Void> started = new CompletableFuture<>();
    try {
      Platform.startup(() -> started.complete(null));
    } catch (IllegalStateException alreadyRunning) {
      return false;
    }
    started.get(30, TimeUnit.SECONDS);
    return true;
  }

  /** The test image or the picture, prepared as Draw prepares it. */
  private Input input() throws Exception {
    if (source.testIndex != null) {
      LabeledImages test = Mnist.loadTest(DataLocator.mnistFolder(data.folder()));
      int i = source.testIndex;
      if (i < 0 || i >= test.size()) {
        throw new Cli.UserError(Messages.get("cli.range", "--test-index", 0, test.size() - 1));
      }
      return Input.testImage(i, test.images().imageAsFloats(i), test.label(i));
    }
    Path file = source.image;
    if (!Files.isRegularFile(file)) {
      throw new Cli.UserError(Messages.get("cli.exportReading.noImage", file));
    }
    ImageFiles.Grey g = ImageFiles.read(file);
    try {
      return Input.picture(file, Preprocessor.toMnist(g.pixels(), g.width(), g.height()));
    } catch (Preprocessor.EmptyImageException e) {
      throw new Cli.UserError(file.getFileName() + ": " + e.getMessage());
    }
  }
}
