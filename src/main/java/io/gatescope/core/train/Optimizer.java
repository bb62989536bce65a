package io.gatescope.core.train;

import io.gatescope.core.engine.RecurrentClassifier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Applies an ND4J updater to the model's flat parameter array: optional clipping of the gradient by
 * its global norm, then the updater turns the gradient into a step in place, then params −= step.
 * The updater state (Adam's moments) lives in one flat array too, so it can be saved.
 */
public final class Optimizer {
  private final RecurrentClassifier model;
  private final GradientUpdater<?> updater;
  private final INDArray state;
  private final double clipNorm;
  private int iteration;

  public Optimizer(RecurrentClassifier model, IUpdater config, double clipNorm) {
    this.model = model;
    this.clipNorm = clipNorm;
    long n = model.params().size();
    long stateSize = config.stateSize(n);
    this.state =
        stateSize > 0
            ? Nd4j.zeros(model.params().dataType(), 1, stateSize) // [1, state]
            : null;
    this.updater = config.instantiate(state, true);
  }

  /** One update from the gradients the last backward pass left in the model. Returns the norm. */
  public double step(int epoch) {
    return step(epoch, model.gradients().flat().norm2Number().doubleValue());
  }

  /** As {@link #step(int)}, for a caller that already has the gradient's global norm. */
  public double step(int epoch, double norm) {
    INDArray g = model.gradients().flat(); // [n]
    if (clipNorm > 0 && norm > clipNorm) {
      g.muli(clipNorm / norm);
    }
    INDArray g2 = g.reshape(1, g.length()); // [1, n] view, the shape the updaters expect
    updater.applyUpdater(g2, iteration++, epoch);
    model.params().flat().subi(g);
    return norm;
  }

  public int iteration() {
    return iteration;
  }

  /** Updater state (e.g. Adam's m and v), or null for plain SGD. */
  public INDArray state() {
    return state;
  }
}
