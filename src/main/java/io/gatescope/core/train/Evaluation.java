package io.gatescope.core.train;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.Softmax;
import java.util.function.DoubleConsumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model on a labelled set: accuracy, loss, per-class precision and recall and the confusion
 * matrix (counted by ND4J's {@code Evaluation}), plus every prediction for the mistakes gallery.
 *
 * @param confusion [actual][predicted]
 * @param predicted the predicted digit of every image
 * @param confidence the probability of the predicted digit
 */
public record Evaluation(
    int count,
    double accuracy,
    double loss,
    double[] precision,
    double[] recall,
    int[][] confusion,
    int[] predicted,
    float[] confidence) {

  /** Evaluates in batches; {@code progress} receives the fraction done (may be null). */
  public static Evaluation of(
      RecurrentClassifier model, LabeledImages set, int batch, DoubleConsumer progress) {
    int n = set.size();
    var eval = new org.nd4j.evaluation.classification.Evaluation(ModelConfig.CLASSES);
    int[] predicted = new int[n];
    float[] confidence = new float[n];
    float[] buffer = new float[ModelConfig.STEPS * batch * ModelConfig.FEATURES];
    int[] labels = new int[batch];
    double loss = 0;
    int[] padded = new int[((n + batch - 1) / batch) * batch];
    for (int i = 0; i < padded.length; i++) {
      padded[i] = i < n ? i : i % n;
    }
    for (int from = 0; from < n; from += batch) {
      int to = Math.min(n, from + batch);
      int b = to - from;
      // The last chunk is padded to a whole batch (extra rows are ignored), so the model keeps
      // one set of buffers for the whole evaluation.
      INDArray x = Batches.timeMajor(set, padded, from, from + batch, labels, buffer);
      float[][] p = java.util.Arrays.copyOf(model.predict(x), b);
      float[][] oneHot = new float[b][ModelConfig.CLASSES];
      for (int i = 0; i < b; i++) {
        oneHot[i][labels[i]] = 1;
        int k = Softmax.argmax(p[i]);
        predicted[from + i] = k;
        confidence[from + i] = p[i][k];
        loss -= Math.log(Math.max(p[i][labels[i]], 1e-30));
      }
      eval.eval(Nd4j.create(oneHot), Nd4j.create(p));
      if (progress != null) {
        progress.accept(to / (double) n);
      }
    }
    int k = ModelConfig.CLASSES;
    int[][] confusion = new int[k][k];
    double[] precision = new double[k];
    double[] recall = new double[k];
    for (int a = 0; a < k; a++) {
      for (int p = 0; p < k; p++) {
        confusion[a][p] = eval.getConfusionMatrix().getCount(a, p);
      }
      precision[a] = eval.precision(a);
      recall[a] = eval.recall(a);
    }
    return new Evaluation(
        n, eval.accuracy(), loss / n, precision, recall, confusion, predicted, confidence);
  }

  /** Accuracy of one digit class (recall), for the per-class table. */
  public double classAccuracy(int digit) {
    int total = 0;
    for (int p = 0; p < confusion.length; p++) {
      total += confusion[digit][p];
    }
    return total == 0 ? 0 : confusion[digit][digit] / (double) total;
  }
}
