package io.gatescope.core.train;

import io.gatescope.core.Messages;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.Batches;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.engine.Softmax;
import io.gatescope.core.train.TrainingResult.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The training loop: seeded shuffles, minibatches, ND4J's updater, evaluation on the test set, and
 * listener callbacks. It blocks the calling thread; {@link #pause()}, {@link #resume()} and {@link
 * #cancel()} may be called from any other thread and take effect between minibatches.
 *
 * <p>A loss or gradient that is not finite stops the run and puts back the weights from before the
 * step that produced it.
 */
public final class Trainer {
  /** Images in the fixed probe batch used for gate saturation. */
  static final int PROBE = 128;

  private final TrainingConfig config;
  private final LabeledImages train;
  private final LabeledImages test;
  private final RecurrentClassifier model;
  private final TrainingListener listener;
  private final Object lock = new Object();
  private volatile boolean paused;
  private volatile boolean cancelled;

  /**
   * @param model the model to train (its config must be {@code config.model()}), or null to create
   *     one from the config's seed
   */
  public Trainer(
      TrainingConfig config, Mnist data, RecurrentClassifier model, TrainingListener listener) {
    List<TrainingConfig.FieldError> errors = config.validate();
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(errors.get(0).toString());
    }
    this.config = config;
    this.train = data.train().head(config.trainSize());
    this.test = data.test().head(config.testSize());
    this.model = model != null ? model : RecurrentClassifier.create(config.model());
    if (!this.model.config().equals(config.model())) {
      throw new IllegalArgumentException("the model does not match the training configuration");
    }
    this.listener = listener != null ? listener : new TrainingListener() {};
  }

  public RecurrentClassifier model() {
    return model;
  }

  public void pause() {
    paused = true;
  }

  public void resume() {
    synchronized (lock) {
      paused = false;
      lock.notifyAll();
    }
  }

  public void cancel() {
    synchronized (lock) {
      cancelled = true;
      lock.notifyAll();
    }
  }

  public boolean isPaused() {
    return paused;
  }

  /** Runs to the end (epochs done, target reached, cancelled or diverged). */
  public TrainingResult run() {
    int perEpoch = config.iterationsPerEpoch();
    int total = perEpoch * config.epochs();
    ISchedule schedule =
        config.lrDecay() < 1
            ? new ExponentialSchedule(ScheduleType.EPOCH, config.learningRate(), config.lrDecay())
            : null;
    Optimizer optimizer =
        new Optimizer(
            model, config.optimizer().updater(config.learningRate(), schedule), config.clipNorm());
    INDArray lastGood = model.params().flat().dup();
    INDArray probe = probeBatch();

    int b = config.batch();
    int[] order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    float[] buffer = new float[ModelConfig.STEPS * b * ModelConfig.FEATURES];
    int[] labels = new int[b];
    long start = System.nanoTime();
    long pausedNanos = 0;
    int iteration = 0;
    double best = 0;
    double lastAccuracy = 0;
    long toTarget = -1;
    int epoch = 0;
    StopReason reason = StopReason.COMPLETED;
    String message = Messages.get("trainer.finished", config.epochs());

    outer:
    for (epoch = 1; epoch <= config.epochs(); epoch++) {
      shuffle(order, new SplittableRandom(config.model().seed() * 1_000_003L + epoch));
      for (int from = 0; from < order.length; from += b) {
        long waitStart = System.nanoTime();
        if (!awaitRunnable()) {
          reason = StopReason.CANCELLED;
          message = Messages.get("trainer.cancelled");
          break outer;
        }
        pausedNanos += System.nanoTime() - waitStart;
        int to = Math.min(order.length, from + b);
        int bs = to - from;
        int[] lab = bs == b ? labels : new int[bs];
        INDArray x = Batches.timeMajor(train, order, from, to, lab, buffer);
        double loss = model.lossAndGradient(x, lab);
        double gradNorm = optimizer.gradientNorm();
        if (!Double.isFinite(loss) || !Double.isFinite(gradNorm)) {
          model.params().flat().assign(lastGood);
          reason = StopReason.DIVERGED;
          message =
              Double.isFinite(loss)
                  ? Messages.get("trainer.diverged.gradient", gradNorm, iteration + 1)
                  : Messages.get("trainer.diverged", String.valueOf(loss), iteration + 1);
          break outer;
        }
        lastGood.assign(model.params().flat());
        optimizer.step(epoch - 1, gradNorm);
        iteration++;

        double acc = batchAccuracy(lab);
        long elapsed = System.nanoTime() - start - pausedNanos;
        double perIter = elapsed / 1e9 / iteration;
        listener.onIteration(
            new IterationStats(
                epoch,
                iteration,
                total,
                loss,
                acc,
                iteration * (double) b / (elapsed / 1e9),
                elapsed / 1_000_000,
                perIter * (total - iteration),
                schedule == null ? config.learningRate() : schedule.valueAt(iteration, epoch - 1)));

        boolean evalNow =
            config.evalEvery() > 0 ? iteration % config.evalEvery() == 0 : to == order.length;
        if (evalNow || to == order.length && epoch == config.epochs()) {
          EvaluationStats ev = evaluate(epoch, iteration, probe, start, pausedNanos);
          lastAccuracy = ev.testAccuracy();
          best = Math.max(best, lastAccuracy);
          listener.onEvaluation(ev);
          if (config.targetAccuracy() > 0 && lastAccuracy >= config.targetAccuracy()) {
            toTarget = ev.elapsedMillis();
            reason = StopReason.TARGET_REACHED;
            message =
                Messages.get("trainer.target", 100 * lastAccuracy, 100 * config.targetAccuracy());
            break outer;
          }
        }
      }
    }
    long elapsed = (System.nanoTime() - start - pausedNanos) / 1_000_000;
    TrainingResult result =
        new TrainingResult(
            reason,
            message,
            Math.min(epoch, config.epochs()),
            iteration,
            lastAccuracy,
            best,
            elapsed,
            toTarget);
    listener.onFinished(result);
    return result;
  }

  /** Blocks while paused; false when cancelled. */
  private boolean awaitRunnable() {
    if (cancelled) {
      return false;
    }
    if (!paused) {
      return true;
    }
    synchronized (lock) {
      while (paused && !cancelled) {
        try {
          lock.wait(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          cancelled = true;
        }
      }
    }
    return !cancelled;
  }

  private double batchAccuracy(int[] labels) {
    // The logits of the batch just trained on are still in the model.
    float[][] p = model.lastProbabilities();
    int ok = 0;
    for (int i = 0; i < labels.length; i++) {
      if (Softmax.argmax(p[i]) == labels[i]) {
        ok++;
      }
    }
    return ok / (double) labels.length;
  }

  private EvaluationStats evaluate(
      int epoch, int iteration, INDArray probe, long start, long pausedNanos) {
    // Same batch size as training, so the model's buffers are not reallocated (and become
    // garbage) at every evaluation.
    Evaluation ev = Evaluation.of(model, test, config.batch(), null);
    List<GateSaturation> sat = saturation(model, probe);
    long elapsed = (System.nanoTime() - start - pausedNanos) / 1_000_000;
    return new EvaluationStats(
        epoch, iteration, ev.loss(), ev.accuracy(), ev.confusion(), sat, elapsed);
  }

  private INDArray probeBatch() {
    // A whole training batch, so that probing reuses the model's buffers.
    int n = config.batch();
    float[][] imgs = new float[n][];
    for (int i = 0; i < n; i++) {
      imgs[i] = test.images().imageAsFloats(i % test.size());
    }
    return Batches.timeMajor(imgs);
  }

  /** Share of gate values below 0.1 and above 0.9 over the probe images (all layers). */
  public static List<GateSaturation> saturation(RecurrentClassifier model, INDArray probe) {
    List<GateTrace> traces = model.traceBatch(probe, List.of());
    List<GateSaturation> out = new ArrayList<>();
    for (Quantity q : model.config().cell().quantities()) {
      if (!q.isGate()) {
        continue;
      }
      long low = 0;
      long high = 0;
      long count = 0;
      for (GateTrace tr : traces) {
        for (int l = 0; l < tr.layers().size(); l++) {
          for (float[] row : tr.get(l, q)) {
            for (float v : row) {
              if (v < 0.1f) {
                low++;
              } else if (v > 0.9f) {
                high++;
              }
              count++;
            }
          }
        }
      }
      out.add(new GateSaturation(q, low / (double) count, high / (double) count));
    }
    return out;
  }

  static void shuffle(int[] a, SplittableRandom rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
