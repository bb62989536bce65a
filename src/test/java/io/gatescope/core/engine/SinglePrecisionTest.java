package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * FLOAT LSTMs run their cell maths on float arrays; DOUBLE ones (the gradient checks, the DL4J
 * agreement) on doubles. On the same weights both must compute the same model: outputs, loss, every
 * gradient, every gate of the trace, with and without interventions.
 */
class SinglePrecisionTest {
  static float[][] images(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] imgs = new float[n][784];
    for (float[] img : imgs) {
      for (int i = 0; i < img.length; i++) {
        img[i] = r.nextInt(4) == 0 ? (float) r.nextDouble() : 0f; // sparse, like MNIST
      }
    }
    return imgs;
  }

  static double maxDiff(INDArray a, INDArray b) {
    return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
  }

  static double maxAbs(INDArray a) {
    return a.amaxNumber().doubleValue();
  }

  void check(ModelConfig cfg, int batch) {
    RecurrentClassifier m64 = RecurrentClassifier.create(cfg, DataType.DOUBLE);
    RecurrentClassifier m32 =
        RecurrentClassifier.withParams(cfg, m64.params().flat().castTo(DataType.FLOAT));
    float[][] imgs = images(batch, cfg.seed());
    int[] labels = new int[batch];
    for (int i = 0; i < batch; i++) {
      labels[i] = i % 10;
    }
    INDArray x = Batches.timeMajor(imgs);
    double l64 = m64.lossAndGradient(x.castTo(DataType.DOUBLE), labels);
    double l32 = m32.lossAndGradient(x, labels);
    assertTrue(m32.top().f32, "the FLOAT model took the single-precision path");
    assertFalse(m64.top().f32);
    assertEquals(l64, l32, 1e-5 * Math.max(1, Math.abs(l64)), cfg + " loss");
    for (String name : m64.gradients().names()) {
      INDArray g64 = m64.gradients().get(name);
      INDArray g32 = m32.gradients().get(name);
      double scale = Math.max(1e-6, maxAbs(g64));
      assertTrue(
          maxDiff(g64, g32) / scale < 2e-3,
          cfg + " gradient " + name + ": " + maxDiff(g64, g32) / scale);
    }
    for (List<Intervention> iv :
        List.of(
            List.<Intervention>of(),
            List.of(
                Intervention.clampAll(0, Quantity.FORGET, 0.5f), Intervention.silence(0, 1, 2)))) {
      GateTrace t64 = m64.trace(imgs[0], iv);
      GateTrace t32 = m32.trace(imgs[0], iv);
      for (int l = 0; l < cfg.layers(); l++) {
        for (Quantity q : cfg.cell().quantities()) {
          float[][] a = t64.get(l, q);
          float[][] b = t32.get(l, q);
          for (int t = 0; t < a.length; t++) {
            for (int u = 0; u < a[t].length; u++) {
              assertEquals(a[t][u], b[t][u], 2e-5, cfg + " " + q + " t=" + t + " u=" + u);
            }
          }
        }
      }
      for (int k = 0; k < 10; k++) {
        assertEquals(t64.probabilities()[k], t32.probabilities()[k], 1e-5);
      }
    }
  }

  @Test
  void floatAndDoubleLstmsAgreeFoldedAndNot() {
    check(new ModelConfig(CellType.LSTM, 1, 32, 16, 1.0, 3), 24); // projection folded
    check(new ModelConfig(CellType.LSTM, 1, 32, 0, 1.0, 4), 8); // no projection
    check(new ModelConfig(CellType.LSTM, 1, 16, 512, 1.0, 5), 2); // projection not folded
  }

  @Test
  void floatAndDoubleLstmsAgreeStacked() {
    check(new ModelConfig(CellType.LSTM, 3, 24, 16, 1.0, 6), 12);
  }
}
