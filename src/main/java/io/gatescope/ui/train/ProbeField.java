package io.gatescope.ui.train;

import io.gatescope.core.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * The time-lapse's probe digits as a last row of the form: their test indices, typed (up to four),
 * checked as the form's fields are (ControlsFX validation: the {@code invalid} style, a mark whose
 * tooltip says why, and the reason under the form).
 */
final class ProbeField {
  private final TimeLapseReplay lapse;
  private final TextField field = new TextField();

  ProbeField(TimeLapseReplay lapse) {
    this.lapse = lapse;
  }

  /** Adds the row to the form's grid, under its last field. */
  void addTo(GridPane grid) {
    field.setId("train-probes");
    field.setMinWidth(60);
    field.setPrefColumnCount(7);
    field.textProperty().bindBidirectional(lapse.probeTextProperty());
    field.setTooltip(new Tooltip(tip()));
    Label name = new Label(Messages.get("train.lapse.probes"));
    name.setLabelFor(field);
    name.setMinWidth(Region.USE_PREF_SIZE);
    name.setTooltip(new Tooltip(tip()));
    int row = grid.getRowCount();
    grid.add(name, 0, row);
    grid.add(field, 1, row);
    buildValidation();
  }

  private static String tip() {
    return Messages.get(
        "train.lapse.probes.tip",
        TimeLapseReplay.MAX_PROBES,
        TimeLapseReplay.MAX_FRAMES,
        TimeLapseReplay.BUDGET_BYTES >> 20);
  }

  private void buildValidation() {
    ValidationSupport support = new ValidationSupport();
    support.setValidationDecorator(
        new CompoundValidationDecoration(
            new StyleClassValidationDecoration("invalid", "warning"), new FormValidation.Mark()));
    support.registerValidator(
        field,
        false,
        (javafx.scene.control.Control c, String value) ->
            ValidationResult.fromErrorIf(
                c,
                Messages.get(
                    "train.error.field",
                    Messages.get("train.lapse.probes"),
                    lapse.probeErrorProperty().get()),
                !lapse.validProperty().get()));
    lapse.probeErrorProperty().addListener(o -> support.revalidate());
    support.initInitialDecoration();
  }

  /** Why the probes cannot be used, under the form; hidden while they can. */
  Label buildReason() {
    Label reason = new Label();
    reason.setId("train-probes-error");
    reason.getStyleClass().add("field-error");
    reason.setWrapText(true);
    reason.setMinHeight(Region.USE_PREF_SIZE);
    reason
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    lapse.validProperty().get()
                        ? ""
                        : Messages.get(
                            "train.error.field",
                            Messages.get("train.lapse.probes"),
                            lapse.probeErrorProperty().get()),
                lapse.probeErrorProperty(),
                lapse.validProperty()));
    reason.visibleProperty().bind(reason.textProperty().isNotEmpty());
    reason.managedProperty().bind(reason.visibleProperty());
    return reason;
  }
}
