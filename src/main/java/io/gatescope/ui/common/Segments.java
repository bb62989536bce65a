package io.gatescope.ui.common;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import org.controlsfx.control.SegmentedButton;

/**
 * A few exclusive choices side by side (ControlsFX's SegmentedButton), all in view at once, bound
 * to a value: one is always chosen (pressing the chosen one again keeps it).
 */
public final class Segments {
  private Segments() {}

  /**
   * @param values the choices, in order
   * @param text each choice as shown
   * @param value the chosen value, both ways
   */
  public static <T> SegmentedButton of(
      List<T> values, Function<T, String> text, Property<T> value) {
    SegmentedButton box = new SegmentedButton();
    for (T v : values) {
      ToggleButton b = new ToggleButton(text.apply(v));
      b.setUserData(v);
      b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      box.getButtons().add(b);
    }
    Runnable fromValue =
        () -> {
          for (ToggleButton b : box.getButtons()) {
            if (b.getUserData().equals(value.getValue())) {
              b.setSelected(true);
            }
          }
        };
    box.getToggleGroup()
        .selectedToggleProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                reselect(was);
              } else {
                @SuppressWarnings("unchecked")
                T v = (T) now.getUserData();
                value.setValue(v);
              }
            });
    value.addListener(o -> fromValue.run());
    fromValue.run();
    return box;
  }

  private static void reselect(Toggle was) {
    if (was != null) {
      was.setSelected(true);
    }
  }
}
