package io.gatescope.core.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads a parameter vector in ND4J's serialization without ND4J's reader: that reader allocates
 * whatever length the bytes claim and copies along whatever shape and strides they claim, in native
 * code, so a damaged file could take the whole program down. The layout: the shape buffer
 * (allocation mode, length n, "LONG", n longs: rank, shape, strides, extras, element-wise stride,
 * order), then the data buffer (allocation mode, length, data type, the elements, big-endian).
 */
final class SerializedArray {
  private SerializedArray() {}

  /**
   * The {@code expected} float or double values in {@code bytes}, as a [1, expected] array of that
   * type, after checking that the bytes hold exactly one vector of that length.
   *
   * @throws IllegalArgumentException saying what does not fit (for the user's message)
   */
  static INDArray read(byte[] bytes, long expected) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      in.readUTF();
      long shapeLength = in.readLong();
      String shapeType = in.readUTF();
      if (!"LONG".equals(shapeType) || shapeLength < 6 || shapeLength > 8) {
        throw new IllegalArgumentException("shape header " + shapeType + "×" + shapeLength);
      }
      long rank = in.readLong();
      if (rank < 1 || rank > 2 || shapeLength != 2 * rank + 4) {
        throw new IllegalArgumentException("an array of rank " + rank + ", not a vector");
      }
      long elements = 1;
      long longest = 0;
      for (int d = 0; d < rank; d++) {
        long size = in.readLong();
        if (size < 1 || size > expected) {
          throw new IllegalArgumentException("a dimension of " + size);
        }
        elements *= size;
        longest = Math.max(longest, size);
      }
      if (longest != elements) { // [a, b] with both above 1: a matrix, its order unknown here
        throw new IllegalArgumentException("an array of " + elements + " values, not a vector");
      }
      if (elements != expected) {
        throw new IllegalArgumentException(
            elements + " values where the description needs " + expected);
      }
      // Strides, extras, element-wise stride and order: a vector's values are in file order.
      in.skipNBytes(8 * (shapeLength - 1 - rank));
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
      int n = (int) length;
      if (size == 4) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = in.readFloat();
        }
        return Nd4j.createFromArray(v).reshape(1, n);
      }
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = in.readDouble();
      }
      return Nd4j.createFromArray(v).reshape(1, n);
    } catch (IOException e) { // ran out of bytes inside a header
      throw new IllegalArgumentException("cut short (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Bytes an array of {@code n} elements takes at most (doubles plus a generous header). */
  static long maxBytes(long n) {
    return 8 * n + 4096;
  }
}
