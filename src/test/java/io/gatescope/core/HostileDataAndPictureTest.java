package io.gatescope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatescope.core.data.DataFileException;
import io.gatescope.core.data.IdxReader;
import io.gatescope.core.preprocess.ImageFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures and data files made to hurt, read with a 1 GiB heap (surefire execution
 * "hostile-files"): a small picture declaring a huge size, MNIST files whose header promises far
 * more than they hold, a gzip that expands far beyond what its header declares.
 */
class HostileDataAndPictureTest {
  @TempDir Path dir;

  @Test
  void aPictureDeclaringTenBillionPixelsIsRefusedBeforeDecoding() throws Exception {
    Path png = dir.resolve("huge.png");
    Files.write(png, pngHeaderOnly(100_000, 100_000));
    IOException e = assertThrows(IOException.class, () -> ImageFiles.read(png));
    assertEquals(
        "huge.png: 100000×100000 pixels is too large (GateScope reads pictures of up to"
            + " 4096×4096); use a smaller picture of the digit",
        e.getMessage());
  }

  @Test
  void aShortDataFilePromisingTwoHundredMegabytesCostsWhatItHolds() throws Exception {
    Path f = dir.resolve("liar-idx3-ubyte");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(f))) {
      out.writeInt(0x00000803);
      out.writeInt(255_000);
      out.writeInt(28);
      out.writeInt(28);
      out.write(new byte[1000]);
    }
    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(f));
    assertEquals(
        "liar-idx3-ubyte: is truncated: the header promises 199920000 bytes of data but the file"
            + " ends after 1000. Download or copy it again.",
        e.getMessage());
  }

  @Test
  void aGzipThatExpandsBeyondItsHeaderStopsAtTheDeclaredSize() throws Exception {
    Path f = dir.resolve("bomb-labels-idx1-ubyte.gz");
    try (OutputStream raw = Files.newOutputStream(f);
        DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw, 1 << 16))) {
      out.writeInt(0x00000801);
      out.writeInt(10);
      byte[] block = new byte[1 << 20];
      for (int i = 0; i < 1536; i++) { // 1.5 GiB of zero labels after the 10 declared
        out.write(block);
      }
    }
    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readLabels(f));
    assertEquals(
        "bomb-labels-idx1-ubyte.gz: has data after the 10 bytes its header declares (count"
            + " mismatch).",
        e.getMessage());
  }

  /** A PNG whose header declares w×h grey pixels and whose data holds one row of them. */
  static byte[] pngHeaderOnly(int w, int h) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bos);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(ihdr);
    d.writeInt(w);
    d.writeInt(h);
    d.write(new byte[] {8, 0, 0, 0, 0}); // 8 bits, greyscale, deflate, no filter, no interlace
    chunk(out, "IHDR", ihdr.toByteArray());
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (var z = new java.util.zip.DeflaterOutputStream(idat)) {
      z.write(new byte[1 + w]); // one row of black (filter byte 0), the rest missing
    }
    chunk(out, "IDAT", idat.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return bos.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
