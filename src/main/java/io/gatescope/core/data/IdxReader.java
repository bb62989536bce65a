package io.gatescope.core.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format), raw or gzipped. Every check names the file and the problem,
 * because a user who points the app at the wrong folder deserves better than a stack trace.
 */
public final class IdxReader {
  /** Type byte 0x08 = unsigned byte; dimension count follows in the magic number's last byte. */
  static final int UBYTE = 0x08;

  /** Refuse anything larger than this before allocating: MNIST train images are 47 MB. */
  static final long MAX_BYTES = 512L * 1024 * 1024;

  private IdxReader() {}

  /** Images: magic 0x00000803, dimensions [count, rows, cols]. */
  public static ImageSet readImages(Path file) throws DataFileException {
    try (InputStream in = open(file)) {
      int[] dims = readHeader(file, in, 3, "images");
      long bytes = (long) dims[0] * dims[1] * dims[2];
      byte[] pixels = readBody(file, in, bytes);
      return new ImageSet(dims[0], dims[1], dims[2], pixels);
    } catch (DataFileException e) {
      throw e;
    } catch (IOException e) {
      throw wrap(file, e);
    }
  }

  /** Labels: magic 0x00000801, dimensions [count]. */
  public static byte[] readLabels(Path file) throws DataFileException {
    try (InputStream in = open(file)) {
      int[] dims = readHeader(file, in, 1, "labels");
      byte[] labels = readBody(file, in, dims[0]);
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] < 0 || labels[i] > 9) {
          throw new DataFileException(
              file,
              "label "
                  + i
                  + " is "
                  + (labels[i] & 0xFF)
                  + ", but MNIST labels are digits 0-9. Is this a label file of another data set?");
        }
      }
      return labels;
    } catch (DataFileException e) {
      throw e;
    } catch (IOException e) {
      throw wrap(file, e);
    }
  }

  private static InputStream open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new DataFileException(
          file, "not found at " + file.toAbsolutePath() + ". Check the data folder (--data).");
    }
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    // Detect gzip by its magic bytes, not by the file name.
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
    }
    return raw;
  }

  private static int[] readHeader(Path file, InputStream in, int expectedDims, String kind)
      throws IOException {
    byte[] magic = readFully(in, 4);
    if (magic == null) {
      throw new DataFileException(file, "is empty or shorter than an IDX header (4 bytes).");
    }
    int expectedMagic = (UBYTE << 8) | expectedDims;
    int actual =
        ((magic[0] & 0xFF) << 24)
            | ((magic[1] & 0xFF) << 16)
            | ((magic[2] & 0xFF) << 8)
            | (magic[3] & 0xFF);
    if (actual != expectedMagic) {
      throw new DataFileException(
          file,
          String.format(
              "wrong magic number 0x%08X, expected 0x%08X for IDX %s. "
                  + "This is not an MNIST %s file (or it is the other kind of file).",
              actual, expectedMagic, kind, kind));
    }
    byte[] header = readFully(in, 4 * expectedDims);
    if (header == null) {
      throw new DataFileException(file, "is truncated inside its header.");
    }
    int[] dims = new int[expectedDims];
    for (int d = 0; d < expectedDims; d++) {
      int v =
          ((header[4 * d] & 0xFF) << 24)
              | ((header[4 * d + 1] & 0xFF) << 16)
              | ((header[4 * d + 2] & 0xFF) << 8)
              | (header[4 * d + 3] & 0xFF);
      if (v <= 0) {
        throw new DataFileException(
            file, "dimension " + d + " is " + v + "; every dimension must be positive.");
      }
      dims[d] = v;
    }
    return dims;
  }

  private static byte[] readBody(Path file, InputStream in, long bytes) throws IOException {
    if (bytes > MAX_BYTES) {
      throw new DataFileException(
          file,
          "declares "
              + bytes
              + " bytes of data, more than the "
              + MAX_BYTES
              + " GateScope reads. Is the header corrupt?");
    }
    byte[] body = new byte[(int) bytes];
    int off = 0;
    while (off < body.length) {
      int n = in.read(body, off, body.length - off);
      if (n < 0) {
        throw new DataFileException(
            file,
            "is truncated: the header promises "
                + bytes
                + " bytes of data but the file ends after "
                + off
                + ". Download or copy it again.");
      }
      off += n;
    }
    if (in.read() >= 0) {
      throw new DataFileException(
          file, "has data after the " + bytes + " bytes its header declares (count mismatch).");
    }
    return body;
  }

  /** Reads exactly n bytes, or returns null if the stream ends first. */
  private static byte[] readFully(InputStream in, int n) throws IOException {
    byte[] b = new byte[n];
    int off = 0;
    while (off < n) {
      int r = in.read(b, off, n - off);
      if (r < 0) {
        return null;
      }
      off += r;
    }
    return b;
  }

  private static DataFileException wrap(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new DataFileException(file, "not found. Check the data folder (--data).", e);
    }
    if (e instanceof ZipException || e instanceof EOFException) {
      return new DataFileException(
          file, "is a damaged gzip file (" + e.getMessage() + "). Download or copy it again.", e);
    }
    return new DataFileException(file, "cannot be read: " + e.getMessage(), e);
  }
}
