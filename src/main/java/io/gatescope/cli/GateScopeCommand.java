package io.gatescope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root of the command line: `gatescope SUBCOMMAND ...`. Without arguments the GUI opens. */
@Command(
    name = "gatescope",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    subcommands = {
      TrainCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      InspectCommand.class,
      BenchCommand.class,
      UnitsCommand.class,
      LessonCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GateScopeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * The configured command line, with the app's UI-bound subcommands ({@code moreSubcommands})
   * registered before the help texts and error handlers are installed, so that they get them too.
   * Descriptions of commands and options are in help.properties (one source, two languages).
   */
  public static CommandLine commandLine(Object... moreSubcommands) {
    CommandLine cl = new CommandLine(new GateScopeCommand());
    for (Object sub : moreSubcommands) {
      cl.addSubcommand(sub);
    }
    return Cli.configure(cl);
  }
}
