package io.gatescope.app;

import io.gatescope.cli.GateScopeCommand;
import javafx.application.Application;
import picocli.CommandLine;

/**
 * The jar's main class. A plain class (not an Application subclass), so that `java -jar` starts on
 * the classpath without "JavaFX runtime components are missing". No arguments: the desktop app;
 * otherwise the command line.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      Application.launch(GateScopeApp.class);
      return;
    }
    CommandLine cl = GateScopeCommand.commandLine();
    cl.addSubcommand("snapshot", new SnapshotCommand());
    cl.addSubcommand("bench-ui", new UiBenchCommand());
    System.exit(cl.execute(args));
  }
}
