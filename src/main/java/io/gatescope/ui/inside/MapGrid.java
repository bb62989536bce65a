package io.gatescope.ui.inside;

import io.gatescope.core.engine.Quantity;
import io.gatescope.ui.common.ColorMap;
import io.gatescope.ui.common.Heatmap;
import io.gatescope.ui.common.Legend;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Inside's maps, three by two (one per gate and state, timestep × unit, each with its title and
 * colour legend), one line on the axes under them, and the read-out that follows the pointer.
 */
final class MapGrid extends StackPane {
  private final MapSource vm;
  private final GridPane grid = new GridPane();
  private final List<Heatmap> heatmaps = new ArrayList<>();
  private final List<Legend> legends = new ArrayList<>();
  private final List<Label> titles = new ArrayList<>();
  private final Pane overlay = new Pane();
  private final Label readout = new Label();
  private final javafx.beans.value.ObservableValue<String> axesHint;
  private Runnable onOpenCell = () -> {};
  private java.util.function.IntConsumer onUnitLabel;
  private java.util.function.IntConsumer onUnitLabelHover = u -> {};
  private java.util.function.BiConsumer<Quantity, Heatmap> onBrush;

  MapGrid(MapSource vm, javafx.beans.value.ObservableValue<String> axesHint) {
    this.vm = vm;
    this.axesHint = axesHint;
    getChildren().addAll(buildMaps(), buildReadout());
    setMinSize(0, 0);
  }

  private VBox buildMaps() {
    grid.setHgap(10);
    grid.setVgap(6);
    for (int c = 0; c < 3; c++) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setPercentWidth(100 / 3.0);
      grid.getColumnConstraints().add(cc);
    }
    for (int r = 0; r < 2; r++) {
      RowConstraints rc = new RowConstraints();
      rc.setPercentHeight(50);
      grid.getRowConstraints().add(rc);
    }
    Label axes = new Label();
    axes.textProperty().bind(axesHint);
    axes.getStyleClass().add("muted");
    axes.setWrapText(true);
    axes.setMinHeight(Region.USE_PREF_SIZE);
    VBox maps = new VBox(4, grid, axes);
    VBox.setVgrow(grid, Priority.ALWAYS);
    maps.setPadding(new Insets(4, 12, 4, 4));
    return maps;
  }

  private Pane buildReadout() {
    readout.setId("inside-hover");
    readout.getStyleClass().add("hover-readout");
    readout.setMouseTransparent(true);
    readout.textProperty().bind(vm.hoverProperty());
    readout.visibleProperty().bind(vm.hoverProperty().isNotEmpty());
    overlay.getChildren().add(readout);
    overlay.setMouseTransparent(true);
    overlay.setPickOnBounds(false);
    return overlay;
  }

  /** Places the read-out just below and right of the pointer, inside the maps' area. */
  private void placeReadout(MouseEvent e) {
    if (readout.getText().isEmpty()) {
      return;
    }
    Point2D p = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
    readout.applyCss();
    double w = readout.prefWidth(-1);
    double h = readout.prefHeight(w);
    double x = p.getX() + 14;
    double y = p.getY() + 16;
    if (x + w > overlay.getWidth()) {
      x = Math.max(0, p.getX() - 8 - w);
    }
    if (y + h > overlay.getHeight()) {
      y = Math.max(0, p.getY() - 8 - h);
    }
    readout.resizeRelocate(x, y, w, h);
  }

  /** Shows the view-model's maps: panels made when their number changes, then filled. */
  void rebuild() {
    List<MapData> maps = vm.maps();
    int[] order = vm.orderProperty().get();
    if (!maps.isEmpty() && (order == null || order.length != maps.get(0).values()[0].length)) {
      return; // the order of another model or none yet: shown when it comes
    }
    if (heatmaps.size() != maps.size()) {
      grid.getChildren().clear();
      heatmaps.clear();
      legends.clear();
      titles.clear();
      for (int i = 0; i < maps.size(); i++) {
        grid.add(buildPanel(), i % 3, i / 3);
      }
    }
    for (int i = 0; i < maps.size(); i++) {
      MapData m = maps.get(i);
      Heatmap hm = heatmaps.get(i);
      hm.setId("map-" + m.quantity().key());
      boolean gradient = m.map() == ColorMap.GRADIENT; // a Backward map: ∂L/∂q
      hm.setExportName((gradient ? "gatescope-dL-d" : "gatescope-map-") + m.quantity().key());
      hm.show(m.values(), order, m.map(), m.lo(), m.hi(), m.logEps());
      hm.setOnCellHover(
          c -> {
            if (c != null && !Float.isNaN(c.value())) {
              vm.hover().at(m.quantity(), c.step(), c.unit(), c.value());
            } else {
              vm.clearHover().run();
            }
          });
      hm.setOnCellClick(c -> vm.select().accept(c.step(), c.unit()));
      hm.setOnUnitLabelClick(onUnitLabel);
      hm.setOnUnitLabelHover(onUnitLabelHover);
      hm.setOnBrush(onBrush == null ? null : b -> onBrush.accept(m.quantity(), hm));
      hm.setAccessibleHelp(vm.title(m.quantity()));
      legends.get(i).show(m.map(), m.lo(), m.hi());
      titles.get(i).setText(vm.title(m.quantity()));
    }
  }

  /** One map with its heading: the heading wraps (or the legend moves under it), never cut. */
  private VBox buildPanel() {
    Heatmap hm = new Heatmap();
    hm.addEventHandler(MouseEvent.MOUSE_MOVED, this::placeReadout);
    // The first click selects the cell (t, unit); a double click opens its diagram.
    hm.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getClickCount() == 2) {
            onOpenCell.run();
          }
        });
    Legend lg = new Legend();
    Label t = new Label();
    t.getStyleClass().add("map-title");
    t.setWrapText(true);
    FlowPane head = new FlowPane(4, 2, t, lg);
    head.getStyleClass().add("map-head");
    head.setAlignment(Pos.CENTER_LEFT);
    head.setMinWidth(0);
    VBox box = new VBox(2, head, hm);
    t.maxWidthProperty().bind(box.widthProperty().subtract(12));
    head.prefWrapLengthProperty().bind(box.widthProperty().subtract(12));
    VBox.setVgrow(hm, Priority.ALWAYS);
    box.getStyleClass().add("map-panel");
    box.setMinSize(0, 0);
    heatmaps.add(hm);
    legends.add(lg);
    titles.add(t);
    return box;
  }

  /** What a double click on a map cell does (after the first click selected it). */
  void setOnOpenCell(Runnable r) {
    onOpenCell = r;
  }

  /**
   * A click on a map's unit number gives the unit to {@code click}; the pointer over one, to {@code
   * hover} (the read-out says what a click does).
   */
  void setOnUnitLabel(java.util.function.IntConsumer click, java.util.function.IntConsumer hover) {
    onUnitLabel = click;
    onUnitLabelHover = hover;
  }

  /** A rectangle brushed on q's map is handed over with that map (whose brush it is). */
  void setOnBrush(java.util.function.BiConsumer<Quantity, Heatmap> brushed) {
    onBrush = brushed;
  }

  /** Marks timestep t and the selected unit on every map. */
  void mark(int t, int unit) {
    for (Heatmap hm : heatmaps) {
      hm.stepCursorProperty().set(t);
      hm.select(t, unit);
    }
  }

  /** The heatmap of a quantity, if shown. */
  Heatmap heatmap(Quantity q) {
    for (int i = 0; i < vm.maps().size() && i < heatmaps.size(); i++) {
      if (vm.maps().get(i).quantity() == q) {
        return heatmaps.get(i);
      }
    }
    return null;
  }

  /** The legend of a quantity's map, if shown. */
  Legend legend(Quantity q) {
    Heatmap hm = heatmap(q);
    return hm == null ? null : legends.get(heatmaps.indexOf(hm));
  }
}
