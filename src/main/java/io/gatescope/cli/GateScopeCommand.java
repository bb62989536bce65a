package io.gatescope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: `gatescope SUBCOMMAND ...`. Without arguments the GUI opens. */
@Command(
    name = "gatescope",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "GateScope: train an LSTM on MNIST and look inside it.",
      "Without arguments, opens the desktop app."
    },
    subcommands = {
      TrainCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      InspectCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GateScopeCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** The configured command line, to which the app adds its UI-bound subcommands. */
  public static CommandLine commandLine() {
    return Cli.configure(new CommandLine(new GateScopeCommand()));
  }
}
