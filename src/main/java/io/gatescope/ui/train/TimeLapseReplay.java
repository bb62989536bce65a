package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.train.TimeLapse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.IntFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The training time-lapse's state: the probe digits (up to four test images, typed as their test
 * indices), the frames a run's {@link TimeLapse} has kept so far, and which frame and probe are
 * shown. A run's time-lapse is made on the training thread ({@link #begin}) and its frames are
 * taken there; {@link #refresh} copies them over on the FX thread.
 *
 * <p>Memory is bounded: at most {@link #BUDGET_BYTES} of frames per run (at most {@link
 * #MAX_FRAMES} frames; fewer for a large model), see {@link #maxBytesProperty()}.
 */
public final class TimeLapseReplay {
  static final int MAX_PROBES = TimeLapse.MAX_PROBES;
  static final int MAX_FRAMES = TimeLapse.MAX_FRAMES;
  static final long BUDGET_BYTES = TimeLapse.BUDGET_BYTES;

  private final StringProperty probeText = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper probeError = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<List<Integer>> probes =
      new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
  private final ObservableList<TimeLapse.Frame> frames = FXCollections.observableArrayList();
  private final ObservableList<TimeLapse.Frame> framesView =
      FXCollections.unmodifiableObservableList(frames);
  private final IntegerProperty frame = new SimpleIntegerProperty(-1);
  private final IntegerProperty probe = new SimpleIntegerProperty(0);
  private final BooleanProperty shown = new SimpleBooleanProperty(false);
  private final ReadOnlyLongWrapper maxBytes = new ReadOnlyLongWrapper(0);
  private final ReadOnlyIntegerWrapper every = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyObjectWrapper<List<Integer>> runProbes =
      new ReadOnlyObjectWrapper<>(List.of());
  private final IntFunction<OptionalDouble> lossAt;
  private LabeledImages test;
  private String defaults = "";
  private volatile TimeLapse current;

  /**
   * @param lossAt the minibatch loss the run reported at an iteration, if it did
   */
  TimeLapseReplay(IntFunction<OptionalDouble> lossAt) {
    this.lossAt = lossAt;
    probeText.addListener((o, a, b) -> validate());
    probeText.set(defaultText(null));
    defaults = probeText.get();
  }

  private static String defaultText(LabeledImages test) {
    List<Integer> d = test == null ? List.of(0, 1, 2, 3) : TimeLapse.defaultProbes(test);
    return String.join(", ", d.stream().map(String::valueOf).toList());
  }

  /** MNIST is loaded: the probes are checked against its test set; untouched defaults follow it. */
  void dataLoaded(LabeledImages testSet) {
    this.test = testSet;
    if (probeText.get().equals(defaults)) {
      defaults = defaultText(testSet);
      probeText.set(defaults);
    }
    validate();
  }

  /** The probes as typed: test indices separated by commas or spaces. */
  public StringProperty probeTextProperty() {
    return probeText;
  }

  /** Why the typed probes cannot be used; empty when they can. */
  public ReadOnlyStringProperty probeErrorProperty() {
    return probeError.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  /** The probes' test indices (empty while the typed text is not valid). */
  public ReadOnlyObjectProperty<List<Integer>> probesProperty() {
    return probes.getReadOnlyProperty();
  }

  /** The digit a probe is (its test label); −1 before MNIST is loaded. */
  public int label(int testIndex) {
    return test == null || testIndex >= test.size() ? -1 : test.label(testIndex);
  }

  private void validate() {
    String reason = reason(probeText.get(), test == null ? 10_000 : test.size());
    probeError.set(reason == null ? "" : reason);
    probes.set(reason == null ? parse(probeText.get()) : List.of());
    valid.set(reason == null);
  }

  /** Why {@code text} is not a list of 1 to 4 different test indices below {@code size}. */
  static String reason(String text, int size) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return Messages.get("train.lapse.error.empty");
    }
    String[] parts = t.split("[,\\s]+");
    Set<Integer> seen = new LinkedHashSet<>();
    for (String p : parts) {
      int i;
      try {
        i = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        return Messages.get("train.lapse.error.notIndex", p);
      }
      if (i < 0 || i >= size) {
        return Messages.get("train.lapse.error.range", p, size - 1);
      }
      if (!seen.add(i)) {
        return Messages.get("train.lapse.error.twice", i);
      }
    }
    return seen.size() > MAX_PROBES ? Messages.get("train.lapse.error.many", MAX_PROBES) : null;
  }

  private static List<Integer> parse(String text) {
    List<Integer> out = new ArrayList<>();
    for (String p : text.strip().split("[,\\s]+")) {
      out.add(Integer.parseInt(p));
    }
    return List.copyOf(out);
  }

  /**
   * A new run starts: the last run's frames are forgotten and the probes typed now are the run's.
   * FX thread.
   *
   * @return the run's probes (test indices)
   */
  List<Integer> startRun() {
    current = null;
    frames.clear();
    frame.set(-1);
    probe.set(0);
    runProbes.set(probes.get());
    return runProbes.get();
  }

  /** The probes of the current (or last) run, as test indices. */
  public ReadOnlyObjectProperty<List<Integer>> runProbesProperty() {
    return runProbes.getReadOnlyProperty();
  }

  /**
   * The time-lapse of a run of {@code total} iterations of {@code model} ({@link
   * TimeLapse#forRun}). Training thread; {@code images} are the probes' pixels.
   */
  TimeLapse begin(RecurrentClassifier model, List<float[]> images, int total) {
    TimeLapse lapse = TimeLapse.forRun(model, images, total);
    current = lapse;
    return lapse;
  }

  /** Brings the frames up to date with the run's time-lapse. FX thread. */
  void refresh() {
    TimeLapse lapse = current;
    if (lapse == null) {
      return;
    }
    List<TimeLapse.Frame> now = lapse.frames();
    if (now.size() == frames.size()
        && !now.isEmpty()
        && now.get(now.size() - 1) == frames.get(frames.size() - 1)) {
      return;
    }
    boolean following = frame.get() < 0 || frame.get() == frames.size() - 1;
    int shownIteration = frame.get() >= 0 ? frames.get(frame.get()).iteration() : 0;
    maxBytes.set(lapse.maxBytes());
    every.set(lapse.every());
    frames.setAll(now);
    frame.set(following ? now.size() - 1 : nearest(shownIteration));
  }

  /** The frames kept so far, oldest first. */
  public ObservableList<TimeLapse.Frame> frames() {
    return framesView;
  }

  /** The frame shown: an index into {@link #frames()}, −1 while there is none. */
  public IntegerProperty frameProperty() {
    return frame;
  }

  /** The probe shown: an index into the run's probes. */
  public IntegerProperty probeProperty() {
    return probe;
  }

  /** The most bytes the run's frames can take: frames kept at most × bytes per frame. */
  public ReadOnlyLongProperty maxBytesProperty() {
    return maxBytes.getReadOnlyProperty();
  }

  /** Iterations between two frames now (doubled each time the kept frames are thinned). */
  public ReadOnlyIntegerProperty everyProperty() {
    return every.getReadOnlyProperty();
  }

  /** The frame kept nearest to {@code iteration} (the earlier one of two as near); −1 if none. */
  public int nearest(double iteration) {
    int best = -1;
    for (int i = 0; i < frames.size(); i++) {
      if (best < 0
          || Math.abs(frames.get(i).iteration() - iteration)
              < Math.abs(frames.get(best).iteration() - iteration)) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Shows the frame nearest to {@code iteration} (a click on the loss chart), and the time-lapse
   * with it.
   */
  public void selectNearest(double iteration) {
    int i = nearest(iteration);
    if (i >= 0) {
      frame.set(i);
      shown.set(true);
    }
  }

  /**
   * Whether the time-lapse is shown (in place of the saturation chart and the run list); writable:
   * its toggle is bound to it both ways.
   */
  public BooleanProperty shownProperty() {
    return shown;
  }

  /** The frame shown, or null. */
  public TimeLapse.Frame shownFrame() {
    int i = frame.get();
    return i >= 0 && i < frames.size() ? frames.get(i) : null;
  }

  /** The minibatch loss the run reported at the shown frame's iteration, if any (none at 0). */
  public OptionalDouble shownLoss() {
    TimeLapse.Frame f = shownFrame();
    return f == null || f.iteration() == 0 ? OptionalDouble.empty() : lossAt.apply(f.iteration());
  }
}
