package io.gatescope.app;

import io.gatescope.cli.GateScopeCommand;
import io.gatescope.core.engine.NativeSetup;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import picocli.CommandLine;

/**
 * The jar's main class. A plain class (not an Application subclass), so that `java -jar` starts on
 * the classpath without "JavaFX runtime components are missing". No arguments, or one model file:
 * the desktop app; otherwise the command line.
 */
public final class Launcher {
  private Launcher() {}

  /**
   * ND4J's native libraries (~400 MB unpacked) go to the user's cache folder
   * (~/.cache/gatescope/javacpp, or under $XDG_CACHE_HOME) unless a cache folder was chosen.
   */
  static void useUserCacheForNatives() {
    String key = "org.bytedeco.javacpp.cachedir";
    if (System.getProperty(key) != null) {
      return;
    }
    System.setProperty(key, io.gatescope.core.AppFolders.cache().resolve("javacpp").toString());
  }

  public static void main(String[] args) {
    useUserCacheForNatives();
    CommandLine cl =
        GateScopeCommand.commandLine(
            new SnapshotCommand(), new UiBenchCommand(), new ExportReadingCommand());
    // One model file as the only argument (a double-click in a file manager): the window, with it.
    var file = OpenFiles.fromArguments(List.of(args), cl.getSubcommands().keySet());
    if (args.length == 0 || file.isPresent()) {
      // Before JavaFX starts its threads: setting the environment beside them is not safe.
      NativeSetup.prepareEnvironment(1);
      Application.launch(
          GateScopeApp.class, file.map(Path::toString).stream().toArray(String[]::new));
      return;
    }
    System.exit(cl.execute(args));
  }
}
