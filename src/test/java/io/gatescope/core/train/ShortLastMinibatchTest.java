package io.gatescope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.data.DataLocator;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 10 training images in batches of 4 make minibatches of 4, 4 and 2. Which images each minibatch
 * held is found from the losses alone (no knowledge of the shuffle): with the weights the step
 * started from, the reported loss is the mean of exactly one set of that many images' own losses.
 */
class ShortLastMinibatchTest {
  private static final double LR = 0.5;

  private static TrainingConfig config() {
    return TrainingConfig.builder()
        .model(new ModelConfig(CellType.LSTM, 1, 8, 4, 1.0, 17))
        .batch(4)
        .epochs(2)
        .learningRate(LR)
        .optimizer(OptimizerKind.SGD)
        .trainSize(10)
        .testSize(20)
        .lrDecay(1.0)
        .build();
  }

  @Test
  void everyImageOnceAnEpochAndTheShortBatchIsTheMeanOverItsTwoImages() throws Exception {
    Mnist data = Mnist.load(DataLocator.mnistFolder(Optional.empty()));
    LabeledImages train = data.train().head(10);
    TrainingConfig cfg = config();
    RecurrentClassifier model = RecurrentClassifier.create(cfg.model());
    List<double[]> before = new ArrayList<>(); // weights each step started from, and the last
    List<Double> losses = new ArrayList<>();
    before.add(model.params().flat().toDoubleVector());
    TrainingResult r =
        new Trainer(
                cfg,
                data,
                model,
                new TrainingListener() {
                  @Override
                  public void onIteration(IterationStats s) {
                    losses.add(s.loss());
                    before.add(model.params().flat().toDoubleVector());
                  }
                })
            .run();
    assertEquals(6, r.iterations(), "3 minibatches an epoch, 2 epochs");
    assertEquals(3, cfg.iterationsPerEpoch());

    int[] sizes = {4, 4, 2};
    for (int epoch = 0; epoch < 2; epoch++) {
      Set<Integer> seen = new HashSet<>();
      for (int j = 0; j < 3; j++) {
        int step = epoch * 3 + j;
        double[] own = ownLosses(cfg, before.get(step), train);
        List<Integer> batch = onlySetWithMean(own, sizes[j], losses.get(step), step);
        for (int i : batch) {
          assertTrue(seen.add(i), "image " + i + " twice in epoch " + (epoch + 1));
        }
      }
      assertEquals(10, seen.size(), "every image in epoch " + (epoch + 1));
    }

    // The short batch's gradient is the mean over its two images alone.
    for (int step : new int[] {2, 5}) {
      double[] own = ownLosses(cfg, before.get(step), train);
      List<Integer> two = onlySetWithMean(own, 2, losses.get(step), step);
      RecurrentClassifier ref =
          RecurrentClassifier.withParams(cfg.model(), Nd4j.createFromArray(before.get(step)));
      float[][] imgs = {
        train.images().imageAsFloats(two.get(0)), train.images().imageAsFloats(two.get(1))
      };
      int[] labels = {train.label(two.get(0)), train.label(two.get(1))};
      double refLoss = ref.lossAndGradient(Batches.timeMajor(imgs), labels);
      assertEquals(refLoss, losses.get(step), 1e-6, "loss of step " + (step + 1));
      assertEquals((own[two.get(0)] + own[two.get(1)]) / 2, refLoss, 1e-6);
      double[] g = ref.gradients().flat().toDoubleVector();
      double[] p0 = before.get(step);
      double[] p1 = before.get(step + 1);
      double norm = 0;
      for (double v : g) {
        norm = Math.max(norm, Math.abs(v));
      }
      assertTrue(norm > 1e-4, "a gradient to compare");
      for (int k = 0; k < g.length; k++) {
        double used = (p0[k] - p1[k]) / LR; // SGD: p ← p − lr·g
        // Weights are float: the step is read back to within their rounding (an ulp of p).
        double tol = 2 * Math.ulp((float) p0[k]) / LR + 1e-5 * norm;
        assertEquals(g[k], used, tol, "gradient entry " + k + " of step " + step);
      }
    }
  }

  /** Each training image's own loss under the given weights. */
  private static double[] ownLosses(TrainingConfig cfg, double[] params, LabeledImages train) {
    RecurrentClassifier m =
        RecurrentClassifier.withParams(cfg.model(), Nd4j.createFromArray(params));
    double[] out = new double[train.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          m.loss(
              Batches.timeMajor(new float[][] {train.images().imageAsFloats(i)}),
              new int[] {train.label(i)});
    }
    return out;
  }

  /** The one set of k images whose mean own loss is the reported loss. */
  private static List<Integer> onlySetWithMean(double[] own, int k, double loss, int step) {
    List<List<Integer>> found = new ArrayList<>();
    subsets(
        own.length,
        k,
        0,
        new ArrayList<>(),
        s -> {
          double sum = 0;
          for (int i : s) {
            sum += own[i];
          }
          if (Math.abs(sum / k - loss) < 2e-6) { // float: one image alone or in a batch

            found.add(List.copyOf(s));
          }
        });
    assertEquals(1, found.size(), "sets of " + k + " images with step " + (step + 1) + "'s loss");
    return found.get(0);
  }

  private static void subsets(
      int n, int k, int from, List<Integer> cur, java.util.function.Consumer<List<Integer>> f) {
    if (cur.size() == k) {
      f.accept(cur);
      return;
    }
    for (int i = from; i < n; i++) {
      cur.add(i);
      subsets(n, k, i + 1, cur, f);
      cur.remove(cur.size() - 1);
    }
  }
}
