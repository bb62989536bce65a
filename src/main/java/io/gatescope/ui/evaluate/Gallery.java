package io.gatescope.ui.evaluate;

import impl.org.controlsfx.skin.GridViewSkin;
import io.gatescope.core.Messages;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

/**
 * Thumbnails of test images with "true → predicted" captions, in ControlsFX's GridView: as many
 * columns as fit, and it scrolls when there are more rows than room. The keyboard moves an outlined
 * image (arrows); Enter opens it in Inside, Shift+Enter in Draw; a click opens it too (right click:
 * Draw).
 */
final class Gallery extends GridView<Integer> {
  static final double THUMB = 56;
  static final double CAPTION = 16;
  private static final PseudoClass CURSOR = PseudoClass.getPseudoClass("cursor");

  private IntFunction<float[]> pixels = i -> null;
  private IntFunction<String> caption = i -> "";
  private BiConsumer<Integer, MouseButton> onOpen = (i, b) -> {};
  private final IntegerProperty cursor = new SimpleIntegerProperty(); // the keyboard's thumbnail

  Gallery() {
    super(FXCollections.observableArrayList());
    getStyleClass().add("gallery");
    setCellWidth(THUMB);
    setCellHeight(THUMB + CAPTION);
    setHorizontalCellSpacing(3);
    setVerticalCellSpacing(3);
    setMinSize(120, 120);
    setFocusTraversable(true);
    setCellFactory(g -> new Thumbnail());
    addEventFilter(KeyEvent.KEY_PRESSED, this::key);
  }

  void show(List<Integer> testIndices, IntFunction<float[]> px, IntFunction<String> cap) {
    pixels = px;
    caption = cap;
    cursor.set(0);
    getItems().setAll(testIndices);
    setAccessibleText(Messages.get("a11y.gallery", testIndices.size()));
  }

  void setOnOpen(BiConsumer<Integer, MouseButton> c) {
    onOpen = c;
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new GallerySkin();
  }

  /** Arrows move the outlined image (rows as the grid shows them); Enter opens it. */
  private void key(KeyEvent e) {
    int n = getItems().size();
    if (n == 0 || !(getSkin() instanceof GallerySkin skin)) {
      return;
    }
    int cols = Math.max(1, skin.computeMaxCellsInRow());
    int c = cursor.get();
    switch (e.getCode()) {
      case LEFT -> c = Math.max(0, c - 1);
      case RIGHT -> c = Math.min(n - 1, c + 1);
      case UP -> c = Math.max(0, c - cols);
      case DOWN -> c = Math.min(n - 1, c + cols);
      case ENTER ->
          onOpen.accept(
              getItems().get(c), e.isShiftDown() ? MouseButton.SECONDARY : MouseButton.PRIMARY);
      default -> {
        return;
      }
    }
    e.consume();
    cursor.set(c);
    skin.scrollToRow(c / cols);
  }

  /** The grid's skin, which can also bring a row into view. */
  private final class GallerySkin extends GridViewSkin<Integer> {
    GallerySkin() {
      super(Gallery.this);
    }

    void scrollToRow(int row) {
      getVirtualFlow().scrollTo(row);
    }
  }

  /** One test image and its caption; outlined while it is the keyboard's and the grid has focus. */
  private final class Thumbnail extends GridCell<Integer> {
    private final Canvas image = new Canvas(THUMB, THUMB);
    private final Label text = new Label();
    private final VBox box = new VBox(1, image, text);

    Thumbnail() {
      getStyleClass().add("thumbnail");
      text.getStyleClass().add("thumbnail-caption");
      text.setMinWidth(0);
      text.setMaxWidth(THUMB);
      cursor.addListener(o -> outline());
      focusedProperty().addListener(o -> outline());
      Gallery.this.focusedProperty().addListener(o -> outline());
      // A thumbnail's right click opens it in Draw: no export menu over it (the gallery's free
      // space and its title have the menu).
      addEventHandler(
          javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
          e -> {
            if (getItem() != null) {
              e.consume();
            }
          });
      setOnMouseClicked(
          e -> {
            if (getItem() != null) {
              Gallery.this.requestFocus();
              cursor.set(getIndex());
              onOpen.accept(getItem(), e.getButton());
            }
          });
    }

    @Override
    protected void updateItem(Integer item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        setText(null);
      } else {
        paint(pixels.apply(item));
        text.setText(caption.apply(item));
        setGraphic(box);
      }
      outline();
    }

    private void paint(float[] px) {
      GraphicsContext g = image.getGraphicsContext2D();
      double c = THUMB / 28;
      g.setFill(Color.BLACK);
      g.fillRect(0, 0, THUMB, THUMB);
      for (int r = 0; r < 28; r++) {
        for (int q = 0; q < 28; q++) {
          float v = px[r * 28 + q];
          if (v > 0.05f) {
            g.setFill(Color.gray(Math.min(1, v)));
            g.fillRect(q * c, r * c, c, c);
          }
        }
      }
    }

    private void outline() {
      pseudoClassStateChanged(
          CURSOR, !isEmpty() && getIndex() == cursor.get() && Gallery.this.isFocused());
    }
  }
}
