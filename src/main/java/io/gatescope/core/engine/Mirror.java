package io.gatescope.core.engine;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A native ND4J array (for matrix products) with fast bulk copies to and from Java double arrays
 * (for the element-wise cell maths, which the JIT vectorises and which costs no per-call overhead).
 * The array is never a view, so element i of the buffer is element i of the array.
 */
final class Mirror {
  final INDArray array;
  private final FloatBuffer floats;
  private final DoubleBuffer doubles;
  private final float[] scratch;

  Mirror(DataType type, long rows, long cols, int maxCopy) {
    this.array = Nd4j.zeros(type, rows, cols);
    if (type == DataType.FLOAT) {
      floats = array.data().asNioFloat();
      doubles = null;
      scratch = new float[maxCopy];
    } else if (type == DataType.DOUBLE) {
      floats = null;
      doubles = array.data().asNioDouble();
      scratch = null;
    } else {
      throw new IllegalArgumentException("only FLOAT and DOUBLE models are supported");
    }
  }

  /** dst[dstOff..+len) ← array elements [from..from+len) */
  void read(long from, double[] dst, int dstOff, int len) {
    if (floats != null) {
      floats.get((int) from, scratch, 0, len);
      for (int i = 0; i < len; i++) {
        dst[dstOff + i] = scratch[i];
      }
    } else {
      doubles.get((int) from, dst, dstOff, len);
    }
  }

  /** dst[dstOff..+len) += array elements [from..from+len) */
  void readAdd(long from, double[] dst, int dstOff, int len) {
    if (floats != null) {
      floats.get((int) from, scratch, 0, len);
      for (int i = 0; i < len; i++) {
        dst[dstOff + i] += scratch[i];
      }
    } else {
      for (int i = 0; i < len; i++) {
        dst[dstOff + i] += doubles.get((int) from + i);
      }
    }
  }

  /** array elements [to..to+len) ← src[srcOff..+len) */
  void write(double[] src, int srcOff, long to, int len) {
    if (floats != null) {
      for (int i = 0; i < len; i++) {
        scratch[i] = (float) src[srcOff + i];
      }
      floats.put((int) to, scratch, 0, len);
    } else {
      doubles.put((int) to, src, srcOff, len);
    }
  }

  /**
   * Reads {@code rows} rows of width k·h starting at element {@code from} and splits each row into
   * its k blocks of h: block g of row r goes to dst[g][r·h ..]. One pass, for cell code that keeps
   * one array per gate (loops over one index vectorise; interleaved ones do not).
   */
  void readBlocks(long from, int rows, int h, double[][] dst, double[] bias) {
    int k = dst.length;
    int len = rows * k * h;
    if (floats != null) {
      floats.get((int) from, scratch, 0, len);
      for (int r = 0; r < rows; r++) {
        for (int g = 0; g < k; g++) {
          double[] d = dst[g];
          int src = (r * k + g) * h;
          int o = r * h;
          int b = g * h;
          for (int u = 0; u < h; u++) {
            d[o + u] = scratch[src + u] + bias[b + u];
          }
        }
      }
    } else {
      for (int r = 0; r < rows; r++) {
        for (int g = 0; g < k; g++) {
          double[] d = dst[g];
          int o = r * h;
          int b = g * h;
          doubles.get((int) from + (r * k + g) * h, d, o, h);
          for (int u = 0; u < h; u++) {
            d[o + u] += bias[b + u];
          }
        }
      }
    }
  }

  /** The inverse of {@link #readBlocks}: rows of [src[0] | src[1] | ...] into the array. */
  void writeBlocks(double[][] src, int rows, int h, long to) {
    int k = src.length;
    int len = rows * k * h;
    if (floats != null) {
      for (int r = 0; r < rows; r++) {
        for (int g = 0; g < k; g++) {
          double[] s = src[g];
          int dst = (r * k + g) * h;
          int o = r * h;
          for (int u = 0; u < h; u++) {
            scratch[dst + u] = (float) s[o + u];
          }
        }
      }
      floats.put((int) to, scratch, 0, len);
    } else {
      for (int r = 0; r < rows; r++) {
        for (int g = 0; g < k; g++) {
          doubles.put((int) to + (r * k + g) * h, src[g], r * h, h);
        }
      }
    }
  }

  // ---- single precision (the FLOAT models' cell code keeps float arrays: no conversions) ----

  /** dst[dstOff..+len) ← array elements [from..from+len) */
  void read(long from, float[] dst, int dstOff, int len) {
    if (floats != null) {
      floats.get((int) from, dst, dstOff, len);
    } else {
      for (int i = 0; i < len; i++) {
        dst[dstOff + i] = (float) doubles.get((int) from + i);
      }
    }
  }

  /** array elements [to..to+len) ← src[srcOff..+len) */
  void write(float[] src, int srcOff, long to, int len) {
    if (floats != null) {
      floats.put((int) to, src, srcOff, len);
    } else {
      for (int i = 0; i < len; i++) {
        doubles.put((int) to + i, src[srcOff + i]);
      }
    }
  }

  /** As {@link #writeBlocks(double[][], int, int, long)}, from float arrays. */
  void writeBlocks(float[][] src, int rows, int h, long to) {
    int k = src.length;
    int len = rows * k * h;
    float[] out = floats != null ? scratch : new float[len];
    for (int r = 0; r < rows; r++) {
      for (int g = 0; g < k; g++) {
        System.arraycopy(src[g], r * h, out, (r * k + g) * h, h);
      }
    }
    write(out, 0, to, len);
  }

  /**
   * rows × cols of src (row-major) into the array from element {@code to}, rows {@code ld} apart.
   */
  void writeRows(float[] src, int rows, int cols, long to, int ld) {
    for (int r = 0; r < rows; r++) {
      if (floats != null) {
        floats.put((int) (to + (long) r * ld), src, r * cols, cols);
      } else {
        for (int c = 0; c < cols; c++) {
          doubles.put((int) (to + (long) r * ld + c), src[r * cols + c]);
        }
      }
    }
  }
}
