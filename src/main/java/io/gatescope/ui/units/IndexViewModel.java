package io.gatescope.ui.units;

import io.gatescope.core.Messages;
import io.gatescope.core.data.LabeledImages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.TraceIndex;
import io.gatescope.ui.common.Failure;
import io.gatescope.ui.common.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The index of the test set's traces for the session's model: built once on the Units worker, when
 * first asked for ({@link #ensure}), with its progress and a cancel; built again when the model
 * changes (if it was asked for before). Its memory is stated from the index's own figures.
 */
public final class IndexViewModel {
  /** Images the budget note speaks of: the MNIST test set. */
  static final int TEST_SET = 10_000;

  private final Session session;
  private final UnitsWorker worker;
  private final ReadOnlyObjectWrapper<TraceIndex> index = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyBooleanWrapper building = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper note =
      new ReadOnlyStringWrapper(Messages.get("units.index.notYet"));
  private final List<Runnable> whenReady = new ArrayList<>();
  private int images = Integer.MAX_VALUE;
  private boolean wanted;
  private AtomicBoolean cancelled = new AtomicBoolean();
  private long buildMillis = -1;
  private int stoppedBuilds;
  private int startedBuilds;

  IndexViewModel(Session session, UnitsWorker worker) {
    this.session = session;
    this.worker = worker;
    session.modelProperty().addListener((o, a, m) -> modelChanged());
    session.dataProperty().addListener((o, a, d) -> modelChanged());
  }

  /** Index only the first {@code n} test images (a short build, e.g. for a test); default all. */
  public void limitImages(int n) {
    images = Math.max(1, n);
  }

  /** Images to index: the test set's first {@link #limitImages} (all by default). */
  int images() {
    Mnist data = session.dataProperty().get();
    return data == null ? 0 : Math.min(images, data.test().size());
  }

  /** Starts building, unless the index exists or is being built; runs {@code then} when ready. */
  public void ensure(Runnable then) {
    wanted = true;
    if (index.get() != null) {
      then.run();
      return;
    }
    whenReady.add(then);
    if (!building.get()) {
      build();
    }
  }

  /** Starts building if it is not built or being built. */
  public void ensure() {
    ensure(() -> {});
  }

  /** Stops the build in progress (between two minibatches); the index stays unbuilt. */
  public void cancel() {
    if (!building.get()) {
      return;
    }
    cancelled.set(true);
    building.set(false);
    whenReady.clear();
    note.set(Messages.get("units.index.cancelled"));
  }

  private void modelChanged() {
    cancelled.set(true);
    building.set(false);
    index.set(null);
    progress.set(0);
    if (wanted) {
      build();
    }
  }

  private void build() {
    RecurrentClassifier model = session.modelProperty().get();
    Mnist data = session.dataProperty().get();
    if (model == null || data == null) {
      note.set(Messages.get("units.index.notYet"));
      return;
    }
    AtomicBoolean stop = new AtomicBoolean();
    cancelled = stop;
    building.set(true);
    progress.set(0);
    int n = images();
    note.set(Messages.get("units.index.building", n));
    LabeledImages set = data.test();
    long start = System.nanoTime();
    worker.run(
        model,
        m -> {
          Platform.runLater(() -> startedBuilds++);
          return TraceIndex.build(
              m, set, n, p -> Platform.runLater(() -> moved(stop, p)), stop::get);
        },
        built -> {
          if (stop.get()) {
            return; // cancelled, or a newer model
          }
          buildMillis = (System.nanoTime() - start) / 1_000_000;
          if (Boolean.getBoolean("gatescope.timing")) {
            System.err.printf("units: index of %d images in %d ms%n", built.size(), buildMillis);
          }
          building.set(false);
          progress.set(1);
          index.set(built);
          note.set(budget(built));
          List<Runnable> then = List.copyOf(whenReady);
          whenReady.clear();
          then.forEach(Runnable::run);
        },
        error -> {
          if (error instanceof CancellationException) {
            stoppedBuilds++;
          } else if (!stop.get()) {
            building.set(false);
            note.set(Messages.get("units.index.failed", Failure.describe(error)));
          }
        });
  }

  private void moved(AtomicBoolean stop, double p) {
    if (!stop.get()) {
      progress.set(p);
    }
  }

  /**
   * "1,000 images, 29 MB (29,186 bytes per image: 292 MB for 10,000 images)"; for an index of the
   * whole test set, without the estimate it would only repeat.
   */
  static String budget(TraceIndex built) {
    return budget(
        built.size(), built.bytes(), TraceIndex.bytesPerImage(built.cell(), built.hidden()));
  }

  static String budget(int images, long bytes, long perImage) {
    if (images >= TEST_SET) {
      return Messages.get("units.index.budget.whole", images, megabytes(bytes), perImage);
    }
    return Messages.get(
        "units.index.budget",
        images,
        megabytes(bytes),
        perImage,
        megabytes(perImage * TEST_SET),
        TEST_SET);
  }

  private static long megabytes(long bytes) {
    return Math.round(bytes / 1e6);
  }

  /** The index, or null while it is not built. */
  public ReadOnlyObjectProperty<TraceIndex> indexProperty() {
    return index.getReadOnlyProperty();
  }

  /** Fraction of the build done, 0..1. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty buildingProperty() {
    return building.getReadOnlyProperty();
  }

  /** What the index is doing or keeps, in words (with its memory once built). */
  public ReadOnlyStringProperty noteProperty() {
    return note.getReadOnlyProperty();
  }

  /** Builds whose job began on the long lane (told on the FX thread as it begins). */
  int startedBuilds() {
    return startedBuilds;
  }

  /** Builds that stopped part-way when cancelled (or overtaken by a new model). */
  int stoppedBuilds() {
    return stoppedBuilds;
  }

  /** How long the last build took, in ms (−1 before the first). */
  public long buildMillis() {
    return buildMillis;
  }
}
