package io.gatescope.ui.train;

import io.gatescope.core.Limits;
import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.ModelConfig;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.train.OptimizerKind;
import io.gatescope.core.train.TrainingConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The hyperparameter form: the text of each field as typed, a reason per invalid field (every range
 * from the one {@link Limits} table, every other check from {@link TrainingConfig#validate()}), and
 * the run the form would start.
 */
public final class TrainForm {
  private final Map<Field, StringProperty> text = new EnumMap<>(Field.class);
  private final ObservableMap<Field, String> errors = FXCollections.observableHashMap();
  private final ObservableMap<Field, String> readOnlyErrors =
      FXCollections.unmodifiableObservableMap(errors);

  /** Reasons for values the form does not show (none while the form sets them right). */
  private final ReadOnlyStringWrapper beyondForm = new ReadOnlyStringWrapper("");

  private final ReadOnlyIntegerWrapper plannedIterations = new ReadOnlyIntegerWrapper(0);
  private final BooleanBinding valid;
  private final Consumer<String> say;

  /**
   * @param say where a reason beyond the form's fields is shown (the status line)
   */
  TrainForm(Consumer<String> say) {
    this.say = say;
    for (Field f : Field.values()) {
      StringProperty p = new SimpleStringProperty("");
      p.addListener((o, a, b) -> validate());
      text.put(f, p);
    }
    valid = Bindings.isEmpty(errors).and(beyondForm.isEmpty());
    applyPreset(TrainingConfig.classic());
  }

  /** Fills every field with a config's values. */
  public void applyPreset(TrainingConfig c) {
    ModelConfig m = c.model();
    set(Field.CELL, m.cell().name().toLowerCase());
    set(Field.READING, m.reading().name().toLowerCase());
    set(Field.LAYERS, Integer.toString(m.layers()));
    set(Field.HIDDEN, Integer.toString(m.hidden()));
    set(Field.PROJECTION, Integer.toString(m.projection()));
    set(Field.BATCH, Integer.toString(c.batch()));
    set(Field.EPOCHS, Integer.toString(c.epochs()));
    set(Field.LR, Double.toString(c.learningRate()));
    set(Field.LR_DECAY, Double.toString(c.lrDecay()));
    set(Field.OPTIMIZER, c.optimizer().name().toLowerCase());
    set(Field.CLIP, Double.toString(c.clipNorm()));
    set(Field.FORGET_BIAS, Double.toString(m.forgetBias()));
    set(Field.SEED, Long.toString(m.seed()));
    set(Field.TRAIN_SIZE, Integer.toString(c.trainSize()));
    set(Field.EVAL_EVERY, Integer.toString(c.evalEvery()));
  }

  private void set(Field f, String v) {
    text.get(f).set(v);
  }

  /**
   * A field's text, writable: the view's input binds to it both ways, since what the user types is
   * the form's value (each change is validated at once). Everything else here is read-only.
   */
  public StringProperty textProperty(Field f) {
    return text.get(f);
  }

  /** Reasons per invalid field, read-only; empty when the form is valid. */
  public ObservableMap<Field, String> errors() {
    return readOnlyErrors;
  }

  /** Whether the form would start a run: no reason on any field nor beyond them. */
  public BooleanBinding validProperty() {
    return valid;
  }

  /**
   * Iterations the form's run would take (epochs × batches per epoch): the idle charts' x range; 0
   * while the form is invalid.
   */
  public ReadOnlyIntegerProperty plannedIterationsProperty() {
    return plannedIterations.getReadOnlyProperty();
  }

  /** Parses the form into a config, filling {@link #errors()}; null when invalid. */
  public TrainingConfig validate() {
    Map<Field, String> e = new EnumMap<>(Field.class);
    TypedNumbers n = new TypedNumbers(f -> text.get(f).get(), e);
    CellType cell = choice(e, Field.CELL, CellType::parse, "train.error.cell");
    Reading reading = choice(e, Field.READING, Reading::parse, "train.error.reading");
    OptimizerKind opt = choice(e, Field.OPTIMIZER, OptimizerKind::parse, "train.error.optimizer");
    int layers = n.whole(Field.LAYERS);
    int hidden = n.whole(Field.HIDDEN);
    int proj = n.whole(Field.PROJECTION);
    int batch = n.whole(Field.BATCH);
    int epochs = n.whole(Field.EPOCHS);
    double lr = n.decimal(Field.LR);
    double decay = n.decimal(Field.LR_DECAY);
    double clip = n.decimal(Field.CLIP);
    double fb = n.decimal(Field.FORGET_BIAS);
    long seed = n.whole(Field.SEED);
    int train = n.whole(Field.TRAIN_SIZE);
    int every = n.whole(Field.EVAL_EVERY);
    List<String> beyond = new ArrayList<>();
    TrainingConfig cfg = null;
    if (e.isEmpty()) {
      cfg =
          TrainingConfig.builder()
              .model(new ModelConfig(cell, layers, hidden, proj, fb, seed, reading))
              .batch(batch)
              .epochs(epochs)
              .learningRate(lr)
              .optimizer(opt)
              .clipNorm(clip)
              .trainSize(train)
              .testSize((int) Limits.TEST_SIZE.maxWhole()) // the whole test set
              .evalEvery(every)
              .targetAccuracy(0)
              .lrDecay(decay)
              .build();
      for (TrainingConfig.FieldError fe : cfg.validate()) {
        Field f = Field.of(fe.field());
        if (f != null) {
          e.put(f, fe.message());
        } else {
          beyond.add(fe.toString()); // named with its own label, never on another field
        }
      }
    }
    errors.keySet().retainAll(e.keySet());
    errors.putAll(e);
    beyondForm.set(String.join("; ", beyond));
    if (!beyond.isEmpty()) {
      say.accept(beyondForm.get());
    }
    // Planned from a form that is valid now, never from an earlier value (no invented number).
    plannedIterations.set(valid.get() && cfg != null ? cfg.epochs() * cfg.iterationsPerEpoch() : 0);
    return valid.get() ? cfg : null;
  }

  /** A choice field's value; its reason when the text names no choice. */
  private <T> T choice(Map<Field, String> e, Field f, Function<String, T> parse, String reason) {
    try {
      T v = parse.apply(text.get(f).get());
      if (v != null) {
        return v;
      }
    } catch (IllegalArgumentException | NullPointerException ex) {
      // refused below
    }
    e.put(f, Messages.get(reason));
    return null;
  }

  /** The form as typed, keyed by field name, for the settings file. */
  public Map<String, String> values() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Field f : Field.values()) {
      m.put(f.name().toLowerCase(), text.get(f).get());
    }
    return m;
  }

  /** Restores typed values (unknown or missing keys are skipped; validation marks bad ones). */
  public void restore(Function<String, Optional<String>> get) {
    for (Field f : Field.values()) {
      get.apply(f.name().toLowerCase()).ifPresent(v -> text.get(f).set(v));
    }
  }
}
