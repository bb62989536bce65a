package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Insert a number (the lesson bar's # while editing): the live numbers the window's state offers
 * ({@link NumberChoices}), each saying the value it reads, read again each time the menu opens; the
 * one chosen goes into the box last edited (caption or question), where its caret was.
 */
final class NumberMenu extends MenuButton {
  private final Supplier<List<NumberChoices.Choice>> choices;
  private TextInputControl target;

  NumberMenu(Supplier<List<NumberChoices.Choice>> choices, List<TextInputControl> boxes) {
    this.choices = choices;
    this.target = boxes.get(0);
    setGraphic(new FontIcon("mdi2p-pound"));
    setId("lesson-insert-number");
    setTooltip(new Tooltip(Messages.get("lesson.bar.insertNumber.tip")));
    setAccessibleText(Messages.get("lesson.bar.insertNumber"));
    setMinWidth(Region.USE_PREF_SIZE);
    setOnShowing(e -> fill());
    for (TextInputControl box : boxes) {
      box.focusedProperty()
          .addListener(
              (o, was, now) -> {
                if (now) {
                  target = box;
                }
              });
    }
  }

  private void fill() {
    getItems().clear();
    for (NumberChoices.Choice c : choices.get()) {
      MenuItem item = new MenuItem(c.label());
      item.setOnAction(e -> insert(c.token()));
      getItems().add(item);
    }
    if (getItems().isEmpty()) {
      MenuItem none = new MenuItem(Messages.get("lesson.bar.insertNumber.none"));
      none.setDisable(true);
      getItems().add(none);
    }
  }

  /** {@code token} into the box last edited, where its caret is. */
  void insert(String token) {
    target.insertText(target.getCaretPosition(), token);
    target.requestFocus();
  }
}
