package io.gatescope.ui.evaluate;

import io.gatescope.core.Messages;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.inspect.CellComparison;
import io.gatescope.core.inspect.GradientFlow;
import io.gatescope.core.train.Evaluation;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.common.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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
  private final ObjectProperty<Evaluation> evaluation = new SimpleObjectProperty<>();
  private final ObjectProperty<int[]> selectedCell = new SimpleObjectProperty<>();
  private final ObservableList<Integer> gallery = FXCollections.observableArrayList();
  private final ObservableList<GradientFlow> flows = FXCollections.observableArrayList();
  private final ObservableList<CellComparison.Outcome> comparison =
      FXCollections.observableArrayList();
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final StringProperty status =
      new SimpleStringProperty(Messages.get("evaluate.status.idle"));
  private final StringProperty galleryTitle =
      new SimpleStringProperty(Messages.get("evaluate.mistakes"));
  private final AtomicBoolean cancel = new AtomicBoolean();
  private final ObjectProperty<io.gatescope.core.engine.Reading> reading =
      new SimpleObjectProperty<>(io.gatescope.core.engine.Reading.ROWS);

  public EvaluateViewModel(Session session) {
    this.session = session;
    session
        .comparisonRequestProperty()
        .addListener(
            (o, a, requested) -> {
              if (requested) {
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

  /** A gradient flow's name in the chart legend. */
  public String flowName(GradientFlow f) {
    return CURRENT.equals(f.label()) ? Messages.get("evaluate.currentModel") : f.label();
  }

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
  public void open(int testIndex, String workspace) {
    session.showTestImage(testIndex);
    session.workspaceRequestProperty().set(null);
    session.workspaceRequestProperty().set(workspace);
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
                    // The cells first, so their colours match the comparison chart's.
                    List<GradientFlow> current = new ArrayList<>(flows);
                    flows.clear();
                    for (CellComparison.Outcome o : res) {
                      flows.add(o.flow());
                    }
                    flows.addAll(current);
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

  /** How the compared models read the image: rows (the lesson), columns or permuted rows. */
  public ObjectProperty<io.gatescope.core.engine.Reading> readingProperty() {
    return reading;
  }

  public void cancel() {
    cancel.set(true);
  }

  public ObjectProperty<Evaluation> evaluationProperty() {
    return evaluation;
  }

  public ObjectProperty<int[]> selectedCellProperty() {
    return selectedCell;
  }

  public ObservableList<Integer> gallery() {
    return gallery;
  }

  public ObservableList<GradientFlow> flows() {
    return flows;
  }

  public ObservableList<CellComparison.Outcome> comparison() {
    return comparison;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public StringProperty galleryTitleProperty() {
    return galleryTitle;
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
