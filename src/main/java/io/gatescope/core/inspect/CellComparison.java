package io.gatescope.core.inspect;

import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.Trainer;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.core.train.TrainingListener;
import io.gatescope.core.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The "Compare cells" experiment: LSTM, GRU and vanilla RNN trained one after another with the same
 * seed, data order and budget, then their test accuracy over training and their gradient flow.
 */
public final class CellComparison {
  /**
   * One cell's outcome; {@code curve} holds (iteration, test accuracy) pairs; {@code model} is the
   * model as trained (Inside reads its gradients for one digit).
   */
  public record Outcome(
      CellType cell,
      TrainingResult result,
      List<double[]> curve,
      GradientFlow flow,
      RecurrentClassifier model) {}

  private CellComparison() {}

  /**
   * @param progress receives (cell, fraction of that cell's run done)
   * @param cancelled polled between minibatches
   */
  public static List<Outcome> run(
      TrainingConfig base,
      Mnist data,
      BiConsumer<CellType, Double> progress,
      BooleanSupplier cancelled) {
    List<Outcome> out = new ArrayList<>();
    for (CellType cell : CellType.values()) {
      if (cancelled.getAsBoolean()) {
        break;
      }
      TrainingConfig cfg = base.toBuilder().model(base.model().withCell(cell)).build();
      List<double[]> curve = new ArrayList<>();
      Trainer[] holder = new Trainer[1];
      holder[0] =
          new Trainer(
              cfg,
              data,
              null,
              new TrainingListener() {
                @Override
                public void onIteration(io.gatescope.core.train.IterationStats s) {
                  progress.accept(cell, s.iteration() / (double) s.totalIterations());
                  if (cancelled.getAsBoolean()) {
                    holder[0].cancel();
                  }
                }

                @Override
                public void onEvaluation(EvaluationStats s) {
                  curve.add(new double[] {s.iteration(), s.testAccuracy()});
                }
              });
      TrainingResult r = holder[0].run();
      GradientFlow flow =
          GradientFlow.measure(cell.name(), holder[0].model(), data.test().head(256), 256);
      out.add(new Outcome(cell, r, curve, flow, holder[0].model()));
    }
    return out;
  }
}
