package io.gatescope.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Shared CLI helpers: bad input exits with code 2 and one line that says what to do. */
public final class Cli {
  /** Exit code for bad input (a wrong option value, an unreadable file). */
  public static final int BAD_INPUT = 2;

  private Cli() {}

  /** Thrown for user errors; the root command prints its message alone and exits 2. */
  public static final class UserError extends RuntimeException {
    public UserError(String message) {
      super(message);
    }
  }

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new UserError(message);
    }
  }

  /** Installs the handlers that turn user errors into one line on stderr and exit code 2. */
  public static CommandLine configure(CommandLine cl) {
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof UserError
              || ex instanceof java.io.IOException
              || ex instanceof IllegalArgumentException) {
            commandLine.getErr().println("gatescope: " + ex.getMessage());
            return BAD_INPUT;
          }
          throw ex;
        });
    cl.setParameterExceptionHandler(
        (ParameterException ex, String[] args) -> {
          ex.getCommandLine().getErr().println("gatescope: " + ex.getMessage());
          ex.getCommandLine()
              .getErr()
              .println("Try 'gatescope " + ex.getCommandLine().getCommandName() + " --help'.");
          return BAD_INPUT;
        });
    return cl;
  }
}
