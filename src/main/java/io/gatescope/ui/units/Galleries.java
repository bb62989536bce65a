package io.gatescope.ui.units;

import java.util.function.IntConsumer;
import javafx.scene.Cursor;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;

/** A gallery of test-image thumbnails; a click on a shown one opens its image. */
final class Galleries {
  private Galleries() {}

  static TilePane tiles(String id, int count, int columns, IntConsumer open) {
    TilePane tiles = new TilePane(6, 6);
    tiles.setId(id);
    tiles.setPrefColumns(columns);
    tiles.setMinWidth(columns * 94);
    tiles.setMaxWidth(Region.USE_PREF_SIZE);
    for (int i = 0; i < count; i++) {
      Thumbnail t = new Thumbnail();
      t.setPrefSize(88, 88 + 28);
      t.setOnMouseClicked(
          e -> {
            if (t.testIndex() >= 0) {
              open.accept(t.testIndex());
            }
          });
      t.setCursor(Cursor.HAND);
      tiles.getChildren().add(t);
    }
    return tiles;
  }
}
