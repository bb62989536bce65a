package io.gatescope.core.engine;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A native float array (for matrix products) with bulk copies to and from Java float arrays (for
 * the element-wise cell maths, which the JIT vectorises and which costs no per-call overhead). The
 * array is never a view, so element i of the buffer is element i of the array.
 *
 * <p>The NIO buffer does not keep the array's native memory alive; every copy ends with a
 * reachability fence on the array, so the memory cannot be freed while it is read or written.
 */
final class Mirror {
  final INDArray array;
  private final FloatBuffer floats;
  private final float[] scratch;

  /** A [rows, cols] array of zeros; block copies move at most {@code maxCopy} elements. */
  Mirror(long rows, long cols, int maxCopy) {
    this.array = Nd4j.zeros(DataType.FLOAT, rows, cols);
    this.floats = array.data().asNioFloat();
    this.scratch = new float[maxCopy];
  }

  /** dst[dstOff..+len) ← array elements [from..from+len) */
  void read(long from, float[] dst, int dstOff, int len) {
    floats.get((int) from, dst, dstOff, len);
    Reference.reachabilityFence(array);
  }

  /** dst[dstOff..+len) += array elements [from..from+len) */
  void readAdd(long from, float[] dst, int dstOff, int len) {
    floats.get((int) from, scratch, 0, len);
    for (int i = 0; i < len; i++) {
      dst[dstOff + i] += scratch[i];
    }
    Reference.reachabilityFence(array);
  }

  /** array elements [from..from+len) ← 0 (len at most the copy size) */
  void zero(long from, int len) {
    java.util.Arrays.fill(scratch, 0, len, 0f);
    floats.put((int) from, scratch, 0, len);
    Reference.reachabilityFence(array);
  }

  /**
   * The first {@code rows} rows, each plus {@code row} (the array's rows are row.length wide), in a
   * new array: a bias added in Java, as ND4J's own row-vector add would, without its op.
   */
  float[] readAddingToRows(float[] row, int rows) {
    int k = row.length;
    float[] out = new float[rows * k];
    floats.get(0, out, 0, out.length);
    Reference.reachabilityFence(array);
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < k; j++) {
        out[r * k + j] += row[j];
      }
    }
    return out;
  }

  /** array elements [to..to+len) ← src[srcOff..+len) */
  void write(float[] src, int srcOff, long to, int len) {
    floats.put((int) to, src, srcOff, len);
    Reference.reachabilityFence(array);
  }

  /**
   * Splits {@code rows} rows of width k·h, from element {@code from}, into their k blocks of h:
   * block g of row r goes to dst[g][r·h ..] (cell code keeps one array per gate, whose loops
   * vectorise; interleaved ones do not).
   */
  void readBlocks(long from, int rows, int h, float[][] dst) {
    int k = dst.length;
    for (int r = 0; r < rows; r++) {
      for (int g = 0; g < k; g++) { // straight into place: one copy, not two through a scratch
        floats.get((int) (from + (long) (r * k + g) * h), dst[g], r * h, h);
      }
    }
    Reference.reachabilityFence(array);
  }

  /** The inverse of {@link #readBlocks}: rows of [src[0] | src[1] | ...] into the array. */
  void writeBlocks(float[][] src, int rows, int h, long to) {
    int k = src.length;
    for (int r = 0; r < rows; r++) {
      for (int g = 0; g < k; g++) {
        floats.put((int) (to + (long) (r * k + g) * h), src[g], r * h, h);
      }
    }
    Reference.reachabilityFence(array);
  }

  /**
   * rows × cols of src (row-major) into the array from element {@code to}, rows {@code ld} apart.
   */
  void writeRows(float[] src, int rows, int cols, long to, int ld) {
    for (int r = 0; r < rows; r++) {
      floats.put((int) (to + (long) r * ld), src, r * cols, cols);
    }
    Reference.reachabilityFence(array);
  }
}
