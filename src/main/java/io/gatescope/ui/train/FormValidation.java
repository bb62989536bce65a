package io.gatescope.ui.train;

import impl.org.controlsfx.skin.DecorationPane;
import io.gatescope.core.Messages;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.GraphicDecoration;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * The hyperparameter form's reasons, shown with ControlsFX's validation: the view-model alone says
 * what is wrong ({@link TrainForm#errors()}); each field's Validator reads its reason from there.
 * An invalid field gets the {@code invalid} style and a mark whose tooltip names the field and the
 * reason, and {@link #summary()} lists every reason in field order, for the line under the form
 * (readable on a projector without hovering, and in view while the form scrolls).
 */
final class FormValidation {
  private final ValidationSupport support = new ValidationSupport();
  private final Map<Control, Field> fields;
  private final StringBinding summary;

  /**
   * @param inputs each field's control, already in the form
   */
  FormValidation(TrainForm form, Map<Field, Control> inputs) {
    fields =
        inputs.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    support.setValidationDecorator(
        new CompoundValidationDecoration(
            new StyleClassValidationDecoration("invalid", "warning"), new Mark()));
    inputs.forEach(
        (f, c) ->
            support.registerValidator(
                c,
                false,
                (Control control, Object value) -> {
                  String reason = form.errors().get(f);
                  return ValidationResult.fromErrorIf(
                      control,
                      Messages.get("train.error.field", f.label(), reason),
                      reason != null);
                }));
    // A value in one field can make another invalid (memory: hidden units and batch together).
    form.errors().addListener((MapChangeListener<Field, String>) c -> support.revalidate());
    support.initInitialDecoration();
    summary =
        Bindings.createStringBinding(
            () ->
                support.getValidationResult() == null
                    ? ""
                    : support.getValidationResult().getErrors().stream()
                        .sorted(Comparator.comparing(m -> fields.get(m.getTarget())))
                        .map(ValidationMessage::getText)
                        .collect(Collectors.joining("\n")),
            support.validationResultProperty());
  }

  /** The form with room for the marks (they scroll with their fields). */
  static Node decorated(Node form) {
    DecorationPane pane = new DecorationPane();
    pane.setRoot(form);
    return pane;
  }

  /** Every reason, one line each, "field: reason", in the form's order; empty when valid. */
  StringBinding summary() {
    return summary;
  }

  ValidationSupport support() {
    return support;
  }

  /**
   * ControlsFX's error mark, inside the field at its right end (not over the next row), with a
   * tooltip that names the field and the reason.
   */
  static final class Mark extends GraphicValidationDecoration {
    @Override
    protected Collection<Decoration> createValidationDecorations(ValidationMessage message) {
      return List.of(
          new GraphicDecoration(createDecorationNode(message), Pos.CENTER_RIGHT, -12, 0));
    }

    @Override
    protected Node createDecorationNode(ValidationMessage message) {
      Node n = super.createDecorationNode(message);
      n.getStyleClass().add("field-error-mark");
      return n;
    }
  }
}
