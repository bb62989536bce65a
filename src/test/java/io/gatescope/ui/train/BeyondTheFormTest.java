package io.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatescope.core.Limits;
import org.junit.jupiter.api.Test;

/**
 * A reason from {@code TrainingConfig.validate()} lands on the field it is about, and a reason for
 * a value the form does not show (test-set size, target accuracy) lands on no field at all: never
 * on the batch field.
 */
class BeyondTheFormTest {
  @Test
  void everyReasonLandsOnItsOwnFieldAndNoOther() {
    for (Field f : Field.values()) {
      assertEquals(f, Field.of(f.name().toLowerCase()));
    }
    assertEquals(Field.LR_DECAY, Field.of(Limits.LR_DECAY.field()));
    assertNull(Field.of(Limits.TEST_SIZE.field()));
    assertNull(Field.of(Limits.TARGET_ACCURACY.field()));
    assertNull(Field.of("something new"));
  }
}
