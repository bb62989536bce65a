package io.gatescope.ui.draw;

import io.gatescope.core.Messages;
import io.gatescope.core.preprocess.StrokeRaster.Stroke;
import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The canvas to draw on, in its frame: the picture or test image under the strokes, the strokes in
 * white; the mouse draws, and a ring shows when it has the keyboard.
 */
final class DrawCanvas extends StackPane {
  private static final PseudoClass FOCUSED_CANVAS = PseudoClass.getPseudoClass("canvas-focused");

  private final DrawViewModel vm;
  private final Canvas canvas = new Canvas(DrawViewModel.CANVAS, DrawViewModel.CANVAS);

  DrawCanvas(DrawViewModel vm) {
    this.vm = vm;
    getChildren().add(canvas);
    canvas.setId("draw-canvas");
    canvas.setAccessibleText(Messages.get("draw.canvas.a11y"));
    canvas.setFocusTraversable(true);
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> vm.beginStroke(e.getX(), e.getY()));
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> vm.extendStroke(e.getX(), e.getY()));
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> vm.endStroke());
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> canvas.requestFocus());
    vm.strokes().addListener((Observable o) -> paint());
    vm.backgroundProperty().addListener(o -> paint());
    getStyleClass().add("canvas-frame");
    setMaxSize(DrawViewModel.CANVAS + 4, DrawViewModel.CANVAS + 4);
    setMinSize(DrawViewModel.CANVAS + 4, DrawViewModel.CANVAS + 4);
    canvas
        .focusedProperty()
        .addListener((o, a, f) -> pseudoClassStateChanged(FOCUSED_CANVAS, f)); // a visible ring
    paint();
  }

  private void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double s = canvas.getWidth();
    g.setFill(Color.BLACK);
    g.fillRect(0, 0, s, s);
    float[] bg = vm.backgroundProperty().get();
    if (bg != null) {
      double c = s / 28;
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          if (bg[y * 28 + x] > 0) {
            g.setFill(Color.gray(Math.min(1, bg[y * 28 + x])));
            g.fillRect(x * c, y * c, c + 0.5, c + 0.5);
          }
        }
      }
    }
    g.setStroke(Color.WHITE);
    g.setLineCap(StrokeLineCap.ROUND);
    g.setLineJoin(StrokeLineJoin.ROUND);
    for (Stroke st : vm.strokes()) {
      double[] p = st.xy();
      g.setLineWidth(st.width());
      g.beginPath();
      g.moveTo(p[0], p[1]);
      g.lineTo(p[0] + 0.01, p[1]);
      for (int i = 2; i + 1 < p.length; i += 2) {
        g.lineTo(p[i], p[i + 1]);
      }
      g.stroke();
    }
  }
}
