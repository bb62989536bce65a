package io.gatescope.ui.evaluate;

import io.gatescope.core.Messages;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.inspect.CellComparison;
import io.gatescope.core.inspect.GradientFlow;
import io.gatescope.core.train.Evaluation;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.common.Navigation;
import io.gatescope.ui.common.Session;
import io.gatescope.ui.common.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Evaluate workspace's state: a test-set evaluation of the current model (accuracy, confusion
 * matrix, mistakes), its gradient flow per timestep, and the LSTM/GRU/RNN comparison. All
 * computation runs off the FX thread.
 */
public final class EvaluateViewModel {
  /** Thumbnails shown at most in the gallery. */
  static final int GALLERY = 96;

  private final Session session;
  private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<int[]> selectedCell = new ReadOnlyObjectWrapper<>();
  private final ObservableList<Integer> gallery = FXCollections.observableArrayList();
  private final ObservableList<GradientFlow> flows = FXCollections.observableArrayList();
  private final ObservableList<CellComparison.Outcome> comparison =
      FXCollections.observableArrayList();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper(Messages.get("evaluate.status.idle"));
  private final ReadOnlyStringWrapper galleryTitle =
      new ReadOnlyStringWrapper(Messages.get("evaluate.mistakes"));
  private final ObservableList<Integer> galleryView =
      FXCollections.unmodifiableObservableList(gallery);
  private final ObservableList<GradientFlow> flowsView =
      FXCollections.unmodifiableObservableList(flows);
  private final ObservableList<CellComparison.Outcome> comparisonView =
      FXCollections.unmodifiableObservableList(comparison);
  private final AtomicBoolean cancel = new AtomicBoolean();
  private final ObjectProperty<Reading> reading = new SimpleObjectProperty<>(Reading.ROWS);

  public EvaluateViewModel(Session session) {
    this.session = session;
    session.addNavigationListener(
        n -> {
          if (n instanceof Navigation.Comparison) {
            compare();
          }
        });
    session
        .modelProperty()
        .addListener(
            (o, a, b) -> {
              evaluation.set(null);
              gallery.clear();
              flows.removeIf(f -> f.label().equals(CURRENT));
            });
  }

  /** The label of the current model's gradient flow (the cells' flows are named by cell). */
  static final String CURRENT = "current";

  /**
   * A gradient flow's name in the chart legend: the cell for a comparison's short run, the model's
   * own name for the current model (an LSTM compared with LSTM must say which is which).
   */
  public String flowName(GradientFlow f) {
    if (!CURRENT.equals(f.label())) {
      return f.label();
    }
    var entry = session.models().currentProperty().get();
    if (entry == null) {
      return Messages.get("evaluate.currentModel");
    }
    // The chart drops a legend that does not fit beside the plot at 1024 px: a long file name is
    // shortened (the status bar and the Models menu give it whole).
    String name = entry.name();
    return name.length() <= LEGEND_NAME ? name : name.substring(0, LEGEND_NAME - 1) + "…";
  }

  /** The longest model name the flow chart's legend shows whole. */
  static final int LEGEND_NAME = 13; // as wide as "current model", which fits at 1024 px

  /** Test-set evaluation of the current model, then its gradient flow. */
  public void evaluate() {
    Mnist data = session.dataProperty().get();
    if (data == null || session.modelProperty().get() == null || busy.get()) {
      return;
    }
    busy.set(true);
    status.set(Messages.get("evaluate.status.running"));
    LabeledImages test = data.test();
    session
        .inference()
        .submit(
            model -> {
              Evaluation ev =
                  Evaluation.of(model, test, 500, f -> Platform.runLater(() -> progress.set(f)));
              GradientFlow flow = GradientFlow.measure(CURRENT, model, test.head(256), 256);
              Platform.runLater(
                  () -> {
                    evaluation.set(ev);
                    flows.removeIf(f -> f.label().equals(CURRENT));
                    flows.add(flow); // after the cells, keeping their colours
                    selectCell(null);
                    busy.set(false);
                    status.set(
                        Messages.get(
                            "evaluate.status.done",
                            100 * ev.accuracy(),
                            Math.round((1 - ev.accuracy()) * ev.count()),
                            ev.count()));
                  });
            });
  }

  /** Shows the images of one confusion-matrix cell (actual, predicted), or all mistakes. */
  public void selectCell(int[] cell) {
    selectedCell.set(cell);
    Evaluation ev = evaluation.get();
    Mnist data = session.dataProperty().get();
    gallery.clear();
    if (ev == null || data == null) {
      return;
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < ev.count() && out.size() < GALLERY; i++) {
      int label = data.test().label(i);
      int p = ev.predicted()[i];
      boolean match = cell == null ? p != label : label == cell[0] && p == cell[1];
      if (match) {
        out.add(i);
      }
    }
    gallery.setAll(out);
    galleryTitle.set(
        cell == null
            ? Messages.get("evaluate.mistakes.first", out.size())
            : Messages.get("evaluate.cell", cell[0], cell[1], out.size()));
  }

  /** Opens a test image in another workspace. */
  public void open(int testIndex, Workspace workspace) {
    session.navigate(new Navigation.TestImage(workspace, testIndex));
  }

  /** Trains LSTM, GRU and RNN with the same seed, data order and budget, one after another. */
  public void compare() {
    Mnist data = session.dataProperty().get();
    if (data == null || busy.get()) {
      return;
    }
    busy.set(true);
    cancel.set(false);
    comparison.clear();
    flows.removeIf(f -> !f.label().equals(CURRENT));
    TrainingConfig quick = TrainingConfig.quickDemo();
    TrainingConfig base = quick.toBuilder().model(quick.model().withReading(reading.get())).build();
    Thread t =
        new Thread(
            () -> {
              List<CellComparison.Outcome> res =
                  CellComparison.run(
                      base,
                      data,
                      (cell, f) ->
                          Platform.runLater(
                              () -> {
                                int k = cell.ordinal();
                                progress.set((k + f) / CellType.values().length);
                                status.set(
                                    Messages.get(
                                        "evaluate.status.comparing", cell, k + 1, 100 * f));
                              }),
                      cancel::get);
              Platform.runLater(
                  () -> {
                    comparison.setAll(res);
                    java.util.Map<CellType, io.gatescope.core.engine.RecurrentClassifier> models =
                        new java.util.EnumMap<>(CellType.class);
                    res.forEach(o -> models.put(o.cell(), o.model()));
                    session.setComparisonModels(models);
                    showCellFlows(res.stream().map(CellComparison.Outcome::flow).toList());
                    busy.set(false);
                    StringBuilder sb =
                        new StringBuilder(
                            cancel.get()
                                ? Messages.get("evaluate.status.compareStopped") + " "
                                : "");
                    for (CellComparison.Outcome o : res) {
                      sb.append(
                              Messages.get(
                                  "evaluate.outcome", o.cell(), 100 * o.result().finalAccuracy()))
                          .append("   ");
                    }
                    status.set(sb.toString().trim());
                  });
            },
            "gatescope-compare");
    t.setDaemon(true);
    t.start();
  }

  /**
   * How the compared models read the image: rows (the lesson), columns or permuted rows. The view
   * binds its choice to it both ways; the next comparison reads it.
   */
  public ObjectProperty<Reading> readingProperty() {
    return reading;
  }

  /**
   * Shows the gradient flows of compared cells in place of any shown before, ahead of the current
   * model's: the cells first, so their colours match the comparison chart's.
   */
  public void showCellFlows(List<GradientFlow> cells) {
    flows.removeIf(f -> !f.label().equals(CURRENT));
    flows.addAll(0, cells);
  }

  public void cancel() {
    cancel.set(true);
  }

  public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
    return evaluation.getReadOnlyProperty();
  }

  /** The confusion-matrix cell (actual, predicted) whose images the gallery shows; null: all. */
  public ReadOnlyObjectProperty<int[]> selectedCellProperty() {
    return selectedCell.getReadOnlyProperty();
  }

  /** The test indices the gallery shows. */
  public ObservableList<Integer> gallery() {
    return galleryView;
  }

  public ObservableList<GradientFlow> flows() {
    return flowsView;
  }

  public ObservableList<CellComparison.Outcome> comparison() {
    return comparisonView;
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty galleryTitleProperty() {
    return galleryTitle.getReadOnlyProperty();
  }

  /** Recall and precision per digit, as a table in monospaced text. */
  static String perClassText(Evaluation ev) {
    StringBuilder sb = new StringBuilder(Messages.get("evaluate.perClass.head"));
    for (int d = 0; d < 10; d++) {
      sb.append('\n')
          .append(
              String.format(
                  "  %d    %5.1f%%    %5.1f%%", d, 100 * ev.recall()[d], 100 * ev.precision()[d]));
    }
    return sb.toString();
  }

  /** The pixels of a test image, for thumbnails. */
  public float[] testImage(int index) {
    return session.dataProperty().get().test().images().imageAsFloats(index);
  }

  public int testLabel(int index) {
    return session.dataProperty().get().test().label(index);
  }

  public void shutdown() {
    cancel.set(true);
  }
}
