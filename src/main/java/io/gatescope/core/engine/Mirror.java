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
}
