package io.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.common.Session;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every hyperparameter field given what a user might type by mistake: each is refused with the
 * reason for that field, and the form becomes valid again once the value is fixed.
 */
class TrainFormTest {
  /** The allowed range of each numeric field, as the form states it. */
  static final Map<Field, String> WHOLE =
      Map.of(
          Field.LAYERS, "1 to 3",
          Field.HIDDEN, "1 to 4,096",
          Field.PROJECTION, "0 to 4,096",
          Field.BATCH, "1 to 4,096",
          Field.EPOCHS, "1 to 1,000",
          Field.SEED, "0 to 2,147,483,647",
          Field.TRAIN_SIZE, "1 to 60,000",
          Field.EVAL_EVERY, "0 to 1,000,000");

  static final Map<Field, String> DECIMAL =
      Map.of(
          Field.LR, "0.0000001 to 10",
          Field.LR_DECAY, "0.001 to 1",
          Field.CLIP, "0 to 1000000",
          Field.FORGET_BIAS, "-100 to 100");

  private final Session session = new Session();
  private final TrainViewModel vm = new TrainViewModel(session);

  @AfterEach
  void stop() {
    session.shutdown();
  }

  String errorFor(Field f, String typed) {
    vm.applyPreset(TrainingConfig.classic());
    vm.form().textProperty(f).set(typed);
    assertNull(vm.form().errors().get(Field.CELL));
    return vm.form().errors().get(f);
  }

  @Test
  void wholeNumberFieldsRefuseEveryKindOfBadValueWithTheirRange() {
    for (var e : WHOLE.entrySet()) {
      Field f = e.getKey();
      String range = e.getValue();
      assertEquals("required: a whole number from " + range, errorFor(f, ""), f.name());
      assertEquals("required: a whole number from " + range, errorFor(f, "   "), f.name());
      assertEquals("must be from " + range, errorFor(f, "-1"), f.name());
      assertEquals("must be from " + range, errorFor(f, "99999999999"), f.name());
      assertEquals("'NaN' is not a whole number", errorFor(f, "NaN"), f.name());
      assertEquals("'Infinity' is not a whole number", errorFor(f, "Infinity"), f.name());
      assertEquals("'1.5' is not a whole number", errorFor(f, "1.5"), f.name());
      assertEquals("'1e99' is not a whole number", errorFor(f, "1e99"), f.name());
      assertEquals(
          "'99999999999999999999' is not a whole number",
          errorFor(f, "99999999999999999999"),
          f.name());
      assertNull(vm.form().validate(), "no config while " + f + " is invalid");
    }
  }

  @Test
  void decimalFieldsRefuseEveryKindOfBadValueWithTheirRange() {
    for (var e : DECIMAL.entrySet()) {
      Field f = e.getKey();
      String range = e.getValue();
      assertEquals("required: a number from " + range, errorFor(f, ""), f.name());
      assertEquals("must be a finite number", errorFor(f, "NaN"), f.name());
      assertEquals("must be a finite number", errorFor(f, "Infinity"), f.name());
      assertEquals("must be a finite number", errorFor(f, "-Infinity"), f.name());
      assertEquals("must be from " + range, errorFor(f, "1e99"), f.name());
      assertEquals("must be from " + range, errorFor(f, "-1e99"), f.name());
      assertEquals("'abc' is not a number", errorFor(f, "abc"), f.name());
      assertEquals("'1,5' is not a number", errorFor(f, "1,5"), f.name());
      assertNull(vm.form().validate(), "no config while " + f + " is invalid");
    }
    assertEquals("must be from 0.0000001 to 10", errorFor(Field.LR, "-0.001"));
    assertEquals("must be from 0.0000001 to 10", errorFor(Field.LR, "0"));
  }

  @Test
  void choiceFieldsRefuseUnknownValues() {
    vm.applyPreset(TrainingConfig.classic());
    vm.form().textProperty(Field.CELL).set("transformer");
    assertEquals("choose LSTM, GRU or RNN", vm.form().errors().get(Field.CELL));
    vm.form().textProperty(Field.CELL).set("lstm");
    vm.form().textProperty(Field.OPTIMIZER).set("");
    assertEquals("choose Adam, SGD, momentum or RMSProp", vm.form().errors().get(Field.OPTIMIZER));
    vm.form().textProperty(Field.OPTIMIZER).set("adam");
    vm.form().textProperty(Field.READING).set("diagonal");
    assertEquals("choose rows, columns or permuted rows", vm.form().errors().get(Field.READING));
  }

  @Test
  void aModelTooLargeForMemoryIsRefusedBeforeTrainingWithTheEstimate() {
    vm.applyPreset(TrainingConfig.classic());
    vm.form().textProperty(Field.LAYERS).set("3");
    vm.form().textProperty(Field.HIDDEN).set("4096");
    vm.form().textProperty(Field.BATCH).set("4096");
    String e = vm.form().errors().get(Field.HIDDEN);
    assertNotNull(e);
    assertEquals(true, e.startsWith("this model needs about "), e);
    assertEquals(true, e.endsWith("use fewer hidden units or a smaller batch"), e);
    assertNull(vm.form().validate());
  }

  @Test
  void fixingTheValueMakesTheFormValidAgain() {
    errorFor(Field.HIDDEN, "NaN");
    vm.form().textProperty(Field.HIDDEN).set("128");
    assertEquals(Map.of(), Map.copyOf(vm.form().errors()));
    assertNotNull(vm.form().validate());
    assertEquals(128, vm.form().validate().model().hidden());
  }

  @Test
  void thePlannedIterationsComeOnlyFromAValidForm() {
    vm.applyPreset(TrainingConfig.classic());
    assertEquals(10 * 469, vm.form().plannedIterationsProperty().get());
    vm.form().textProperty(Field.BATCH).set("999"); // valid on the way to a longer, invalid number
    assertEquals(10 * 61, vm.form().plannedIterationsProperty().get());
    vm.form().textProperty(Field.BATCH).set("99999999");
    assertEquals(0, vm.form().plannedIterationsProperty().get(), "no number from a refused form");
    vm.form().textProperty(Field.BATCH).set("128");
    assertEquals(10 * 469, vm.form().plannedIterationsProperty().get());
  }
}
