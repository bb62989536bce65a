package io.gatescope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** The written-out Adam against ND4J's Adam updater, the reference it replaces. */
class AdamTest {
  private static final int N = 1001; // not a multiple of the norm's four partial sums

  @Test
  void givesNd4jsParametersAndMomentsStepAfterStep() {
    agreeOver(new org.nd4j.linalg.learning.config.Adam(1e-3), 1f, 12);
  }

  @Test
  void followsTheLearningRateScheduleByEpoch() {
    var schedule = new ExponentialSchedule(ScheduleType.EPOCH, 5e-3, 0.5);
    agreeOver(new org.nd4j.linalg.learning.config.Adam(schedule), 1f, 6);
  }

  @Test
  void scalesTheGradientBeforeTheMoments() {
    // clipping by the global norm hands a scale below 1
    agreeOver(new org.nd4j.linalg.learning.config.Adam(1e-2), 0.25f, 5);
  }

  @Test
  void readsTheGradientOnceForItsNormAndTheStep() {
    // the trainer asks for the norm first (divergence, clipping), then steps on what was read
    agreeOver(new org.nd4j.linalg.learning.config.Adam(1e-3), 1f, 6, true);
  }

  @Test
  void refusesAnArrayOfAnotherSize() {
    Adam adam = new Adam(new org.nd4j.linalg.learning.config.Adam(1e-3), N);
    INDArray small = Nd4j.zeros(DataType.FLOAT, N - 1);
    assertThrows(IllegalArgumentException.class, () -> adam.step(small, small, 1f, 0, 0));
  }

  /**
   * Same start, same gradients: after every step the parameters and both moments agree with ND4J's
   * (whose update, written into the gradient, is subtracted as the optimizer did before).
   */
  private static void agreeOver(
      org.nd4j.linalg.learning.config.Adam config, float scale, int steps) {
    agreeOver(config, scale, steps, false);
  }

  /** As above; with {@code norms}, each gradient's norm is asked for first and checked. */
  private static void agreeOver(
      org.nd4j.linalg.learning.config.Adam config, float scale, int steps, boolean norms) {
    SplittableRandom r = new SplittableRandom(7);
    INDArray ours = Nd4j.zeros(DataType.FLOAT, N);
    fill(ours, r, 1);
    INDArray theirs = ours.dup();
    INDArray state = Nd4j.zeros(DataType.FLOAT, 1, config.stateSize(N));
    GradientUpdater<?> nd4j = config.instantiate(state, true);
    Adam adam = new Adam(config, N);
    for (int it = 0; it < steps; it++) {
      int epoch = it / 2;
      INDArray grad = Nd4j.zeros(DataType.FLOAT, N);
      fill(grad, r, 1 + it); // gradients of growing size, some tiny
      if (norms) {
        double expected = grad.norm2Number().doubleValue();
        assertEquals(expected, adam.load(grad), 1e-6 * expected, "‖g‖ at step " + it);
      }
      adam.step(ours, grad, scale, it, epoch);

      INDArray g2 = grad.mul(scale).reshape(1, N);
      nd4j.applyUpdater(g2, it, epoch);
      theirs.subi(g2.reshape(N));

      for (int i = 0; i < N; i++) {
        assertClose(theirs.getFloat(i), ours.getFloat(i), "θ[" + i + "] after step " + it);
        assertClose(state.getFloat(0, i), adam.firstMoment()[i], "m[" + i + "]");
        assertClose(state.getFloat(0, N + i), adam.secondMoment()[i], "v[" + i + "]");
      }
    }
  }

  private static void fill(INDArray a, SplittableRandom r, double size) {
    for (int i = 0; i < a.length(); i++) {
      double u = r.nextDouble(-1, 1);
      a.putScalar(i, (float) (i % 17 == 0 ? u * 1e-6 : u * size));
    }
  }

  private static void assertClose(float expected, float actual, String what) {
    assertEquals(expected, actual, 2e-6f * Math.max(1, Math.abs(expected)), what);
  }
}
