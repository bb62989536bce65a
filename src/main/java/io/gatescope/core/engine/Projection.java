package io.gatescope.core.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The lesson's dense projection before the first recurrent layer: x⟨t⟩·Wp + bp, 28 → P, no
 * activation. A pass never makes it: it folds into the first layer's input weights (see {@link
 * InputSide#folded}), its gradients come back from there, and a trace computes its values only to
 * show them.
 */
final class Projection {
  private final INDArray wp; // [F, P]
  private final INDArray bp; // [1, P]
  private final INDArray dwp;
  private final INDArray dbp;

  private Projection(ParamSet params, ParamSet grads) {
    this.wp = params.get("proj.W");
    this.bp = params.get("proj.b");
    this.dwp = grads.get("proj.W");
    this.dbp = grads.get("proj.b");
  }

  /** Its entries at the head of the parameter layout (none without a projection). */
  static List<ParamSet.Spec> specs(ModelConfig config) {
    int p = config.projection();
    return p > 0
        ? List.of(
            new ParamSet.Spec("proj.W", ModelConfig.FEATURES, p), new ParamSet.Spec("proj.b", 1, p))
        : List.of();
  }

  /** The projection of a model's parameters and gradients, or null when the config has none. */
  static Projection of(ModelConfig config, ParamSet params, ParamSet grads) {
    return config.projection() > 0 ? new Projection(params, grads) : null;
  }

  void initialize(SplittableRandom rnd) {
    Init.xavier(wp, rnd);
  }

  /** x [T·B, F] into the first layer, the projection folded into its input side. */
  void feed(RecurrentLayer first, INDArray x, boolean sameWeights) {
    first.inputFolded(x, wp, bp, sameWeights);
  }

  /** After the first layer's backward pass: ∂Wp and ∂bp. */
  void gradients(RecurrentLayer first) {
    first.projectionGradients(dwp, dbp);
  }

  /**
   * x⟨t⟩·Wp + bp of every step and sample of a forward pass's input x [T·B, F] (as that pass read
   * it, not arranged again), [T·B·P] time-major: what the projection gives, for a trace to show.
   */
  float[] values(INDArray x) {
    int rows = (int) x.rows();
    Mirror p = new Mirror(rows, wp.columns(), 0); // [T·B, P]
    Nd.gemm(x, wp, p.array, false, false, 0); // x·W_p
    return p.readAddingToRows(Nd.floats(bp), rows); // + b_p
  }
}
