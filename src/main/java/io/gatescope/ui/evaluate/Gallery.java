package io.gatescope.ui.evaluate;

import io.gatescope.core.Messages;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Thumbnails of test images with "true → predicted" captions, all on one Canvas. */
final class Gallery extends Region {
  static final double THUMB = 56;
  static final double CAPTION = 16;

  private final Canvas canvas = new Canvas();
  private List<Integer> items = List.of();
  private IntFunction<float[]> pixels = i -> null;
  private IntFunction<String> caption = i -> "";
  private BiConsumer<Integer, MouseButton> onOpen = (i, b) -> {};

  private int cursor; // the keyboard's thumbnail

  Gallery() {
    getChildren().add(canvas);
    setMinSize(200, 120);
    setFocusTraversable(true);
    canvas.setOnMouseClicked(
        e -> {
          int i = indexAt(e.getX(), e.getY());
          if (i >= 0) {
            cursor = i;
            onOpen.accept(items.get(i), e.getButton());
          }
        });
    // Keyboard: arrows move the outlined image; Enter opens it in Inside, Shift+Enter in Draw.
    addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (items.isEmpty()) {
            return;
          }
          int cols = columns();
          switch (e.getCode()) {
            case LEFT -> cursor = Math.max(0, cursor - 1);
            case RIGHT -> cursor = Math.min(items.size() - 1, cursor + 1);
            case UP -> cursor = Math.max(0, cursor - cols);
            case DOWN -> cursor = Math.min(items.size() - 1, cursor + cols);
            case ENTER ->
                onOpen.accept(
                    items.get(cursor),
                    e.isShiftDown() ? MouseButton.SECONDARY : MouseButton.PRIMARY);
            default -> {
              return;
            }
          }
          e.consume();
          paint();
        });
    focusedProperty().addListener(o -> paint());
  }

  void show(List<Integer> testIndices, IntFunction<float[]> px, IntFunction<String> cap) {
    items = List.copyOf(testIndices);
    cursor = 0;
    pixels = px;
    caption = cap;
    setAccessibleText(Messages.get("a11y.gallery", items.size()));
    paint();
  }

  void setOnOpen(BiConsumer<Integer, MouseButton> c) {
    onOpen = c;
  }

  private int columns() {
    return Math.max(1, (int) (canvas.getWidth() / (THUMB + 6)));
  }

  int indexAt(double x, double y) {
    int col = (int) (x / (THUMB + 6));
    int row = (int) (y / (THUMB + CAPTION + 6));
    int i = row * columns() + col;
    return col < columns() && i < items.size() ? i : -1;
  }

  private void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    g.setFont(Font.font(11));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    int cols = columns();
    double c = THUMB / 28;
    for (int i = 0; i < items.size(); i++) {
      double x = (i % cols) * (THUMB + 6);
      double y = (i / cols) * (THUMB + CAPTION + 6);
      if (y > canvas.getHeight()) {
        break;
      }
      g.setFill(Color.BLACK);
      g.fillRect(x, y, THUMB, THUMB);
      float[] px = pixels.apply(items.get(i));
      for (int r = 0; r < 28; r++) {
        for (int q = 0; q < 28; q++) {
          float v = px[r * 28 + q];
          if (v > 0.05f) {
            g.setFill(Color.gray(Math.min(1, v)));
            g.fillRect(x + q * c, y + r * c, c, c);
          }
        }
      }
      g.setFill(Color.web("#e6e8ea"));
      g.fillText(caption.apply(items.get(i)), x + THUMB / 2, y + THUMB + 1);
      if (i == cursor && isFocused()) {
        g.setStroke(Color.web("#ffb000"));
        g.setLineWidth(2);
        g.strokeRect(x - 2, y - 2, THUMB + 4, THUMB + CAPTION + 2);
      }
    }
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(Math.max(1, getWidth()));
    canvas.setHeight(Math.max(1, getHeight()));
    paint();
  }
}
