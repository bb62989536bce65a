package io.gatescope.core.model;

import io.gatescope.core.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip file read with limits: each entry is read only up to a size stated by the caller, counting
 * the bytes that really come out of the decompressor (never the sizes the archive declares), so a
 * small file that expands to gigabytes is refused after a few kilobytes instead of filling the
 * heap. Every failure is a {@link ModelFileException} naming the file.
 */
final class BoundedZip implements AutoCloseable {
  private static final byte[] MAGIC = {'P', 'K', 3, 4};
  private final ZipFile zip;
  private final String name;

  private BoundedZip(ZipFile zip, String name) {
    this.zip = zip;
    this.name = name;
  }

  /** Opens {@code file}; a file that does not start like a zip is "not a zip archive". */
  static BoundedZip open(Path file, String name) throws ModelFileException {
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, 4) < 4 || !java.util.Arrays.equals(head, MAGIC)) {
        throw new ModelFileException(Messages.get("model.notZip", name));
      }
      return new BoundedZip(new ZipFile(file.toFile()), name);
    } catch (ModelFileException e) {
      throw e;
    } catch (ZipException e) {
      throw new ModelFileException(Messages.get("model.damagedZip", name, e.getMessage()));
    } catch (IOException e) {
      throw new ModelFileException(Messages.get("model.unreadable", name, e.getMessage()));
    }
  }

  boolean has(String entry) {
    return zip.getEntry(entry) != null;
  }

  /**
   * The entry's bytes, at most {@code limit} of them.
   *
   * @param tooLarge the message when the entry holds more than {@code limit} bytes
   */
  byte[] read(String entry, long limit, String tooLarge) throws ModelFileException {
    ZipEntry e = zip.getEntry(entry);
    if (e == null) {
      throw new ModelFileException(Messages.get("model.noWeights", name, entry));
    }
    if (e.getSize() > limit) {
      throw new ModelFileException(tooLarge); // declared too large: not even started
    }
    try (InputStream in = zip.getInputStream(e)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
      if (in.read() >= 0) {
        throw new ModelFileException(tooLarge);
      }
      return bytes;
    } catch (ModelFileException ex) {
      throw ex;
    } catch (ZipException | java.io.EOFException ex) {
      throw new ModelFileException(Messages.get("model.damagedZip", name, ex.getMessage()));
    } catch (IOException ex) {
      throw new ModelFileException(Messages.get("model.unreadable", name, ex.getMessage()));
    }
  }

  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException ignored) {
      // read-only: nothing to lose
    }
  }
}
