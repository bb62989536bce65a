package io.gatescope.core.lesson;

/** A lesson file that cannot be read or written; the message names the file and says why. */
public final class LessonFileException extends Exception {
  public LessonFileException(String message) {
    super(message);
  }

  public LessonFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
