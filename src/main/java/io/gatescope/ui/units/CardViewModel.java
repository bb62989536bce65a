package io.gatescope.ui.units;

import io.gatescope.core.Messages;
import io.gatescope.core.data.Mnist;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.RecurrentClassifier;
import io.gatescope.core.inspect.SilencingDrop;
import io.gatescope.core.inspect.TraceIndex;
import io.gatescope.core.inspect.UnitProfile;
import io.gatescope.ui.common.Failure;
import io.gatescope.ui.common.Navigation;
import io.gatescope.ui.common.Session;
import io.gatescope.ui.common.Workspace;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The unit card: which unit and quantity, highest or lowest; the profile the index gives for them
 * (computed on the quick lane, the ranked images traced alone, so it never waits behind a state-map
 * build), then the accuracy lost when the unit is silenced (measured on the long lane; a drop still
 * queued when another unit is chosen is skipped). Clicking an image opens it in Inside.
 */
public final class CardViewModel {
  /** Images on the card. */
  public static final int TOP = 9;

  private final Session session;
  private final UnitsWorker quick;
  private final UnitsWorker slow;
  private final IndexViewModel index;
  private final ReadOnlyIntegerWrapper unit = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyObjectWrapper<Quantity> quantity =
      new ReadOnlyObjectWrapper<>(Quantity.HIDDEN);
  private final ReadOnlyBooleanWrapper lowest = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyObjectWrapper<List<Quantity>> quantities =
      new ReadOnlyObjectWrapper<>(List.of(Quantity.HIDDEN));
  private final ReadOnlyIntegerWrapper units = new ReadOnlyIntegerWrapper(1);
  private final ReadOnlyObjectWrapper<UnitProfile> profile = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<SilencingDrop> drop = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper dropText = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper dropSettled = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
  private UnaryOperator<Function<RecurrentClassifier, UnitProfile>> profiler = job -> job;
  private final ReadOnlyBooleanWrapper canSilence = new ReadOnlyBooleanWrapper(false);
  private Consumer<Intervention> silenceInInside = iv -> {};
  private volatile long generation; // read by queued drops on the long lane
  private long requestedAt;
  private List<Object> asked; // model, data, index, unit, quantity, lowest of the newest card

  CardViewModel(Session session, UnitsWorker quick, UnitsWorker slow, IndexViewModel index) {
    this.session = session;
    this.quick = quick;
    this.slow = slow;
    this.index = index;
    session.modelProperty().addListener((o, a, m) -> modelChanged(m));
    modelChanged(session.modelProperty().get());
    index.indexProperty().addListener((o, a, i) -> refresh());
  }

  /** Computes cards with what {@code p} makes of the card's job (tests: a card that fails). */
  void profileWith(UnaryOperator<Function<RecurrentClassifier, UnitProfile>> p) {
    profiler = p;
  }

  /**
   * What "Silence in Inside" does with the intervention the drop was measured with (set by the
   * window's wiring: Inside adds it to its interventions).
   */
  public void onSilenceInInside(Consumer<Intervention> action) {
    silenceInInside = action;
  }

  private void modelChanged(RecurrentClassifier m) {
    asked = null;
    profile.set(null);
    drop.set(null);
    dropText.set("");
    dropSettled.set(false);
    failure.set("");
    if (m == null) {
      return;
    }
    List<Quantity> qs = m.config().cell().quantities();
    quantities.set(qs);
    units.set(m.config().hidden());
    if (!qs.contains(quantity.get())) {
      quantity.set(qs.contains(Quantity.HIDDEN) ? Quantity.HIDDEN : qs.get(0));
    }
    unit.set(Math.min(unit.get(), m.config().hidden() - 1));
    // The drop is the top layer's, and Inside silences the same unit of the same layer (with
    // SilencingDrop's own intervention), whichever layer its maps show.
    canSilence.set(true);
  }

  /** Shows unit {@code u} (kept within the model's units). */
  public void chooseUnit(int u) {
    unit.set(Math.max(0, Math.min(units.get() - 1, u)));
    refresh();
  }

  /** The next (+1) or previous (−1) unit. */
  public void unitBy(int delta) {
    chooseUnit(unit.get() + delta);
  }

  public void chooseQuantity(Quantity q) {
    if (q != null && quantities.get().contains(q)) {
      quantity.set(q);
      refresh();
    }
  }

  public void showLowest(boolean low) {
    lowest.set(low);
    refresh();
  }

  /** Computes the card for the current choice (building the index first if needed). */
  public void refresh() {
    RecurrentClassifier model = session.modelProperty().get();
    Mnist data = session.dataProperty().get();
    TraceIndex ix = index.indexProperty().get();
    int u = unit.get();
    Quantity q = quantity.get();
    boolean low = lowest.get();
    List<Object> ask = java.util.Arrays.asList(model, data, ix, u, q, low);
    if (ix != null && ask.equals(asked)) {
      return; // this very card is shown or on its way (the workspace shown again, say)
    }
    long gen = ++generation;
    requestedAt = System.nanoTime();
    failure.set(""); // a new card is asked for: the last one's failure is not this one's
    if (model == null || data == null) {
      return;
    }
    if (ix == null) {
      index.ensure(); // the index's listener calls refresh again when it is built
      return;
    }
    asked = ask;
    quick.run(
        model,
        profiler.apply(m -> UnitProfile.of(ix, m, data.test(), q, u, TOP, low)),
        p -> {
          if (gen == generation) {
            profile.set(p);
          }
        },
        e -> {
          asked = null; // asked again, it is computed again
          if (gen == generation) {
            profile.set(null); // not the card of another choice under this one's words
            failure.set(Messages.get("units.card.failed", Failure.describe(e)));
            session.setStatus(failure.get());
          }
        });
    dropText.set(Messages.get("units.card.dropMeasuring", SilencingDrop.IMAGES));
    boolean sameUnit = drop.get() != null && drop.get().unit() == u;
    if (sameUnit) {
      dropText.set(dropWords(drop.get()));
      dropSettled.set(true);
      return;
    }
    drop.set(null);
    dropSettled.set(false);
    slow.run(
        model,
        // Skipped when another card was asked for before it began.
        m ->
            gen != generation
                ? null
                : SilencingDrop.measure(m, data.test(), u, SilencingDrop.IMAGES),
        d -> {
          if (d != null && unit.get() == d.unit() && session.modelProperty().get() == model) {
            drop.set(d);
            dropText.set(dropWords(d));
            dropSettled.set(true);
          }
        },
        e -> {
          if (gen == generation) {
            dropText.set(Messages.get("units.card.dropFailed", Failure.describe(e)));
            dropSettled.set(true);
          }
        });
  }

  static String dropWords(SilencingDrop d) {
    return Messages.get(
        "units.card.drop",
        d.images(),
        d.accuracy() * 100,
        d.silencedAccuracy() * 100,
        d.drop() * 100);
  }

  /** Opens MNIST test image {@code testIndex} in Inside. */
  public void open(int testIndex) {
    session.navigate(new Navigation.TestImage(Workspace.INSIDE, testIndex));
  }

  /** Silences the unit in Inside and goes there. */
  public void silenceInInside() {
    RecurrentClassifier model = session.modelProperty().get();
    if (canSilence.get() && model != null) {
      silenceInInside.accept(SilencingDrop.silencing(model.config(), unit.get()));
      session.show(Workspace.INSIDE);
    }
  }

  /** The 784 pixels of test image i (for a thumbnail), or null without data. */
  public float[] pixels(int i) {
    Mnist data = session.dataProperty().get();
    return data == null ? null : data.test().images().imageAsFloats(i);
  }

  /** When the newest card was asked for ({@link System#nanoTime}), for the debug timing. */
  long requestedAt() {
    return requestedAt;
  }

  public ReadOnlyIntegerProperty unitProperty() {
    return unit.getReadOnlyProperty();
  }

  /** Units of the model's top layer. */
  public ReadOnlyIntegerProperty unitsProperty() {
    return units.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Quantity> quantityProperty() {
    return quantity.getReadOnlyProperty();
  }

  /** The quantities the model's cell has, in display order. */
  public ReadOnlyObjectProperty<List<Quantity>> quantitiesProperty() {
    return quantities.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty lowestProperty() {
    return lowest.getReadOnlyProperty();
  }

  /** The card's numbers, or null while they are computed. */
  public ReadOnlyObjectProperty<UnitProfile> profileProperty() {
    return profile.getReadOnlyProperty();
  }

  /** The silencing drop, or null until measured. */
  public ReadOnlyObjectProperty<SilencingDrop> dropProperty() {
    return drop.getReadOnlyProperty();
  }

  /** Whether the drop of the card shown is measured, or its measuring failed (dropText says). */
  public ReadOnlyBooleanProperty dropSettledProperty() {
    return dropSettled.getReadOnlyProperty();
  }

  /** Why the card asked for last could not be computed, in words; "" when nothing failed. */
  public ReadOnlyStringProperty failureProperty() {
    return failure.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty dropTextProperty() {
    return dropText.getReadOnlyProperty();
  }

  /** Whether Inside can silence this unit (a model is loaded). */
  public ReadOnlyBooleanProperty canSilenceProperty() {
    return canSilence.getReadOnlyProperty();
  }
}
