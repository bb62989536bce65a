package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clamps on a GRU's gates (Γr, Γu): the trace shows the clamp value, keeps the value the cell
 * computed (σ of the pre-activation the weights give), and the rest of the step uses the clamp.
 */
class GruClampTest {
  private static final ModelConfig GRU = new ModelConfig(CellType.GRU, 1, 16, 8, 1.0, 11);
  private static final int H = 16;
  private static final int R_UNIT = 3;
  private static final int U_UNIT = 5;

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * The three pre-activations [Γr | Γu | c̃][unit] of step t from the weights, with a⟨t−1⟩ and the
   * Γr that the candidate sees taken from the trace (so after any clamp).
   */
  private static double[][] preFromWeights(
      RecurrentClassifier m, GateTrace tr, float[] img, int t) {
    double[][] wp = m.params().get("proj.W").toDoubleMatrix(); // [28, P]
    double[] bp = m.params().get("proj.b").toDoubleVector();
    double[][] w = m.params().get("l0.W").toDoubleMatrix(); // [P, 3H]
    double[][] rwru = m.params().get("l0.RWru").toDoubleMatrix(); // [H, 2H]
    double[][] rwc = m.params().get("l0.RWc").toDoubleMatrix(); // [H, H]
    double[] b = m.params().get("l0.b").toDoubleVector();
    double[] p = bp.clone();
    for (int j = 0; j < p.length; j++) {
      for (int f = 0; f < 28; f++) {
        p[j] += img[t * 28 + f] * wp[f][j];
      }
    }
    double[] aPrev = new double[H];
    for (int v = 0; t > 0 && v < H; v++) {
      aPrev[v] = tr.top(Quantity.HIDDEN)[t - 1][v];
    }
    double[][] z = new double[3][H];
    for (int k = 0; k < 3; k++) {
      for (int u = 0; u < H; u++) {
        int col = k * H + u;
        double s = b[col];
        for (int j = 0; j < p.length; j++) {
          s += p[j] * w[j][col];
        }
        for (int v = 0; v < H; v++) {
          double r = tr.top(Quantity.RESET)[t][v];
          s += k < 2 ? aPrev[v] * rwru[v][col] : r * aPrev[v] * rwc[v][u];
        }
        z[k][u] = s;
      }
    }
    return z;
  }

  @Test
  void aClampedGruGateIsTracedAsTheClampAndKeepsWhatTheCellComputed() {
    RecurrentClassifier m = RecurrentClassifier.create(GRU); // FLOAT, as in the app
    float[] img = EngineFixtures.randomImages(1, 4)[0];
    Intervention resetOff = new Intervention(0, Quantity.RESET, new int[] {R_UNIT}, 0f);
    Intervention halfUpdate = new Intervention(0, Quantity.UPDATE, new int[] {U_UNIT}, 0.5f);
    GateTrace tr = m.trace(img, List.of(resetOff, halfUpdate));
    GateTrace plain = m.trace(img);
    assertSame(resetOff, tr.interventionOn(0, Quantity.RESET, R_UNIT));
    assertSame(halfUpdate, tr.interventionOn(0, Quantity.UPDATE, U_UNIT));
    assertNull(tr.interventionOn(0, Quantity.RESET, U_UNIT));
    assertNull(tr.interventionOn(0, Quantity.UPDATE, R_UNIT));

    float[][] reset = tr.top(Quantity.RESET);
    float[][] update = tr.top(Quantity.UPDATE);
    float[][] cand = tr.top(Quantity.CANDIDATE);
    float[][] a = tr.top(Quantity.HIDDEN);
    for (int t = 0; t < 28; t++) {
      String at = " at t=" + t;
      double[][] z = preFromWeights(m, tr, img, t);
      // The traced gate is the clamp value; as computed it is σ of the weights' pre-activation.
      assertEquals(0f, reset[t][R_UNIT], 0f, "Γr clamped" + at);
      assertEquals(0.5f, update[t][U_UNIT], 0f, "Γu clamped" + at);
      float preR = tr.preActivation(0, Quantity.RESET)[t][R_UNIT];
      float preU = tr.preActivation(0, Quantity.UPDATE)[t][U_UNIT];
      assertEquals(z[0][R_UNIT], preR, 1e-4, "Γr pre-activation" + at);
      assertEquals(z[1][U_UNIT], preU, 1e-4, "Γu pre-activation" + at);
      float computedR = tr.asComputed(0, Quantity.RESET)[t][R_UNIT];
      float computedU = tr.asComputed(0, Quantity.UPDATE)[t][U_UNIT];
      assertEquals(sigmoid(preR), computedR, 1e-6, "Γr as computed" + at);
      assertEquals(sigmoid(preU), computedU, 1e-6, "Γu as computed" + at);
      assertTrue(computedR > 1e-3, "a computed Γr, not the clamp: " + computedR);
      assertTrue(Math.abs(computedU - 0.5) > 1e-4, "a computed Γu, not the clamp: " + computedU);
      for (int u = 0; u < H; u++) {
        if (u != R_UNIT) {
          assertEquals(reset[t][u], tr.asComputed(0, Quantity.RESET)[t][u], 0f);
        }
        if (u != U_UNIT) {
          assertEquals(update[t][u], tr.asComputed(0, Quantity.UPDATE)[t][u], 0f);
        }
        // The candidate saw the clamped Γr: its pre-activation is W_c[Γr ⊙ a⟨t−1⟩, x⟨t⟩] + b_c.
        assertEquals(z[2][u], tr.preActivation(0, Quantity.CANDIDATE)[t][u], 1e-4, "c̃" + at);
      }
      // a⟨t⟩ used the clamped Γu = 0.5.
      double aPrev = t == 0 ? 0 : a[t - 1][U_UNIT];
      assertEquals(0.5 * cand[t][U_UNIT] + 0.5 * aPrev, a[t][U_UNIT], 1e-6, "a" + at);
    }
    // At t = 1 nothing before the clamp differs: as computed is what the plain model computes.
    assertEquals(
        plain.top(Quantity.RESET)[0][R_UNIT], tr.asComputed(0, Quantity.RESET)[0][R_UNIT], 1e-6);
    assertEquals(
        plain.top(Quantity.UPDATE)[0][U_UNIT], tr.asComputed(0, Quantity.UPDATE)[0][U_UNIT], 1e-6);
    assertTrue(
        Math.abs(plain.top(Quantity.HIDDEN)[27][U_UNIT] - a[27][U_UNIT]) > 1e-4,
        "the clamps changed what the unit computed");
  }
}
