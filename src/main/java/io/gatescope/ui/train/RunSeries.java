package io.gatescope.ui.train;

import io.gatescope.core.engine.Quantity;
import io.gatescope.core.train.EvaluationStats;
import io.gatescope.core.train.GateSaturation;
import io.gatescope.core.train.IterationStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The current run's curves as points (no chart type): the loss of each minibatch and its smoothed
 * curve, batch and test accuracy, test loss and the gates' saturation. Every point is a number the
 * run computed (the smoothed loss is computed here, from them); a long series keeps all its newer
 * points and every other older one (see {@link #add}).
 */
public final class RunSeries {
  /** Points kept per series before older points are thinned. */
  static final int MAX_POINTS = 1500;

  /** The saturation series, in legend order: each gate's share below 0.1 and above 0.9. */
  static final List<String> SATURATION =
      List.of("Γu < 0.1", "Γu > 0.9", "Γf < 0.1", "Γf > 0.9", "Γo < 0.1", "Γo > 0.9");

  private final ObservableList<Point> loss = FXCollections.observableArrayList();
  private final ObservableList<Point> smoothLoss = FXCollections.observableArrayList();
  private final ObservableList<Point> batchAccuracy = FXCollections.observableArrayList();
  private final ObservableList<Point> testAccuracy = FXCollections.observableArrayList();
  private final ObservableList<Point> testLoss = FXCollections.observableArrayList();
  private final Map<String, ObservableList<Point>> saturation = new LinkedHashMap<>();
  private final SmoothedLoss smoothed = new SmoothedLoss();

  RunSeries() {
    for (String k : SATURATION) {
      ObservableList<Point> s = FXCollections.observableArrayList();
      saturation.put(k, s);
      saturationView.put(k, FXCollections.unmodifiableObservableList(s));
    }
  }

  /** A minibatch's loss, smoothed loss and accuracy. */
  void add(IterationStats s) {
    add(loss, s.iteration(), s.loss());
    add(smoothLoss, s.iteration(), smoothed.next(s.loss()));
    add(batchAccuracy, s.iteration(), s.batchAccuracy());
  }

  /** An evaluation's accuracy, loss and gate saturation (a GRU's reset gate is not plotted). */
  void add(EvaluationStats s) {
    add(testAccuracy, s.iteration(), s.testAccuracy());
    add(testLoss, s.iteration(), s.testLoss());
    for (GateSaturation g : s.saturation()) {
      String sym = g.gate().symbol();
      if (g.gate() != Quantity.RESET && saturation.containsKey(sym + " < 0.1")) {
        add(saturation.get(sym + " < 0.1"), s.iteration(), g.low());
        add(saturation.get(sym + " > 0.9"), s.iteration(), g.high());
      }
    }
  }

  /** Empties every series, for a new run. */
  void clear() {
    List.of(loss, smoothLoss, batchAccuracy, testAccuracy, testLoss).forEach(List::clear);
    saturation.values().forEach(List::clear);
    smoothed.reset();
  }

  /** Appends, thinning the older half to every other point when a series grows past the limit. */
  static void add(List<Point> s, double x, double y) {
    s.add(new Point(x, y));
    if (s.size() > MAX_POINTS) {
      int half = s.size() / 2;
      List<Point> kept = new ArrayList<>();
      for (int i = 0; i < half; i += 2) {
        kept.add(s.get(i));
      }
      kept.addAll(s.subList(half, s.size()));
      if (s instanceof ObservableList<Point> o) {
        o.setAll(kept); // one change for the chart, not two
      } else {
        s.clear();
        s.addAll(kept);
      }
    }
  }

  // Read-only views made once: a view made per call would be dropped with the listeners on it.
  private final ObservableList<Point> lossView = FXCollections.unmodifiableObservableList(loss);
  private final ObservableList<Point> smoothLossView =
      FXCollections.unmodifiableObservableList(smoothLoss);
  private final ObservableList<Point> batchAccuracyView =
      FXCollections.unmodifiableObservableList(batchAccuracy);
  private final ObservableList<Point> testAccuracyView =
      FXCollections.unmodifiableObservableList(testAccuracy);
  private final ObservableList<Point> testLossView =
      FXCollections.unmodifiableObservableList(testLoss);
  private final Map<String, ObservableList<Point>> saturationView = new LinkedHashMap<>();

  public ObservableList<Point> loss() {
    return lossView;
  }

  public ObservableList<Point> smoothLoss() {
    return smoothLossView;
  }

  public ObservableList<Point> batchAccuracy() {
    return batchAccuracyView;
  }

  public ObservableList<Point> testAccuracy() {
    return testAccuracyView;
  }

  public ObservableList<Point> testLoss() {
    return testLossView;
  }

  /** Each gate's share of units below 0.1 and above 0.9, keyed as the legend names them. */
  public Map<String, ObservableList<Point>> saturation() {
    return java.util.Collections.unmodifiableMap(saturationView);
  }
}
