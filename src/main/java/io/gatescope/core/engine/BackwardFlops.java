package io.gatescope.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix products of one backward trace ({@link RecurrentClassifier#backwardTrace}), recorded
 * as the engine makes them, with their shapes, transposes and counts: what {@code bench} counts as
 * the trace's floating-point work and replays ({@link GemmReplay}) to measure the sgemm rate on
 * exactly those shapes. Recorded, not derived: how many samples each step computes depends on the
 * image (a blank row's occlusion copy computes nothing, see {@link ActiveRows}).
 */
public final class BackwardFlops {
  private BackwardFlops() {}

  /**
   * The products of {@code model.backwardTrace(image, target)} made again with the same weights (as
   * a timed series makes them: the folded projection is not made again), in the order first made.
   */
  public static List<StepFlops.Product> products(
      RecurrentClassifier model, float[] image, int target) {
    model.backwardTrace(image, target);
    Map<List<Object>, int[]> counts = new LinkedHashMap<>();
    Nd.Probe before = Nd.probe;
    Nd.probe =
        new Nd.Probe() {
          @Override
          public void product(long m, long n, long k) {
            throw new IllegalStateException("told without transposes");
          }

          @Override
          public void product(long m, long n, long k, boolean ta, boolean tb) {
            counts.computeIfAbsent(List.of(m, n, k, ta, tb), x -> new int[1])[0]++;
          }
        };
    try {
      model.backwardTrace(image, target);
    } finally {
      Nd.probe = before;
    }
    List<StepFlops.Product> out = new ArrayList<>();
    counts.forEach(
        (p, times) ->
            out.add(
                new StepFlops.Product(
                    "backward trace",
                    ((Long) p.get(0)).intValue(),
                    ((Long) p.get(1)).intValue(),
                    ((Long) p.get(2)).intValue(),
                    (Boolean) p.get(3),
                    (Boolean) p.get(4),
                    times[0])));
    return out;
  }
}
