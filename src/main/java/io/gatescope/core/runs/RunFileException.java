package io.gatescope.core.runs;

/** A run file that cannot be read; the message says which file and why, for the status bar. */
public final class RunFileException extends Exception {
  public RunFileException(String message) {
    super(message);
  }
}
