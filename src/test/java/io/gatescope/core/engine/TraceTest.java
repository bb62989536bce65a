package io.gatescope.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {
  private static final ModelConfig SMALL = new ModelConfig(CellType.LSTM, 1, 16, 8, 1.0, 11);

  @Test
  void lstmTraceSatisfiesTheCellEquations() {
    RecurrentClassifier m = RecurrentClassifier.create(SMALL);
    float[] img = EngineFixtures.randomImages(1, 5)[0];
    GateTrace tr = m.trace(img);
    float[][] gu = tr.top(Quantity.UPDATE);
    float[][] gf = tr.top(Quantity.FORGET);
    float[][] go = tr.top(Quantity.OUTPUT);
    float[][] cand = tr.top(Quantity.CANDIDATE);
    float[][] c = tr.top(Quantity.CELL);
    float[][] a = tr.top(Quantity.HIDDEN);
    assertEquals(28, c.length);
    assertEquals(16, c[0].length);
    for (int t = 0; t < 28; t++) {
      for (int u = 0; u < 16; u++) {
        double cPrev = t == 0 ? 0 : c[t - 1][u];
        String at = "t=" + t + " u=" + u;
        assertEquals(gu[t][u] * cand[t][u] + gf[t][u] * cPrev, c[t][u], 1e-6, "c " + at);
        assertEquals(go[t][u] * Math.tanh(c[t][u]), a[t][u], 1e-6, "a " + at);
        assertTrue(gu[t][u] > 0 && gu[t][u] < 1);
      }
    }
  }

  @Test
  void gruAndRnnTracesSatisfyTheirEquations() {
    float[] img = EngineFixtures.randomImages(1, 8)[0];
    GateTrace gru = RecurrentClassifier.create(SMALL.withCell(CellType.GRU)).trace(img);
    float[][] gu = gru.top(Quantity.UPDATE);
    float[][] cand = gru.top(Quantity.CANDIDATE);
    float[][] a = gru.top(Quantity.HIDDEN);
    GateTrace rnn = RecurrentClassifier.create(SMALL.withCell(CellType.RNN)).trace(img);
    float[][] pre = rnn.preActivation(0, Quantity.HIDDEN);
    for (int t = 0; t < 28; t++) {
      for (int u = 0; u < 16; u++) {
        double aPrev = t == 0 ? 0 : a[t - 1][u];
        String at = "t=" + t + " u=" + u;
        assertEquals(gu[t][u] * cand[t][u] + (1 - gu[t][u]) * aPrev, a[t][u], 1e-6, "GRU a " + at);
        assertEquals(
            Math.tanh(gru.preActivation(0, Quantity.CANDIDATE)[t][u]),
            cand[t][u],
            1e-6,
            "GRU c̃ " + at);
        assertEquals(Math.tanh(pre[t][u]), rnn.top(Quantity.HIDDEN)[t][u], 1e-6, "RNN a " + at);
      }
    }
  }

  @Test
  void lastStepPredictionEqualsTheModelOutput() {
    for (CellType cell : CellType.values()) {
      RecurrentClassifier m = RecurrentClassifier.create(SMALL.withCell(cell));
      float[][] imgs = EngineFixtures.randomImages(3, 9);
      float[][] probs = m.predict(Batches.timeMajor(imgs));
      List<GateTrace> traces = m.traceBatch(Batches.timeMajor(imgs), List.of());
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(probs[i], traces.get(i).stepProbabilities()[27], 1e-6f);
        float sum = 0;
        for (float p : traces.get(i).stepProbabilities()[5]) {
          sum += p;
        }
        assertEquals(1f, sum, 1e-5f);
      }
      assertEquals(cell.traced().size(), traces.get(0).layers().get(0).size());
    }
  }

  @Test
  void batchTraceMatchesSingleImageTrace() {
    RecurrentClassifier m = RecurrentClassifier.create(SMALL.withCell(CellType.GRU));
    float[][] imgs = EngineFixtures.randomImages(4, 2);
    GateTrace fromBatch = m.traceBatch(Batches.timeMajor(imgs), List.of()).get(2);
    GateTrace single = m.trace(imgs[2]);
    for (int t = 0; t < 28; t++) {
      assertArrayEquals(single.top(Quantity.HIDDEN)[t], fromBatch.top(Quantity.HIDDEN)[t], 1e-5f);
      assertArrayEquals(single.top(Quantity.RESET)[t], fromBatch.top(Quantity.RESET)[t], 1e-5f);
    }
  }

  @Test
  void aSingleImageGivesTheSameAnswerAloneAndInsideABatch() {
    // Alone or in a batch of 8 (other buffers, other product shapes): the same answer.
    RecurrentClassifier m = RecurrentClassifier.create(ModelConfig.classic());
    float[][] imgs = EngineFixtures.randomImages(8, 21);
    float[][] batch = m.predict(Batches.timeMajor(imgs));
    for (int i : new int[] {0, 5}) {
      float[][] alone = m.predict(Batches.timeMajor(new float[][] {imgs[i]}));
      assertArrayEquals(batch[i], alone[0], 1e-5f);
    }
  }

  @Test
  void clampingForgetToZeroLeavesOnlyTheNewCandidate() {
    RecurrentClassifier m = RecurrentClassifier.create(SMALL);
    float[] img = EngineFixtures.randomImages(1, 6)[0];
    GateTrace tr = m.trace(img, List.of(Intervention.clampAll(0, Quantity.FORGET, 0f)));
    for (int t = 0; t < 28; t++) {
      for (int u = 0; u < 16; u++) {
        assertEquals(0f, tr.top(Quantity.FORGET)[t][u], 0f);
        assertEquals(
            tr.top(Quantity.UPDATE)[t][u] * tr.top(Quantity.CANDIDATE)[t][u],
            tr.top(Quantity.CELL)[t][u],
            1e-6,
            "t=" + t);
      }
    }
    GateTrace plain = m.trace(img);
    assertNotEquals(plain.top(Quantity.CELL)[27][0], tr.top(Quantity.CELL)[27][0]);
  }

  @Test
  void silencingUnitsZeroesTheirHiddenState() {
    RecurrentClassifier m = RecurrentClassifier.create(SMALL.withCell(CellType.RNN));
    GateTrace tr =
        m.trace(EngineFixtures.randomImages(1, 1)[0], List.of(Intervention.silence(0, 2, 5)));
    for (int t = 0; t < 28; t++) {
      assertEquals(0f, tr.top(Quantity.HIDDEN)[t][2], 0f);
      assertEquals(0f, tr.top(Quantity.HIDDEN)[t][5], 0f);
      assertNotEquals(0f, tr.top(Quantity.HIDDEN)[t][3]);
    }
  }

  @Test
  void gradientsAreRefusedWhileInterventionsAreActive() {
    RecurrentClassifier m = RecurrentClassifier.create(SMALL);
    m.forward(
        Batches.timeMajor(EngineFixtures.randomImages(1, 1)), List.of(Intervention.silence(0, 1)));
    assertThrows(IllegalStateException.class, () -> m.backward(null));
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() {
    RecurrentClassifier a = RecurrentClassifier.create(ModelConfig.classic());
    RecurrentClassifier b = RecurrentClassifier.create(ModelConfig.classic());
    RecurrentClassifier c = RecurrentClassifier.create(ModelConfig.classic().withSeed(43));
    assertEquals(a.params().flat(), b.params().flat());
    assertNotEquals(a.params().flat(), c.params().flat());
    assertEquals(1.0f, a.params().get("l0.b").getFloat(0, 128 + 5), 0f, "forget bias block");
    assertEquals(0.0f, a.params().get("l0.b").getFloat(0, 5), 0f);
  }

  @Test
  void recurrentWeightBlocksAreOrthogonal() {
    RecurrentClassifier m = RecurrentClassifier.create(SMALL);
    var rw = m.params().get("l0.RW");
    var block = Nd.cols(rw, 16, 32); // Γf block [H, H]
    var prod = block.mmul(block.transpose());
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        assertEquals(i == j ? 1.0 : 0.0, prod.getDouble(i, j), 1e-6); // float weights
      }
    }
  }

  @Test
  void readingByColumnsIsReadingTheTransposedImageByRows() {
    RecurrentClassifier byColumns = RecurrentClassifier.create(SMALL.withReading(Reading.COLUMNS));
    RecurrentClassifier byRows =
        RecurrentClassifier.withParams(SMALL, byColumns.params().flat().dup());
    float[][] imgs = EngineFixtures.randomImages(3, 13);
    float[][] transposed = new float[3][];
    float[][] permuted = new float[3][];
    for (int i = 0; i < 3; i++) {
      transposed[i] = Reading.COLUMNS.apply(imgs[i]);
      permuted[i] = Reading.PERMUTED_ROWS.apply(imgs[i]);
      for (int r = 0; r < 28; r++) {
        assertEquals(imgs[i][r * 28 + 5], transposed[i][5 * 28 + r], 0f);
      }
    }
    assertArrayEquals(
        byRows.predict(Batches.timeMajor(transposed))[2],
        byColumns.predict(Batches.timeMajor(imgs))[2],
        1e-6f);
    RecurrentClassifier byPermutation =
        RecurrentClassifier.withParams(
            SMALL.withReading(Reading.PERMUTED_ROWS), byColumns.params().flat().dup());
    assertArrayEquals(
        byRows.predict(Batches.timeMajor(permuted))[1],
        byPermutation.predict(Batches.timeMajor(imgs))[1],
        1e-6f);
    int[] seen = new int[28];
    for (int t = 0; t < 28; t++) {
      seen[Reading.PERMUTED_ROWS.sliceAt(t)]++;
    }
    for (int c : seen) {
      assertEquals(1, c, "a permutation of the rows");
    }
  }

  @Test
  void theTraceKeepsWhatTheProjectionGivesEveryStep() {
    ModelConfig cfg = new ModelConfig(CellType.LSTM, 1, 6, 9, 1.0, 4).withReading(Reading.COLUMNS);
    RecurrentClassifier m = RecurrentClassifier.create(cfg);
    float[] img = EngineFixtures.randomImages(1, 12)[0];
    GateTrace tr = m.trace(img);
    float[] read = Reading.COLUMNS.apply(img); // row t is what step t reads
    float[][] wp = m.params().get("proj.W").toFloatMatrix(); // [28][9]
    float[] bp = m.params().get("proj.b").toFloatVector(); // [9]
    assertEquals(28, tr.projected().length);
    for (int t = 0; t < 28; t++) {
      for (int j = 0; j < 9; j++) {
        double v = bp[j];
        for (int f = 0; f < 28; f++) {
          v += read[t * 28 + f] * wp[f][j];
        }
        assertEquals(v, tr.projected()[t][j], 1e-5, "t=" + (t + 1) + " j=" + j);
      }
    }
    var noProjection = new ModelConfig(CellType.LSTM, 1, 6, 0, 1.0, 4);
    assertNull(RecurrentClassifier.create(noProjection).trace(img).projected());
  }
}
