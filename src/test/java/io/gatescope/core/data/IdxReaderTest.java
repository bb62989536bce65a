package io.gatescope.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  static byte[] idx(int magic, int[] dims, int bodyBytes) {
    ByteBuffer bb = ByteBuffer.allocate(4 + 4 * dims.length + bodyBytes);
    bb.putInt(magic);
    for (int d : dims) {
      bb.putInt(d);
    }
    for (int i = 0; i < bodyBytes; i++) {
      bb.put((byte) (i % 10));
    }
    return bb.array();
  }

  Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
      gz.write(raw);
    }
    return bos.toByteArray();
  }

  @Test
  void readsRawAndGzippedImagesAlike() throws Exception {
    byte[] raw = idx(0x803, new int[] {3, 2, 2}, 12);
    ImageSet a = IdxReader.readImages(write("a", raw));
    ImageSet b = IdxReader.readImages(write("b.gz", gzip(raw)));
    assertEquals(3, a.count());
    assertEquals(2, a.rows());
    assertArrayEquals(a.pixels(), b.pixels());
    assertEquals(5, a.pixel(1, 0, 1)); // byte 5 = (1*4 + 0*2 + 1)
  }

  @Test
  void wrongMagicIsNamed() throws Exception {
    Path p = write("labels-as-images", idx(0x801, new int[] {4}, 4));
    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(p));
    assertEquals(
        "labels-as-images: wrong magic number 0x00000801, expected 0x00000803 for IDX images."
            + " This is not an MNIST images file (or it is the other kind of file).",
        e.getMessage());
  }

  @Test
  void truncatedBodyIsNamedWithCounts() throws Exception {
    byte[] full = idx(0x803, new int[] {10, 28, 28}, 10 * 784);
    byte[] cut = java.util.Arrays.copyOf(full, 16 + 1000);
    Path p = write("cut.idx", cut);
    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(p));
    assertEquals(
        "cut.idx: is truncated: the header promises 7840 bytes of data but the file ends after"
            + " 1000. Download or copy it again.",
        e.getMessage());
  }

  @Test
  void truncatedHeaderEmptyFileAndCorruptGzip() throws Exception {
    Path empty = write("empty", new byte[0]);
    assertEquals(
        "empty: is empty or shorter than an IDX header (4 bytes).",
        assertThrows(DataFileException.class, () -> IdxReader.readLabels(empty)).getMessage());
    Path header = write("header", java.util.Arrays.copyOf(idx(0x803, new int[] {1, 2, 2}, 4), 9));
    assertEquals(
        "header: is truncated inside its header.",
        assertThrows(DataFileException.class, () -> IdxReader.readImages(header)).getMessage());
    byte[] gz = gzip(idx(0x801, new int[] {100}, 100));
    Path badGz = write("bad.gz", java.util.Arrays.copyOf(gz, gz.length / 2));
    String msg =
        assertThrows(DataFileException.class, () -> IdxReader.readLabels(badGz)).getMessage();
    assertEquals(true, msg.startsWith("bad.gz: is "), msg);
    assertEquals(true, msg.endsWith("Download or copy it again."), msg);
  }

  @Test
  void countMismatchAndHugeAndBadLabels() throws Exception {
    byte[] extra = idx(0x801, new int[] {5}, 7); // says 5 labels, has 7 bytes
    Path p = write("extra", extra);
    assertEquals(
        "extra: has data after the 5 bytes its header declares (count mismatch).",
        assertThrows(DataFileException.class, () -> IdxReader.readLabels(p)).getMessage());
    Path huge = write("huge", idx(0x803, new int[] {100000, 1000, 1000}, 0));
    assertEquals(
        "huge: declares 100000000000 bytes of data, more than the 268435456 GateScope reads."
            + " Is the header corrupt?",
        assertThrows(DataFileException.class, () -> IdxReader.readImages(huge)).getMessage());
    byte[] bad = idx(0x801, new int[] {2}, 2);
    bad[9] = 42;
    Path badLabels = write("labels", bad);
    assertEquals(
        "labels: label 1 is 42, but MNIST labels are digits 0-9. Is this a label file of another"
            + " data set?",
        assertThrows(DataFileException.class, () -> IdxReader.readLabels(badLabels)).getMessage());
    Path neg = write("neg", idx(0x803, new int[] {-1, 28, 28}, 0));
    assertEquals(
        "neg: dimension 0 is -1; every dimension must be positive.",
        assertThrows(DataFileException.class, () -> IdxReader.readImages(neg)).getMessage());
  }

  @Test
  void imagesAndLabelsOfDifferentCountsAreRefusedAsAPair() throws Exception {
    Files.write(dir.resolve(Mnist.TEST_IMAGES), idx(0x803, new int[] {3, 28, 28}, 3 * 784));
    Files.write(dir.resolve(Mnist.TEST_LABELS), idx(0x801, new int[] {2}, 2));
    DataFileException e = assertThrows(DataFileException.class, () -> Mnist.loadTest(dir));
    assertEquals(
        "t10k-labels-idx1-ubyte: holds 2 labels but t10k-images-idx3-ubyte holds 3 images."
            + " The two files must come from the same set.",
        e.getMessage());
  }

  @Test
  void missingFileSaysWhereItLooked() {
    DataFileException e = assertThrows(DataFileException.class, () -> Mnist.loadTest(dir));
    assertEquals(true, e.getMessage().startsWith("t10k-images-idx3-ubyte.gz: not found in "));
    assertEquals(true, e.getMessage().endsWith("or choose another folder with --data."));
  }
}
