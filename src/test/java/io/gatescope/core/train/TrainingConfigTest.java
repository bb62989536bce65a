package io.gatescope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {
  private static final TrainingConfig C = TrainingConfig.classic();

  @Test
  void classicDefaultsAreTheLessons() {
    assertEquals(128, C.model().projection());
    assertEquals(128, C.model().hidden());
    assertEquals(128, C.batch());
    assertEquals(1e-3, C.learningRate());
    assertEquals(OptimizerKind.ADAM, C.optimizer());
    assertEquals(1.0, C.model().forgetBias());
    assertEquals(CellType.LSTM, C.model().cell());
    assertEquals(List.of(), C.validate());
    assertEquals(469, C.iterationsPerEpoch());
  }

  static TrainingConfig with(int batch, int epochs, double lr, double clip, double target) {
    return TrainingConfig.builder()
        .batch(batch)
        .epochs(epochs)
        .learningRate(lr)
        .clipNorm(clip)
        .targetAccuracy(target)
        .lrDecay(1.0)
        .build();
  }

  @Test
  void badNumbersNameTheFieldAndTheRange() {
    assertEquals(
        "batch: must be a whole number from 1 to 4096",
        with(0, 1, 1e-3, 0, 0).validate().get(0).toString());
    assertEquals(
        "batch: must be a whole number from 1 to 4096",
        with(100_000, 1, 1e-3, 0, 0).validate().get(0).toString());
    assertEquals(
        "epochs: must be a whole number from 1 to 1000",
        with(128, -3, 1e-3, 0, 0).validate().get(0).toString());
    for (double lr : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1e-3, 0, 1e9}) {
      assertEquals(
          "learning rate: must be a number from 0.0000001 to 10",
          with(128, 1, lr, 0, 0).validate().get(0).toString(),
          "lr " + lr);
    }
    assertEquals(
        "gradient clip: must be 0 (off) or a positive number ≤ 1e6",
        with(128, 1, 1e-3, Double.NaN, 0).validate().get(0).toString());
    assertEquals(
        "target accuracy: must be 0 (none) or a fraction in (0, 1]",
        with(128, 1, 1e-3, 0, 1.5).validate().get(0).toString());
  }

  @Test
  void theDecayReasonStatesTheRangeThatIsEnforced() {
    for (double decay : new double[] {0, 0.0009, 1.01, Double.NaN}) {
      TrainingConfig c = TrainingConfig.builder().lrDecay(decay).build();
      assertEquals(
          List.of("lr decay / epoch: must be from 0.001 to 1; 1 keeps the rate constant"),
          c.validate().stream().map(TrainingConfig.FieldError::toString).toList(),
          "decay " + decay);
    }
    assertEquals(List.of(), TrainingConfig.builder().lrDecay(0.001).build().validate());
    assertEquals(List.of(), TrainingConfig.builder().learningRate(1e-7).build().validate());
  }

  @Test
  void theBuilderStartsFromTheClassicLessonAndToBuilderKeepsEveryValue() {
    TrainingConfig q = TrainingConfig.quickDemo();
    assertEquals(q, q.toBuilder().build());
    TrainingConfig changed = q.toBuilder().epochs(7).build();
    assertEquals(7, changed.epochs());
    assertEquals(
        q,
        changed.toBuilder().epochs(2).build(),
        "only the value set changed; the ten others came along");
    TrainingConfig b = TrainingConfig.builder().build();
    assertEquals(ModelConfig.classic(), b.model());
    assertEquals(10, b.epochs());
    assertEquals(0.8, b.lrDecay());
    assertEquals(60_000, b.trainSize());
    assertEquals(10_000, b.testSize());
  }

  @Test
  void modelFieldsAreCheckedWhenBuilt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new ModelConfig(CellType.LSTM, 1, 0, 128, 1, 1));
    assertEquals("hidden units must be 1..4096 (got 0)", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ModelConfig(CellType.LSTM, 1, 8, 8, Double.NaN, 1));
    assertEquals("forget bias must be a finite number in [-100, 100] (got NaN)", e.getMessage());
    assertEquals(
        "layers must be 1, 2 or 3 (got 4)",
        assertThrows(
                IllegalArgumentException.class, () -> new ModelConfig(CellType.GRU, 4, 8, 8, 1, 1))
            .getMessage());
  }

  @Test
  void aModelTooLargeForMemoryIsRefusedBeforeTrainingWithTheEstimate() {
    TrainingConfig huge =
        TrainingConfig.builder()
            .model(new ModelConfig(CellType.LSTM, 3, 4096, 128, 1, 1))
            .batch(4096)
            .epochs(1)
            .lrDecay(1)
            .build();
    var errors = huge.validate();
    assertEquals(1, errors.size());
    assertEquals("hidden", errors.get(0).field());
    assertTrue(errors.get(0).message().contains("GiB of memory at batch 4096"), errors.toString());
  }
}
