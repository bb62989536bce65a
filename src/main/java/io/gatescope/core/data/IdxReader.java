package io.gatescope.core.data;

import io.gatescope.core.Messages;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
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

  /**
   * Refuse anything larger than this before reading: MNIST train images are 47 MB. Reading may
   * briefly hold twice the data, so this fits a 1 GiB heap.
   */
  static final long MAX_BYTES = 256L * 1024 * 1024;

  private IdxReader() {}

  /** Images: magic 0x00000803, dimensions [count, rows, cols]. */
  public static ImageSet readImages(Path file) throws DataFileException {
    try (InputStream in = open(file)) {
      int[] dims = readHeader(file, in, 3, "images");
      // Three 31-bit dimensions can overflow a long: the product is checked exactly.
      BigInteger declared =
          BigInteger.valueOf(dims[0])
              .multiply(BigInteger.valueOf(dims[1]))
              .multiply(BigInteger.valueOf(dims[2]));
      if (declared.compareTo(BigInteger.valueOf(MAX_BYTES)) > 0) {
        throw new DataFileException(file, Messages.get("idx.huge", declared, MAX_BYTES));
      }
      byte[] pixels = readBody(file, in, declared.longValueExact());
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
          throw new DataFileException(file, Messages.get("idx.badLabel", i, labels[i] & 0xFF));
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
      throw new DataFileException(file, Messages.get("idx.notFoundAt", file.toAbsolutePath()));
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
      throw new DataFileException(file, Messages.get("idx.empty"));
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
          Messages.get(
              "idx.magic",
              String.format("0x%08X", actual),
              String.format("0x%08X", expectedMagic),
              Messages.get("idx.kind." + kind)));
    }
    byte[] header = readFully(in, 4 * expectedDims);
    if (header == null) {
      throw new DataFileException(file, Messages.get("idx.headerTruncated"));
    }
    int[] dims = new int[expectedDims];
    for (int d = 0; d < expectedDims; d++) {
      int v =
          ((header[4 * d] & 0xFF) << 24)
              | ((header[4 * d + 1] & 0xFF) << 16)
              | ((header[4 * d + 2] & 0xFF) << 8)
              | (header[4 * d + 3] & 0xFF);
      if (v <= 0) {
        throw new DataFileException(file, Messages.get("idx.dimension", d, String.valueOf(v)));
      }
      dims[d] = v;
    }
    return dims;
  }

  private static byte[] readBody(Path file, InputStream in, long bytes) throws IOException {
    if (bytes > MAX_BYTES) {
      throw new DataFileException(file, Messages.get("idx.huge", bytes, MAX_BYTES));
    }
    // Memory grows with the bytes that really arrive, not with what the header claims: a short
    // file that promises 200 MB costs what it holds.
    byte[] body = in.readNBytes((int) bytes);
    if (body.length < bytes) {
      throw new DataFileException(file, Messages.get("idx.truncated", bytes, body.length));
    }
    if (in.read() >= 0) {
      throw new DataFileException(file, Messages.get("idx.trailing", bytes));
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
      return new DataFileException(file, Messages.get("idx.notFound"), e);
    }
    if (e instanceof ZipException || e instanceof EOFException) {
      return new DataFileException(file, Messages.get("idx.badGzip", e.getMessage()), e);
    }
    return new DataFileException(file, Messages.get("idx.unreadable", e.getMessage()), e);
  }
}
