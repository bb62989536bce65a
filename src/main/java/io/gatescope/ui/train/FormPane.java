package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import io.gatescope.core.train.TrainingConfig;
import io.gatescope.ui.common.Choices;
import java.util.EnumMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The hyperparameter form's controls: the preset menu, one input per {@link Field} bound both ways
 * to the form's text (what is typed is the form's value), and the reasons under the form.
 */
final class FormPane {
  private final TrainViewModel vm;
  private final TrainForm form;
  private final Map<Field, Control> inputs = new EnumMap<>(Field.class);
  private final GridPane grid;
  private final FormValidation validation;

  FormPane(TrainViewModel vm) {
    this.vm = vm;
    this.form = vm.form();
    grid = buildGrid();
    validation = new FormValidation(form, inputs);
  }

  /** The fields, names never cut, inputs taking the rest of the width. */
  GridPane grid() {
    return grid;
  }

  private GridPane buildGrid() {
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(3);
    g.setPadding(new Insets(0, 8, 0, 0)); // room for the scroll bar
    ColumnConstraints names = new ColumnConstraints();
    names.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    values.setFillWidth(true);
    g.getColumnConstraints().addAll(names, values);
    int row = 0;
    for (Field f : Field.values()) {
      Control input = input(f);
      input.setId("train-" + f.name().toLowerCase().replace('_', '-'));
      input.setMinWidth(60);
      Label name = new Label(f.label());
      name.setLabelFor(input);
      name.setMinWidth(Region.USE_PREF_SIZE);
      g.add(name, 0, row);
      g.add(input, 1, row++);
      inputs.put(f, input);
    }
    return g;
  }

  private Control input(Field f) {
    return switch (f) {
      case CELL -> combo(f, "cell", "lstm", "gru", "rnn");
      case READING -> combo(f, "reading", "rows", "columns", "permuted_rows");
      case OPTIMIZER -> combo(f, "optimizer", "adam", "sgd", "momentum", "rmsprop");
      default -> {
        TextField tf = new TextField();
        tf.textProperty().bindBidirectional(form.textProperty(f));
        tf.setPrefColumnCount(7);
        yield tf;
      }
    };
  }

  private ComboBox<String> combo(Field f, String kind, String... items) {
    ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(items));
    c.setPrefWidth(60); // the column, not the longest item, sets the width
    c.setMaxWidth(Double.MAX_VALUE);
    c.valueProperty().bindBidirectional(form.textProperty(f));
    showAs(c, "train." + kind + ".");
    return c;
  }

  /** Why the form cannot start, field by field; in view even while the form scrolls. */
  Label buildReasons() {
    Label reasons = new Label();
    reasons.setId("train-form-errors");
    reasons.getStyleClass().add("field-error");
    reasons.setWrapText(true);
    reasons.setMinHeight(Region.USE_PREF_SIZE);
    reasons.textProperty().bind(validation.summary());
    reasons.visibleProperty().bind(reasons.textProperty().isNotEmpty());
    reasons.managedProperty().bind(reasons.visibleProperty());
    return reasons;
  }

  /** Classic lesson, quick demo, or the LSTM/GRU/RNN comparison (which lives in Evaluate). */
  ComboBox<String> buildPreset() {
    ComboBox<String> preset =
        new ComboBox<>(FXCollections.observableArrayList("classic", "quick", "compare"));
    showAs(preset, "train.preset.");
    preset.setPromptText(Messages.get("train.preset"));
    preset.setOnAction(
        e -> {
          if ("compare".equals(preset.getValue())) {
            vm.requestComparison();
          } else if (preset.getValue() != null) {
            vm.applyPreset(
                "quick".equals(preset.getValue())
                    ? TrainingConfig.quickDemo()
                    : TrainingConfig.classic());
          }
        });
    preset.setId("train-preset");
    preset.setMaxWidth(Double.MAX_VALUE);
    return preset;
  }

  /** Shows each item as the text under {@code prefix + item}; the values stay the items. */
  static void showAs(ComboBox<String> c, String prefix) {
    Choices.showAs(c, item -> Messages.get(prefix + item));
  }
}
