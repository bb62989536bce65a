package io.gatescope.ui.common;

import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/** Choice boxes whose items are values (ids, enums) shown to the user as text. */
public final class Choices {
  private Choices() {}

  /** Shows each item of {@code c}, in the list and in the box, as {@code text} of it. */
  public static <T> void showAs(ComboBox<T> c, Function<T, String> text) {
    c.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(T item) {
            return item == null ? "" : text.apply(item);
          }

          @Override
          public T fromString(String s) {
            return null; // not editable: text never turns back into an item
          }
        });
    c.setCellFactory(
        lv ->
            new ListCell<>() {
              @Override
              protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
              }
            });
    c.setButtonCell(c.getCellFactory().call(null));
  }
}
