package io.gatescope.ui.units;

import io.gatescope.core.Messages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.StateMap;
import io.gatescope.ui.common.Session;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The state map: a⟨t⟩ (or c⟨t⟩) of the first {@value StateMap#IMAGES} test digits × 28 steps on
 * their first two principal components, built on the long lane when first shown and again when the
 * model or the quantity changes; and the shown digit's path of 28 states on it (one trace, on the
 * quick lane), up to the shared timestep.
 */
public final class MapViewModel {
  private final Session session;
  private final UnitsWorker quick;
  private final UnitsWorker worker;
  private final IndexViewModel index;
  private final ReadOnlyObjectWrapper<Quantity> quantity =
      new ReadOnlyObjectWrapper<>(Quantity.HIDDEN);
  private final ReadOnlyObjectWrapper<StateMap> map = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<double[][]> path = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final BooleanProperty playing = new SimpleBooleanProperty(false);
  private boolean wanted;
  private volatile long generation;

  MapViewModel(Session session, UnitsWorker quick, UnitsWorker worker, IndexViewModel index) {
    this.session = session;
    this.quick = quick;
    this.worker = worker;
    this.index = index;
    session.modelProperty().addListener((o, a, m) -> rebuild());
    session.dataProperty().addListener((o, a, d) -> rebuild());
    session.inputProperty().addListener((o, a, in) -> tracePath());
  }

  /** Builds the map if it is not built (the first time the map is shown). */
  public void ensure() {
    wanted = true;
    if (map.get() == null) {
      rebuild();
    }
  }

  /** Maps a⟨t⟩ ({@link Quantity#HIDDEN}) or c⟨t⟩ ({@link Quantity#CELL}, an LSTM's). */
  public void chooseQuantity(Quantity q) {
    if (q != quantity.get() && (q == Quantity.HIDDEN || q == Quantity.CELL)) {
      quantity.set(q);
      rebuild();
    }
  }

  /** Whether the model has c (an LSTM): the toggle is offered only then. */
  public boolean hasCell() {
    RecurrentClassifier m = session.modelProperty().get();
    return m != null && m.config().cell().quantities().contains(Quantity.CELL);
  }

  private void rebuild() {
    long gen = ++generation;
    map.set(null);
    path.set(null);
    RecurrentClassifier model = session.modelProperty().get();
    Mnist data = session.dataProperty().get();
    if (!wanted || model == null || data == null) {
      return;
    }
    Quantity q = hasCell() ? quantity.get() : Quantity.HIDDEN;
    int n = Math.min(StateMap.IMAGES, index.images());
    status.set(Messages.get("units.map.building", n));
    worker.run(
        model,
        m -> StateMap.build(m, data.test(), n, q, p -> {}, () -> gen != generation),
        built -> {
          if (gen == generation) {
            map.set(built);
            status.set("");
            tracePath();
          }
        },
        e -> {});
  }

  private void tracePath() {
    StateMap m = map.get();
    float[] in = session.inputProperty().get();
    RecurrentClassifier model = session.modelProperty().get();
    if (m == null || in == null || model == null) {
      path.set(null);
      return;
    }
    long gen = generation;
    quick.run(
        model,
        c -> m.path(c.trace(in)),
        p -> {
          if (gen == generation && map.get() == m) {
            path.set(p);
          }
        },
        e -> {});
  }

  /** Moves the shared timestep (the player's steps). */
  public void moveTo(int t) {
    session.setTimestep(t);
  }

  public ReadOnlyIntegerProperty timestepProperty() {
    return session.timestepProperty();
  }

  /** Whether the path is being played row by row (the view's player follows it). */
  public BooleanProperty playingProperty() {
    return playing;
  }

  public ReadOnlyObjectProperty<Quantity> quantityProperty() {
    return quantity.getReadOnlyProperty();
  }

  /** The map, or null while it is built. */
  public ReadOnlyObjectProperty<StateMap> mapProperty() {
    return map.getReadOnlyProperty();
  }

  /** The shown digit's 28 states on the map, [step][x, y], or null. */
  public ReadOnlyObjectProperty<double[][]> pathProperty() {
    return path.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The 784 pixels of test image i (for the hover thumbnail), or null without data. */
  public float[] pixels(int i) {
    Mnist data = session.dataProperty().get();
    return data == null ? null : data.test().images().imageAsFloats(i);
  }
}
