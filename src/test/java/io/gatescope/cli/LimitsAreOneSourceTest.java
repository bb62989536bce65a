package io.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.Limits;
import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.train.MemoryEstimate;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.common.Session;
import io.gatescope.ui.train.Field;
import io.gatescope.ui.train.TrainViewModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One table of limits: for every hyperparameter in {@link Limits}, the Train form, {@link
 * TrainingConfig#validate()} (with {@link ModelConfig}'s checks) and {@code gatescope train} accept
 * its min and max and refuse the values just outside, every bound read from the table.
 */
class LimitsAreOneSourceTest {
  /**
   * A small run to start from, so a bound is never refused for memory (hidden units 4,096 at batch
   * 128 do not fit every machine): 8 hidden units, projection 8, batch 1.
   */
  static final TrainingConfig BASE =
      TrainingConfig.builder()
          .model(new ModelConfig(CellType.LSTM, 1, 8, 8, 1.0, 42))
          .batch(1)
          .epochs(1)
          .trainSize(1000)
          .testSize(1000)
          .lrDecay(1.0)
          .build();

  private final Session session = new Session();
  private final TrainViewModel vm = new TrainViewModel(session);

  @AfterEach
  void stop() {
    session.shutdown();
  }

  /** Just below min and just above max: the next whole number, or the next double. */
  static double below(Limits l) {
    return l.kind() == Limits.Kind.WHOLE ? l.min() - 1 : Math.nextDown(l.min());
  }

  static double above(Limits l) {
    return l.kind() == Limits.Kind.WHOLE ? l.max() + 1 : Math.nextUp(l.max());
  }

  /** As a user types it: "4096", not "4096.0". */
  static String typed(Limits l, double v) {
    return l.kind() == Limits.Kind.WHOLE ? Long.toString((long) v) : Double.toString(v);
  }

  @Test
  void theFormTheConfigAndTheCommandLineAcceptTheBoundsAndRefuseJustOutside() {
    for (Limits l : Limits.values()) {
      for (double v : new double[] {l.min(), l.max()}) {
        String what = l + " = " + typed(l, v);
        TrainingConfig c = configWith(l, v);
        // Within range; only a heap too small for the model may still refuse it (as it says).
        String memory = memoryReason(c);
        if (memory == null) {
          assertEquals(List.of(), c.validate(), what);
          assertNotNull(cli(l, typed(l, v)), what);
          if (formShows(l)) {
            assertEquals(Map.of(), Map.copyOf(form(l, typed(l, v))), what);
          }
        } else {
          assertEquals(
              List.of(new TrainingConfig.FieldError("hidden", memory)), c.validate(), what);
          assertEquals(Map.of(Field.HIDDEN, memory), Map.copyOf(form(l, typed(l, v))), what);
        }
      }
      for (double v : new double[] {below(l), above(l)}) {
        String what = l + " = " + typed(l, v);
        assertTrue(configRefuses(l, v), what);
        assertThrows(Cli.UserError.class, () -> cli(l, typed(l, v)), what);
        if (formShows(l)) {
          assertEquals(formRangeReason(l), form(l, typed(l, v)).get(Field.valueOf(l.name())), what);
        }
      }
    }
  }

  /** The test-set size and the target accuracy are set by the form, to values the table allows. */
  @Test
  void whatTheFormDoesNotShowItSetsWithinTheTable() {
    TrainingConfig c = vm.form().validate();
    assertNotNull(c);
    assertEquals(Limits.TEST_SIZE.maxWhole(), c.testSize());
    assertTrue(Limits.TARGET_ACCURACY.allows(c.targetAccuracy()));
  }

  /**
   * The memory reason validate() gives when the model does not fit this heap; null when it fits.
   */
  static String memoryReason(TrainingConfig c) {
    long need = MemoryEstimate.bytes(c.model(), c.batch());
    long max = Runtime.getRuntime().maxMemory();
    return need > max * 0.8
        ? Messages.get(
            "config.error.memory", MemoryEstimate.human(need), c.batch(), MemoryEstimate.human(max))
        : null;
  }

  /** The form's own reason, with the table's bounds as a user would type them. */
  static String formRangeReason(Limits l) {
    return l.kind() == Limits.Kind.WHOLE
        ? Messages.get("train.error.range", l.minWhole(), l.maxWhole())
        : Messages.get("train.error.range", plain(l.min()), plain(l.max()));
  }

  static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  static boolean formShows(Limits l) {
    return l != Limits.TEST_SIZE && l != Limits.TARGET_ACCURACY;
  }

  Map<Field, String> form(Limits l, String text) {
    vm.applyPreset(BASE);
    vm.form().textProperty(Field.valueOf(l.name())).set(text);
    return vm.form().errors();
  }

  /** The base config with one hyperparameter set to {@code v}. */
  static TrainingConfig configWith(Limits l, double v) {
    TrainingConfig c = BASE;
    ModelConfig m = c.model();
    int n = (int) v;
    ModelConfig model =
        new ModelConfig(
            m.cell(),
            l == Limits.LAYERS ? n : m.layers(),
            l == Limits.HIDDEN ? n : m.hidden(),
            l == Limits.PROJECTION ? n : m.projection(),
            l == Limits.FORGET_BIAS ? v : m.forgetBias(),
            l == Limits.SEED ? (long) v : m.seed());
    return TrainingConfig.builder()
        .model(model)
        .batch(l == Limits.BATCH ? n : c.batch())
        .epochs(l == Limits.EPOCHS ? n : c.epochs())
        .learningRate(l == Limits.LR ? v : c.learningRate())
        .optimizer(c.optimizer())
        .clipNorm(l == Limits.CLIP ? v : c.clipNorm())
        .trainSize(l == Limits.TRAIN_SIZE ? n : c.trainSize())
        .testSize(l == Limits.TEST_SIZE ? n : c.testSize())
        .evalEvery(l == Limits.EVAL_EVERY ? n : c.evalEvery())
        .targetAccuracy(l == Limits.TARGET_ACCURACY ? v : c.targetAccuracy())
        .lrDecay(l == Limits.LR_DECAY ? v : c.lrDecay())
        .build();
  }

  /** Refused when built (the model's shape) or by validate(), on that hyperparameter's field. */
  static boolean configRefuses(Limits l, double v) {
    TrainingConfig c;
    try {
      c = configWith(l, v);
    } catch (IllegalArgumentException e) {
      return true;
    }
    return c.validate().stream().anyMatch(e -> e.field().equals(l.field()));
  }

  /** {@code gatescope train} with one option set: the run it would start, or a user error. */
  static TrainingConfig cli(Limits l, String value) {
    var cl = GateScopeCommand.commandLine();
    List<String> args = new ArrayList<>(List.of("train", "--out", "unused.gatescope"));
    for (var base :
        Map.of(Limits.HIDDEN, "8", Limits.PROJECTION, "8", Limits.BATCH, "1").entrySet()) {
      if (base.getKey() != l) {
        args.addAll(List.of(option(base.getKey()), base.getValue()));
      }
    }
    args.addAll(List.of(option(l), value));
    var parsed = cl.parseArgs(args.toArray(String[]::new));
    TrainCommand train = (TrainCommand) parsed.subcommand().commandSpec().userObject();
    return train.config();
  }

  static String option(Limits l) {
    return l == Limits.PROJECTION ? "--proj" : "--" + l.field().replace('_', '-');
  }
}
