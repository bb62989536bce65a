package io.gatescope.ui.draw;

import io.gatescope.core.preprocess.Preprocessor;
import io.gatescope.core.preprocess.StrokeRaster;
import io.gatescope.core.preprocess.StrokeRaster.Stroke;
import io.gatescope.ui.common.Input;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Draw canvas holds: strokes (with undo) over a picture or test image, and the 28×28 input
 * they make, preprocessed as the CLI's predict does. Every change hands the new input (or null:
 * nothing to read) to {@code publish}.
 */
final class Sketch {
  /** Canvas side in logical pixels; strokes are in these coordinates. */
  static final int SIDE = 280;

  private final Consumer<Input> publish;
  private final ObservableList<Stroke> strokes = FXCollections.observableArrayList();
  private final ObservableList<Stroke> strokesView =
      FXCollections.unmodifiableObservableList(strokes);
  private final ReadOnlyObjectWrapper<float[]> background = new ReadOnlyObjectWrapper<>();
  private final DoubleProperty brush = new SimpleDoubleProperty(20);
  private Input base; // the test image or picture under the strokes, or null
  private double[] current; // the stroke being drawn, x y pairs
  private int currentLength;
  private Cleared cleared;

  /** What the last clear removed, for Undo. */
  private record Cleared(List<Stroke> strokes, Input base, float[] background) {}

  Sketch(Consumer<Input> publish) {
    this.publish = publish;
  }

  /** Another input is shown (from anywhere): it replaces the strokes and lies under new ones. */
  void showUnder(Input in) {
    current = null;
    strokes.clear();
    base = in;
    background.set(in == null ? null : in.pixels());
  }

  void begin(double x, double y) {
    current = new double[64];
    currentLength = 0;
    addPoint(x, y);
    strokes.add(new Stroke(Arrays.copyOf(current, currentLength), brush.get()));
  }

  void extend(double x, double y) {
    if (current == null) {
      return;
    }
    addPoint(x, y);
    strokes.set(strokes.size() - 1, new Stroke(Arrays.copyOf(current, currentLength), brush.get()));
    rasterise();
  }

  void end() {
    if (current != null) {
      current = null;
      rasterise();
    }
  }

  private void addPoint(double x, double y) {
    if (currentLength + 2 > current.length) {
      current = Arrays.copyOf(current, current.length * 2);
    }
    current[currentLength++] = Math.max(0, Math.min(SIDE, x));
    current[currentLength++] = Math.max(0, Math.min(SIDE, y));
  }

  /** Empties the canvas (no strokes, no picture, no input); Undo right after brings it back. */
  void clear() {
    if (!strokes.isEmpty() || base != null) {
      cleared = new Cleared(List.copyOf(strokes), base, background.get());
    }
    strokes.clear();
    background.set(null);
    base = null;
    current = null;
    publish.accept(null);
  }

  /**
   * Takes back the last stroke; after a clear, brings back what it removed; with only a picture
   * left, clears it.
   *
   * @return whether this cleared the canvas
   */
  boolean undo() {
    if (strokes.isEmpty() && base == null && cleared != null) {
      Cleared c = cleared;
      cleared = null;
      base = c.base();
      background.set(c.background());
      strokes.setAll(c.strokes());
      rasterise();
    } else if (!strokes.isEmpty()) {
      strokes.remove(strokes.size() - 1);
      rasterise();
    } else if (background.get() != null) {
      clear();
      return true;
    }
    return false;
  }

  /** Re-rasterises everything and preprocesses it into the input. */
  private void rasterise() {
    if (strokes.isEmpty()) {
      publish.accept(base); // the test image or picture as it was, label and all
      return;
    }
    StrokeRaster raster = new StrokeRaster(SIDE);
    if (background.get() != null) {
      raster.drawImage(background.get(), 28);
    }
    raster.draw(strokes);
    if (raster.isEmpty()) {
      publish.accept(null);
      return;
    }
    try {
      publish.accept(Input.drawing(Preprocessor.toMnist(raster.ink(), SIDE, SIDE)));
    } catch (Preprocessor.EmptyImageException e) {
      publish.accept(null);
    }
  }

  /** The strokes, oldest first (the view paints them; only this class changes them). */
  ObservableList<Stroke> strokes() {
    return strokesView;
  }

  /** The picture or test image under the strokes, 28×28, or null. */
  ReadOnlyObjectProperty<float[]> backgroundProperty() {
    return background.getReadOnlyProperty();
  }

  /** The pen's width for the next stroke; the view's slider is bound to it both ways. */
  DoubleProperty brushProperty() {
    return brush;
  }
}
