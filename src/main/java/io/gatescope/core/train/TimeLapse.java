package io.gatescope.core.train;

import io.gatescope.core.engine.GateTrace;
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
}
