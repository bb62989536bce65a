package io.gatescope.core.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Checks an array in ND4J's serialization before ND4J reads it, because ND4J allocates whatever
 * length the bytes claim. The layout: the shape buffer (allocation mode, length n, "LONG", n longs:
 * rank, shape, strides, extras, order), then the data buffer (allocation mode, length, data type,
 * the elements).
 */
final class SerializedArray {
  private SerializedArray() {}

  /**
   * Checks that {@code bytes} hold exactly one array of {@code expected} float or double elements.
   *
   * @throws IllegalArgumentException saying what does not fit (for the user's message)
   */
  static void check(byte[] bytes, long expected) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      in.readUTF();
      long shapeLength = in.readLong();
      String shapeType = in.readUTF();
      if (!"LONG".equals(shapeType) || shapeLength < 4 || shapeLength > 2 * 32 + 4) {
        throw new IllegalArgumentException("shape header " + shapeType + "×" + shapeLength);
      }
      in.skipNBytes(8 * shapeLength);
      in.readUTF();
      long length = in.readLong();
      String type = in.readUTF();
      int size =
          switch (type) {
            case "FLOAT" -> 4;
            case "DOUBLE" -> 8;
            default -> throw new IllegalArgumentException("element type " + type);
          };
      if (length != expected) {
        throw new IllegalArgumentException(
            length + " values where the description needs " + expected);
      }
      if (in.available() != length * size) {
        throw new IllegalArgumentException(
            in.available() + " bytes of values where " + length * size + " are needed");
      }
    } catch (IOException e) { // ran out of bytes inside a header
      throw new IllegalArgumentException("cut short (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Bytes an array of {@code n} elements takes at most (doubles plus a generous header). */
  static long maxBytes(long n) {
    return 8 * n + 4096;
  }
}
