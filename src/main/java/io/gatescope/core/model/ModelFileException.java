package io.gatescope.core.model;

import java.io.IOException;

/** A model file that cannot be opened or written; the message is meant for the user. */
public final class ModelFileException extends IOException {
  public ModelFileException(String message) {
    super(message);
  }

  public ModelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
