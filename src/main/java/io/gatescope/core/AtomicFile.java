package io.gatescope.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * How GateScope writes every file (models, settings, CSV, PNG): into a temporary file next to the
 * target, flushed to disk, then moved over it. A crash or a full disk mid-write leaves the previous
 * file as it was, and no temporary file behind.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Opens the temporary file; a seam for tests that simulate a failing disk. */
  @FunctionalInterface
  public interface Opener {
    OutputStream open(Path p, StandardOpenOption... options) throws IOException;
  }

  public static void write(Path target, byte[] content) throws IOException {
    write(target, Files::newOutputStream, out -> out.write(content));
  }

  public static void write(Path target, Opener opener, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      try {
        // Temp files are private; the finished file is an ordinary, readable one.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: keep the defaults
      }
      try (OutputStream out = opener.open(tmp, StandardOpenOption.WRITE)) {
        body.writeTo(out);
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
