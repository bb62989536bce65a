package io.gatescope.core.train;

import io.gatescope.core.engine.RecurrentClassifier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Updates the model's flat parameter array from its gradient: optional clipping of the gradient by
 * its global norm, then the optimizer's step. Adam, the lesson's optimizer and the one nearly every
 * run uses, is written out in {@link Adam}; the others are ND4J's updaters, which turn the gradient
 * into a step in place (state in one flat array), then params −= step.
 */
public final class Optimizer {
  private final RecurrentClassifier model;
  private final Adam adam; // the lesson's optimizer, written out; null for the others
  private final GradientUpdater<?> updater;
  private final INDArray state;
  private final double clipNorm;
  private int iteration;

  public Optimizer(RecurrentClassifier model, IUpdater config, double clipNorm) {
    this.model = model;
    this.clipNorm = clipNorm;
    long n = model.params().size();
    if (config instanceof org.nd4j.linalg.learning.config.Adam a) {
      this.adam = new Adam(a, Math.toIntExact(n));
      this.state = null;
      this.updater = null;
      return;
    }
    this.adam = null;
    long stateSize = config.stateSize(n);
    this.state =
        stateSize > 0
            ? Nd4j.zeros(model.params().dataType(), 1, stateSize) // [1, state]
            : null;
    this.updater = config.instantiate(state, true);
  }

  /** One update from the gradients the last backward pass left in the model. Returns the norm. */
  public double step(int epoch) {
    return step(epoch, gradientNorm());
  }

  /**
   * The global norm ‖g‖₂ of the gradients the last backward pass left in the model. With Adam the
   * gradient is read once for both this and the {@link #step(int, double)} that follows.
   */
  public double gradientNorm() {
    INDArray g = model.gradients().flat(); // [n]
    return adam != null ? adam.load(g) : g.norm2Number().doubleValue();
  }

  /** As {@link #step(int)}, for a caller that already has the gradient's global norm. */
  public double step(int epoch, double norm) {
    INDArray g = model.gradients().flat(); // [n]
    boolean clip = clipNorm > 0 && norm > clipNorm;
    if (adam != null) {
      adam.step(
          model.params().flat(), g, clip ? (float) (clipNorm / norm) : 1f, iteration++, epoch);
      return norm;
    }
    if (clip) {
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

  /** ND4J's updater state (e.g. momentum's), or null for plain SGD and for Adam. */
  public INDArray state() {
    return state;
  }

  /** The written-out Adam, or null when another optimizer is in use (for tests). */
  Adam adam() {
    return adam;
  }
}
