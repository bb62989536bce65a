package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The trace keeps the pre-activations and the values interventions replaced, as computed. */
class TracePreActivationTest {
  private static final ModelConfig SMALL = new ModelConfig(CellType.LSTM, 1, 16, 8, 1.0, 11);
  private static final Quantity[] LSTM_BLOCKS = {
    Quantity.CANDIDATE, Quantity.FORGET, Quantity.OUTPUT, Quantity.UPDATE
  };

  /** W[a⟨t−1⟩, x⟨t⟩] + b from the weights, with a⟨t−1⟩ taken from the trace: [block][unit]. */
  private static double[][] preFromWeights(
      RecurrentClassifier m, GateTrace tr, float[] img, int t) {
    double[][] wp = m.params().get("proj.W").toDoubleMatrix(); // [28, P]
    double[] bp = m.params().get("proj.b").toDoubleVector();
    double[][] w = m.params().get("l0.W").toDoubleMatrix(); // [P, 4H]
    double[][] rw = m.params().get("l0.RW").toDoubleMatrix(); // [H, 4H]
    double[] b = m.params().get("l0.b").toDoubleVector();
    int h = tr.hidden();
    double[] p = bp.clone();
    for (int j = 0; j < p.length; j++) {
      for (int f = 0; f < 28; f++) {
        p[j] += img[t * 28 + f] * wp[f][j];
      }
    }
    double[][] z = new double[4][h];
    for (int k = 0; k < 4; k++) {
      for (int u = 0; u < h; u++) {
        int col = k * h + u;
        double s = b[col];
        for (int j = 0; j < p.length; j++) {
          s += p[j] * w[j][col];
        }
        for (int v = 0; t > 0 && v < h; v++) {
          s += tr.top(Quantity.HIDDEN)[t - 1][v] * rw[v][col];
        }
        z[k][u] = s;
      }
    }
    return z;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  @Test
  void preActivationsAreTheArgumentsTheWeightsGive() {
    RecurrentClassifier m = RecurrentClassifier.create(SMALL);
    float[] img = EngineFixtures.randomImages(1, 5)[0];
    GateTrace tr = m.trace(img);
    double tol = 1e-4; // float products against a double sum
    for (int t = 0; t < 28; t++) {
      double[][] z = preFromWeights(m, tr, img, t);
      for (int k = 0; k < 4; k++) {
        Quantity q = LSTM_BLOCKS[k];
        for (int u = 0; u < 16; u++) {
          float pre = tr.preActivation(0, q)[t][u];
          assertEquals(z[k][u], pre, tol, q.symbol() + " t=" + t);
          double act = q == Quantity.CANDIDATE ? Math.tanh(pre) : sigmoid(pre);
          assertEquals(act, tr.top(q)[t][u], 1e-5, q.symbol() + " from its pre-activation");
        }
      }
    }
    assertNull(tr.preActivation(0, Quantity.CELL));
  }

  @Test
  void aClampedGateKeepsItsComputedValueAndPreActivation() {
    RecurrentClassifier m = RecurrentClassifier.create(SMALL); // FLOAT, as in the app
    float[] img = EngineFixtures.randomImages(1, 7)[0];
    Intervention clamp = new Intervention(0, Quantity.FORGET, new int[] {3}, 0f);
    GateTrace tr = m.trace(img, List.of(clamp));
    assertSame(clamp, tr.interventionOn(0, Quantity.FORGET, 3));
    assertNull(tr.interventionOn(0, Quantity.FORGET, 4));
    assertNull(tr.interventionOn(0, Quantity.UPDATE, 3));
    for (int t = 0; t < 28; t++) {
      double[][] z = preFromWeights(m, tr, img, t);
      float pre = tr.preActivation(0, Quantity.FORGET)[t][3];
      assertEquals(z[1][3], pre, 1e-4, "pre-activation of the clamped gate at t=" + t);
      assertEquals(0f, tr.top(Quantity.FORGET)[t][3], 0f);
      assertEquals(sigmoid(pre), tr.asComputed(0, Quantity.FORGET)[t][3], 1e-5);
      // Units the clamp does not cover: as computed is what was used.
      assertEquals(tr.top(Quantity.FORGET)[t][4], tr.asComputed(0, Quantity.FORGET)[t][4], 0f);
    }
  }

  @Test
  void aSilencedUnitKeepsTheHiddenStateItComputed() {
    RecurrentClassifier m = RecurrentClassifier.create(SMALL);
    GateTrace tr =
        m.trace(EngineFixtures.randomImages(1, 2)[0], List.of(Intervention.silence(0, 5)));
    assertNotNull(tr.interventionOn(0, Quantity.HIDDEN, 5));
    for (int t = 0; t < 28; t++) {
      assertEquals(0f, tr.top(Quantity.HIDDEN)[t][5], 0f);
      double computed = tr.top(Quantity.OUTPUT)[t][5] * Math.tanh(tr.top(Quantity.CELL)[t][5]);
      assertEquals(computed, tr.asComputed(0, Quantity.HIDDEN)[t][5], 1e-5);
    }
  }

  @Test
  void gruAndRnnKeepTheirPreActivations() {
    GateTrace gru =
        RecurrentClassifier.create(SMALL.withCell(CellType.GRU))
            .trace(EngineFixtures.randomImages(1, 3)[0]);
    GateTrace rnn =
        RecurrentClassifier.create(SMALL.withCell(CellType.RNN))
            .trace(EngineFixtures.randomImages(1, 3)[0]);
    for (int t = 0; t < 28; t++) {
      for (int u = 0; u < 16; u++) {
        for (Quantity g : new Quantity[] {Quantity.RESET, Quantity.UPDATE}) {
          assertEquals(sigmoid(gru.preActivation(0, g)[t][u]), gru.top(g)[t][u], 1e-6);
        }
        assertEquals(
            Math.tanh(gru.preActivation(0, Quantity.CANDIDATE)[t][u]),
            gru.top(Quantity.CANDIDATE)[t][u],
            1e-6);
        assertEquals(
            Math.tanh(rnn.preActivation(0, Quantity.HIDDEN)[t][u]),
            rnn.top(Quantity.HIDDEN)[t][u],
            1e-6);
      }
    }
  }
}
