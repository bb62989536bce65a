package io.gatescope.cli;

import io.gatescope.core.Limits;
import io.gatescope.core.Messages;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

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

  /** A user error, in the user's language, unless {@code min <= value <= max}. */
  static void requireRange(String option, long value, long min, long max) {
    require(value >= min && value <= max, Messages.get("cli.range", option, min, max));
  }

  /**
   * A user error, in the user's language, unless {@code value} is within a hyperparameter's limit.
   */
  static void requireRange(String option, long value, Limits limit) {
    requireRange(option, value, limit.minWhole(), limit.maxWhole());
  }

  /**
   * Installs the help texts in the user's language and the handlers that turn user errors into one
   * line on stderr (and, for a mistyped command line, a hint that works) with exit code 2. Call it
   * after every subcommand is registered.
   */
  public static CommandLine configure(CommandLine cl) {
    HelpTexts.apply(cl);
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
          CommandLine where = ex.getCommandLine();
          where.getErr().println("gatescope: " + describe(ex));
          where
              .getErr()
              .println(Messages.get("cli.tryHelp", where.getCommandSpec().qualifiedName()));
          return BAD_INPUT;
        });
    return cl;
  }

  /**
   * picocli's message, but the commonest mistake first and in the user's language: an unknown
   * option (picocli would rather report a required option missing, which a typo causes).
   */
  static String describe(ParameterException ex) {
    List<String> unmatched =
        ex instanceof UnmatchedArgumentException u
            ? u.getUnmatched()
            : ex.getCommandLine().getUnmatchedArguments();
    List<String> unknown = unmatched.stream().filter(a -> a.startsWith("-")).toList();
    if (!unknown.isEmpty()) {
      return Messages.get("cli.unknownOption", "'" + String.join("', '", unknown) + "'");
    }
    return ex.getMessage();
  }
}
