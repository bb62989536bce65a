package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.TestImages;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The backward trace's own arithmetic: the LSTM's local relations between the kept gradients hold
 * to float precision, the connectivity triangle is zero above its diagonal, and blanking a row that
 * is already blank changes nothing. (Agreement with finite differences of a double-precision
 * reference is in {@code reference.BackwardAgreesWithFiniteDifferencesTest}.)
 */
class BackwardTraceTest {
  private static final int T = ModelConfig.STEPS;

  private static float[] imageWithBlankRows() {
    float[] img = TestImages.sparse(7);
    Arrays.fill(img, 0, 3 * 28, 0f); // rows 1-3 blank, as in most digits
    Arrays.fill(img, 25 * 28, 28 * 28, 0f); // and the last three
    return img;
  }

  private static RecurrentClassifier model(CellType cell) {
    return RecurrentClassifier.create(new ModelConfig(cell, 1, 16, 12, 1.0, 3));
  }

  @Test
  void lstmLocalRelationsHoldUpToRounding() {
    RecurrentClassifier m = model(CellType.LSTM);
    float[] img = imageWithBlankRows();
    GateTrace fwd = m.trace(img);
    BackwardTrace back = m.backwardTrace(img, 4);
    float[][] dA = back.top(Quantity.HIDDEN);
    float[][] dC = back.top(Quantity.CELL);
    float[][] c = fwd.top(Quantity.CELL);
    float[][] tanhC = fwd.top(Quantity.CELL_TANH);
    float[][] u = fwd.top(Quantity.UPDATE);
    float[][] f = fwd.top(Quantity.FORGET);
    float[][] o = fwd.top(Quantity.OUTPUT);
    float[][] cand = fwd.top(Quantity.CANDIDATE);
    for (int t = 0; t < T; t++) {
      for (int j = 0; j < 16; j++) {
        float dc = dC[t][j];
        float dcNext = t + 1 < T ? dC[t + 1][j] * f[t + 1][j] : 0f;
        float fromA = dA[t][j] * o[t][j] * (1 - tanhC[t][j] * tanhC[t][j]);
        close(fromA + dcNext, dc, "∂L/∂c", t, j);
        close(dA[t][j] * tanhC[t][j], back.top(Quantity.OUTPUT)[t][j], "∂L/∂Γo", t, j);
        close(dc * cand[t][j], back.top(Quantity.UPDATE)[t][j], "∂L/∂Γu", t, j);
        close(dc * u[t][j], back.top(Quantity.CANDIDATE)[t][j], "∂L/∂c̃", t, j);
        float cPrev = t == 0 ? 0f : c[t - 1][j];
        close(dc * cPrev, back.top(Quantity.FORGET)[t][j], "∂L/∂Γf", t, j);
      }
    }
    assertTrue(Arrays.stream(back.norms(Quantity.CELL)).allMatch(v -> v > 0), "c carries gradient");
  }

  /**
   * The forward trace is one image alone, the backward trace's pass a batch of 29: BLAS may round a
   * product's rows differently with the batch's size (OpenBLAS's Haswell kernels do, its AVX-512
   * ones did not), and 28 steps carry that on: 4e-5 relative seen, a wrong relation is off by O(1).
   */
  private static void close(float expected, float actual, String what, int t, int j) {
    float tol = 2e-4f * Math.max(1e-3f, Math.abs(expected));
    assertEquals(expected, actual, tol, what + " at step " + (t + 1) + ", unit " + j);
  }

  @Test
  void lossAndProbabilityAreThoseOfTheForwardPass() {
    for (CellType cell : CellType.values()) {
      RecurrentClassifier m = model(cell);
      float[] img = imageWithBlankRows();
      GateTrace fwd = m.trace(img);
      BackwardTrace back = m.backwardTrace(img, 2);
      assertEquals(fwd.probabilities()[2], back.probability(), 1e-6, cell + " P(target)");
      assertEquals(-Math.log(back.probability()), back.loss(), 1e-9, cell + " L");
    }
  }

  @Test
  void connectivityIsZeroAboveTheDiagonalAndNotBelow() {
    for (CellType cell : CellType.values()) {
      BackwardTrace back = model(cell).backwardTrace(imageWithBlankRows(), 1);
      float[][] k = back.connectivity();
      for (int t = 0; t < T; t++) {
        for (int s = t + 1; s < T; s++) {
          assertEquals(
              0f, k[t][s], cell + ": step " + (t + 1) + " cannot depend on step " + (s + 1));
        }
        assertTrue(k[t][t] > 0, cell + ": step " + (t + 1) + " depends on its own row");
      }
      // The last row of the triangle is the whole image's loss: its entries are ‖∂L/∂x⟨s⟩‖.
      for (int s = 0; s < T; s++) {
        double sq = 0;
        for (int f = 0; f < 28; f++) {
          sq += (double) back.input()[s * 28 + f] * back.input()[s * 28 + f];
        }
        assertEquals(Math.sqrt(sq), k[T - 1][s], 1e-6 * Math.max(1, Math.sqrt(sq)), "row " + s);
      }
    }
  }

  @Test
  void blankingABlankRowChangesNothingAndALitRowSomething() {
    for (CellType cell : CellType.values()) {
      BackwardTrace back = model(cell).backwardTrace(imageWithBlankRows(), 6);
      float[] occ = back.rowOcclusion();
      for (int s : new int[] {0, 1, 2, 25, 26, 27}) {
        assertEquals(0f, occ[s], cell + ": row " + (s + 1) + " is blank already");
      }
      long changed = java.util.stream.IntStream.range(3, 25).filter(s -> occ[s] != 0f).count();
      assertTrue(changed > 0, cell + ": blanking a lit row changes P(target)");
    }
  }

  @Test
  void inputGradientIsPutBackWhereThePictureHasThePixel() {
    float[] img = imageWithBlankRows();
    ModelConfig rows = new ModelConfig(CellType.LSTM, 1, 16, 12, 1.0, 3, Reading.ROWS);
    for (Reading r : new Reading[] {Reading.COLUMNS, Reading.PERMUTED_ROWS}) {
      RecurrentClassifier byRows = RecurrentClassifier.create(rows);
      RecurrentClassifier other =
          RecurrentClassifier.withParams(
              new ModelConfig(CellType.LSTM, 1, 16, 12, 1.0, 3, r), byRows.params().flat());
      // Reading r of the picture is reading rows of r.apply(picture): the same model input.
      float[] asRead = r.apply(img);
      BackwardTrace a = other.backwardTrace(img, 3);
      BackwardTrace b = byRows.backwardTrace(asRead, 3);
      assertArrayEquals(r.toPicture(b.input()), a.input(), 1e-6f, r.name());
      assertArrayEquals(img, r.toPicture(asRead), 0f, r + " toPicture undoes apply");
    }
  }

  @Test
  void repeatedTracesAreIdentical() {
    RecurrentClassifier m = model(CellType.GRU);
    float[] img = imageWithBlankRows();
    BackwardTrace first = m.backwardTrace(img, 0);
    m.trace(img); // another batch size in between
    BackwardTrace again = m.backwardTrace(img, 0);
    assertArrayEquals(first.input(), again.input(), 0f);
    assertArrayEquals(first.rowOcclusion(), again.rowOcclusion(), 0f);
  }

  @Test
  void followsTheWeightsAsTheyAreNow() {
    RecurrentClassifier m = model(CellType.LSTM);
    float[] img = imageWithBlankRows();
    m.backwardTrace(img, 5); // makes the twin that runs its batches
    m.params().flat().muli(1.5); // as training changes a model
    BackwardTrace now = m.backwardTrace(img, 5);
    BackwardTrace fresh = m.copy().backwardTrace(img, 5);
    assertEquals(fresh.loss(), now.loss(), 0.0);
    assertArrayEquals(fresh.input(), now.input(), 0f);
    assertArrayEquals(fresh.rowOcclusion(), now.rowOcclusion(), 0f);
    assertArrayEquals(fresh.top(Quantity.FORGET)[3], now.top(Quantity.FORGET)[3], 0f);
  }
}
