package io.gatescope.core.train;

import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A time-lapse of training: while a model trains, a few probe digits are traced every N iterations
 * and what their maps and step strips show is kept, so the run can be replayed afterwards.
 *
 * <p>Each frame is what the model itself computed at that iteration: the trained model's weights
 * are copied into a probe model of the same shape and the probes are traced there, so training's
 * own buffers are not touched. Memory is bounded: at most {@code maxFrames} frames are kept; when
 * the list is full every second frame is dropped (the first and the newest stay) and frames are
 * taken half as often from then on. {@link #bytesPerFrame()} says what one frame holds.
 *
 * <p>Frames are taken on the training thread ({@link #onIteration}); {@link #frames()} may be read
 * from any thread.
 */
public final class TimeLapse implements TrainingListener {
  /**
   * What one probe showed at one iteration: the top layer's [T][H] maps and P(digit | rows 1..t).
   */
  public record Probe(Map<Quantity, float[][]> maps, float[][] stepProbabilities, int prediction) {
    static Probe of(GateTrace tr) {
      Map<Quantity, float[][]> maps = new EnumMap<>(Quantity.class);
      for (Quantity q : tr.cell().quantities()) {
        maps.put(q, tr.top(q));
      }
      return new Probe(maps, tr.stepProbabilities(), tr.prediction());
    }
  }

  /** The probes as the model computed them after {@code iteration} updates (0: before training). */
  public record Frame(int iteration, List<Probe> probes) {}

  /** The most frames a run's time-lapse keeps ({@link #forRun}). */
  public static final int MAX_FRAMES = 100;

  /** The most bytes of frames a run's time-lapse keeps ({@link #forRun}): 40 MiB. */
  public static final long BUDGET_BYTES = 40L << 20;

  /**
   * The fewest iterations between two frames of a run's time-lapse ({@link #forRun}). A frame (four
   * probes' traces) took about 0.6 of a minibatch step of the quick demo (64 units, batch 64, one
   * thread): a frame every 5 iterations slowed the run by about 12%, every 10 by about 6%.
   */
  public static final int MIN_EVERY = 10;

  /** The most probe digits a run's time-lapse takes (the app's choice, and the CLI's). */
  public static final int MAX_PROBES = 4;

  private final RecurrentClassifier trained;
  private final RecurrentClassifier probeModel;
  private final List<float[]> probeImages;
  private final int maxFrames;
  private final List<Frame> frames = new ArrayList<>();
  private int every;

  /**
   * Takes the first frame now, from the model as it is before training.
   *
   * @param trained the model being trained (only its weights are read)
   * @param probeImages the probe digits, 784 values each (at most four in the app)
   * @param every the first interval, in iterations
   * @param maxFrames the most frames kept (at least 2)
   */
  public TimeLapse(
      RecurrentClassifier trained, List<float[]> probeImages, int every, int maxFrames) {
    if (every < 1 || maxFrames < 2 || probeImages.isEmpty()) {
      throw new IllegalArgumentException(
          "a time-lapse needs an interval ≥ 1, room for 2 frames and a probe");
    }
    this.trained = trained;
    this.probeModel = trained.copy();
    this.probeImages = List.copyOf(probeImages);
    this.every = every;
    this.maxFrames = maxFrames;
    capture(0);
  }

  /**
   * The time-lapse of a run of {@code totalIterations}: as many frames as fit in {@link
   * #BUDGET_BYTES} (at most {@link #MAX_FRAMES}, at least 2), spread evenly over the run but at
   * least {@link #MIN_EVERY} iterations apart, so it is thinned only if the run goes on longer than
   * planned.
   */
  public static TimeLapse forRun(
      RecurrentClassifier trained, List<float[]> probeImages, int totalIterations) {
    int max = framesWithin(bytesPerFrame(trained.config(), probeImages.size()));
    int every = Math.max(MIN_EVERY, (totalIterations + max - 2) / (max - 1)); // total/every+1 ≤ max
    return new TimeLapse(trained, probeImages, every, max);
  }

  /** Frames of {@code bytesPerFrame} each kept within the budget: at most 100, at least 2. */
  static int framesWithin(long bytesPerFrame) {
    return (int) Math.max(2, Math.min(MAX_FRAMES, BUDGET_BYTES / bytesPerFrame));
  }

  /** Bytes a frame of {@code probes} probes of a model of this shape holds (as measured below). */
  static long bytesPerFrame(ModelConfig m, int probes) {
    long maps = (long) m.cell().quantities().size() * ModelConfig.STEPS * m.hidden();
    return 4L * probes * (maps + ModelConfig.STEPS * 10L);
  }

  /**
   * The default probes: walking the test set from its start, the first image of each digit not
   * taken yet, until there are {@link #MAX_PROBES} (for MNIST test images #0 to #3: a 7, a 2, a 1
   * and a 0).
   */
  public static List<Integer> defaultProbes(LabeledImages test) {
    List<Integer> out = new ArrayList<>();
    java.util.Set<Integer> digits = new java.util.HashSet<>();
    for (int i = 0; i < test.size() && out.size() < MAX_PROBES; i++) {
      if (digits.add(test.label(i))) {
        out.add(i);
      }
    }
    return out;
  }

  @Override
  public void onIteration(IterationStats stats) {
    if (stats.iteration() % every == 0) {
      capture(stats.iteration());
    }
  }

  /** The frames so far, oldest first (a copy). */
  public synchronized List<Frame> frames() {
    return List.copyOf(frames);
  }

  /** The interval now in force, in iterations (it doubles each time the frames are thinned). */
  public synchronized int every() {
    return every;
  }

  /** Bytes of float data in one frame: for every probe, its maps and its step strip. */
  public long bytesPerFrame() {
    Frame f = frames().get(0);
    long floats = 0;
    for (Probe p : f.probes()) {
      for (float[][] m : p.maps().values()) {
        floats += (long) m.length * m[0].length;
      }
      floats += (long) p.stepProbabilities().length * p.stepProbabilities()[0].length;
    }
    return 4 * floats;
  }

  /** The most memory the frames can take: {@code maxFrames × bytesPerFrame()}. */
  public long maxBytes() {
    return maxFrames * bytesPerFrame();
  }

  private void capture(int iteration) {
    probeModel.params().flat().assign(trained.params().flat());
    List<Probe> probes = new ArrayList<>(probeImages.size());
    for (float[] image : probeImages) {
      probes.add(Probe.of(probeModel.trace(image)));
    }
    synchronized (this) {
      frames.add(new Frame(iteration, List.copyOf(probes)));
      if (frames.size() > maxFrames) {
        thin();
      }
    }
  }

  /**
   * Keeps the first frame, every second one after it, and the newest; takes frames half as often.
   */
  private void thin() {
    Frame newest = frames.get(frames.size() - 1);
    List<Frame> kept = new ArrayList<>();
    for (int i = 0; i < frames.size() - 1; i += 2) {
      kept.add(frames.get(i));
    }
    if (kept.get(kept.size() - 1) != newest) {
      kept.add(newest);
    }
    frames.clear();
    frames.addAll(kept);
    every *= 2;
  }

  /**
   * A listener that lets this time-lapse take its frame, then passes each event on to {@code
   * report}: a screen or a progress line told of an iteration finds its frame already there.
   */
  public TrainingListener then(TrainingListener report) {
    TimeLapse lapse = this;
    return new TrainingListener() {
      @Override
      public void onIteration(IterationStats s) {
        lapse.onIteration(s);
        report.onIteration(s);
      }

      @Override
      public void onEvaluation(EvaluationStats s) {
        report.onEvaluation(s);
      }

      @Override
      public void onFinished(TrainingResult r) {
        report.onFinished(r);
      }
    };
  }
}
