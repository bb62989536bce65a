package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.Quantity;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The read-out of what is under the pointer on a map: the cell with its exact value, in one
 * sentence; empty when there is nothing.
 */
final class PointerReadout {
  private final String cellKey;
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

  /** {@code cellKey} is the sentence naming a cell: its args are q, unit, step and value. */
  PointerReadout(String cellKey) {
    this.cellKey = cellKey;
  }

  /** The pointer is over a cell of q's map. */
  void at(Quantity q, int step, int unit, float value) {
    text.set(Messages.get(cellKey, q.symbol(), unit, step, TraceTexts.exact(value)));
  }

  /** Something else is under the pointer, as {@code sentence} says. */
  void say(String sentence) {
    text.set(sentence);
  }

  /** Nothing under the pointer, or what was there is gone. */
  void clear() {
    text.set("");
  }

  ReadOnlyStringProperty property() {
    return text.getReadOnlyProperty();
  }
}
