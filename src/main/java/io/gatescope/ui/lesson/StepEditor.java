package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.lesson.LessonStep;
import io.gatescope.ui.common.Controls;
import io.gatescope.ui.common.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The editor of a recorded lesson (a pop-over of the lesson bar while editing): the lesson's title
 * and whether the file carries the model in use; the current step's check with its parameters
 * (validated before anything changes); which panels, controls and workspace tabs the step hides.
 * Apply makes the changes, in the language GateScope speaks for the title.
 */
final class StepEditor extends VBox {
  private final LessonViewModel vm;
  private final Runnable done;
  private final TextField title = new TextField();
  private final CheckBox carryModel = new CheckBox(Messages.get("lesson.settings.model"));
  private final ChoiceBox<CheckForm.Kind> kind =
      new ChoiceBox<>(FXCollections.observableArrayList(CheckForm.Kind.values()));
  private final Spinner<Integer> digit = new Spinner<>(0, 9, 7);
  private final ChoiceBox<Quantity> gate =
      new ChoiceBox<>(
          FXCollections.observableArrayList(
              Arrays.stream(Quantity.values()).filter(Quantity::isGate).toList()));
  private final TextField unit = new TextField();
  private final TextField value = new TextField();
  private final TextField threshold = new TextField();
  private final Label error = new Label();
  private final FlowPane controls = new FlowPane(10, 4);
  private final FlowPane tabs = new FlowPane(10, 4);
  private final Map<String, CheckBox> controlBoxes = new LinkedHashMap<>();
  private final Map<String, CheckBox> tabBoxes = new LinkedHashMap<>();

  /**
   * @param done what happens after Apply or Cancel (the pop-over hides)
   */
  StepEditor(LessonViewModel vm, Runnable done) {
    super(6);
    this.vm = vm;
    this.done = done;
    setId("lesson-settings");
    getStyleClass().add("lesson-settings");
    setPrefWidth(460);
    getChildren()
        .addAll(
            buildLesson(),
            Controls.heading(Messages.get("lesson.settings.check")),
            buildCheck(),
            Controls.heading(Messages.get("lesson.settings.hidden")),
            controls,
            Controls.heading(Messages.get("lesson.settings.tabs")),
            tabs,
            error,
            buildActions());
  }

  private Node buildLesson() {
    title.setId("lesson-settings-title");
    carryModel.setId("lesson-settings-model");
    carryModel.setWrapText(true);
    GridPane g = grid();
    g.addRow(0, new Label(Messages.get("lesson.settings.title")), title);
    g.add(carryModel, 0, 1, 2, 1);
    return g;
  }

  private Node buildCheck() {
    kind.setId("lesson-check-kind");
    digit.setId("lesson-check-digit");
    digit.setPrefWidth(70);
    gate.setId("lesson-check-gate");
    gate.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(Quantity q) {
            return q == null ? "" : q.symbol();
          }

          @Override
          public Quantity fromString(String s) {
            return null;
          }
        });
    unit.setId("lesson-check-unit");
    value.setId("lesson-check-value");
    threshold.setId("lesson-check-threshold");
    for (TextField f : List.of(unit, value, threshold)) {
      f.setPrefColumnCount(5);
    }
    HBox digitRow = row("lesson.settings.digit", digit);
    HBox clampRow =
        Controls.row(
            6,
            new Label(Messages.get("lesson.settings.gate")),
            gate,
            new Label(Messages.get("lesson.settings.unit")),
            unit,
            new Label(Messages.get("lesson.settings.value")),
            value);
    HBox thresholdRow = row("lesson.settings.threshold", threshold);
    kind.valueProperty()
        .addListener(
            (o, a, k) -> {
              show(digitRow, k != null && k.needsDigit());
              show(clampRow, k == CheckForm.Kind.CLAMPED);
              show(thresholdRow, k != null && k.needsThreshold());
            });
    error.setId("lesson-settings-error");
    error.getStyleClass().add("lesson-settings-error");
    Controls.wrap(error);
    return new VBox(4, kind, digitRow, clampRow, thresholdRow);
  }

  private Node buildActions() {
    Button apply =
        Controls.button(
            Messages.get("lesson.settings.apply"),
            "mdi2c-check",
            Messages.get("lesson.settings.apply.tip"),
            this::apply);
    apply.setId("lesson-settings-apply");
    apply.setDefaultButton(true);
    Button cancel = new Button(Messages.get("lesson.settings.cancel"));
    cancel.setId("lesson-settings-cancel");
    cancel.setOnAction(e -> done.run());
    return Controls.row(8, Controls.spacer(), cancel, apply);
  }

  /** Shows the open lesson and its current step. */
  void refresh() {
    LessonStep s = vm.currentStep();
    var l = vm.lessonProperty().get();
    if (s == null || l == null) {
      return;
    }
    title.setText(vm.titleProperty().get());
    carryModel.setSelected(vm.authoring().carryModelProperty().get());
    CheckForm.Fields f = CheckForm.of(s.check(), s.unit());
    kind.setValue(null);
    kind.setValue(f.kind());
    digit.getValueFactory().setValue(f.digit());
    gate.setValue(f.gate());
    unit.setText(f.unit());
    value.setText(f.value());
    threshold.setText(f.threshold());
    error.setText("");
    controlBoxes.clear();
    List<String> ids = new ArrayList<>(Hideable.IDS);
    s.hidden().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    for (String id : ids) {
      CheckBox b = new CheckBox(Hideable.name(id));
      b.setId("lesson-hide-" + id);
      b.setSelected(s.hidden().contains(id));
      controlBoxes.put(id, b);
    }
    controls.getChildren().setAll(controlBoxes.values());
    tabBoxes.clear();
    for (Workspace w : Workspace.values()) {
      CheckBox b = new CheckBox(Messages.get("tab." + w.id()));
      b.setId("lesson-hide-tab-" + w.id());
      b.setSelected(s.hiddenTabs().contains(w.id()));
      b.setDisable(w.id().equals(s.workspace())); // the step's own workspace stays
      tabBoxes.put(w.id(), b);
    }
    tabs.getChildren().setAll(tabBoxes.values());
  }

  /** Validates the check; when it is whole, sets the title, the check and the hiding. */
  boolean apply() {
    CheckForm.Parsed p =
        CheckForm.parse(
            new CheckForm.Fields(
                kind.getValue() == null ? CheckForm.Kind.NONE : kind.getValue(),
                digit.getValue(),
                gate.getValue(),
                unit.getText(),
                value.getText(),
                threshold.getText()),
            vm.units());
    if (!p.ok()) {
      error.setText(p.error());
      return false;
    }
    error.setText("");
    if (!title.getText().isBlank() && !title.getText().strip().equals(vm.titleProperty().get())) {
      vm.authoring().editTitle(title.getText());
    }
    vm.authoring().carryModelProperty().set(carryModel.isSelected());
    vm.authoring().setCheck(p.check());
    vm.authoring().setHiding(selected(controlBoxes), selected(tabBoxes));
    done.run();
    return true;
  }

  private static List<String> selected(Map<String, CheckBox> boxes) {
    return boxes.entrySet().stream()
        .filter(e -> e.getValue().isSelected() && !e.getValue().isDisabled())
        .map(Map.Entry::getKey)
        .toList();
  }

  private static HBox row(String label, Node field) {
    return Controls.row(6, new Label(Messages.get(label)), field);
  }

  private static void show(Node n, boolean on) {
    n.setVisible(on);
    n.setManaged(on);
  }

  private static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(4);
    return g;
  }
}
