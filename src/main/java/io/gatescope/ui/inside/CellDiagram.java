package io.gatescope.ui.inside;

import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.CellNumbers;
import io.gatescope.ui.common.ColorScheme;
import io.gatescope.ui.common.PictureExport;
import io.gatescope.ui.common.TextLayoutGuard;
import io.gatescope.ui.common.ZoomedCanvas;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * One cell drawn as in the lesson, with the real numbers of one unit at one timestep on its wires:
 * x⟨t⟩ as 28 pixels, a⟨t−1⟩ (and c⟨t−1⟩) with a strip of the whole vector, the gate boxes with
 * their pre-activation z, the ⊙, + and tanh nodes, and the outputs. Colours are the heatmaps'. The
 * operation being stepped through, and the wire it writes, are drawn in the accent colour. Hover a
 * box or node for its equation line. Drawn on one Canvas, laid out for the size it is given.
 */
public final class CellDiagram extends Region {
  static {
    TextLayoutGuard.install(); // canvas text is laid out on the render thread
  }

  private final Canvas canvas = new Canvas();
  private final EquationText popover = new EquationText();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final List<CellPen.Hit> hits = new ArrayList<>();
  private CellNumbers numbers;
  private float tanhC = Float.NaN;
  private double cellRange = 1;
  private Quantity highlighted;
  private List<String> equationLines = List.of();

  /** Sharp while shown magnified (presenter mode), at the zoom it was last painted for. */
  private final ZoomedCanvas zoomed = new ZoomedCanvas(canvas);

  private double zoom = 1;

  public CellDiagram() {
    getStyleClass().add("cell-diagram");
    getStylesheets()
        .addAll(
            CellDiagram.class.getResource("inside.css").toExternalForm(),
            CellDiagram.class.getResource("cell.css").toExternalForm());
    popover.getStyleClass().add("cell-popover");
    popover.setManaged(false);
    popover.setVisible(false);
    popover.setMouseTransparent(true);
    getChildren().addAll(canvas, zoomed.node(), popover);
    localToSceneTransformProperty()
        .addListener(
            o -> {
              if (getScene() != null && ZoomedCanvas.zoomOf(this) != zoom) {
                requestLayout();
              }
            });
    setAccessibleRole(AccessibleRole.TEXT);
    setMinSize(560, 220);
    setPrefSize(900, 380);
    addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
    addEventHandler(MouseEvent.MOUSE_EXITED, e -> popover.setVisible(false));
    addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
  }

  private BiConsumer<Quantity, MouseEvent> onBoxClick = (q, e) -> {};

  /** What a click on a box or node does (e.g. offer to clamp that gate). */
  void setOnBoxClick(BiConsumer<Quantity, MouseEvent> action) {
    onBoxClick = action;
  }

  private void click(MouseEvent e) {
    for (CellPen.Hit h : hits) {
      if (h.bounds().contains(e.getX(), e.getY())) {
        onBoxClick.accept(h.quantity(), e);
        return;
      }
    }
  }

  /** For tests: the centre of q's box or node in screen coordinates, or null. */
  Point2D screenCentreOf(Quantity q) {
    for (CellPen.Hit h : hits) {
      if (h.quantity() == q) {
        return localToScreen(h.bounds().getCenterX(), h.bounds().getCenterY());
      }
    }
    return null;
  }

  /**
   * Draws {@code n}; {@code tanhC} is tanh(c⟨t⟩) as the engine computed it (LSTM; NaN otherwise),
   * {@code cellRange} the r of c's colour scale [−r, r], {@code lit} the operation to light (or
   * null).
   */
  public void show(CellNumbers n, float tanhC, double cellRange, Quantity lit) {
    this.numbers = n;
    this.tanhC = tanhC;
    this.cellRange = Math.max(cellRange, 1e-6);
    this.highlighted = lit;
    paint();
  }

  /** Lights another operation (or none) with the same numbers. */
  public void highlight(Quantity lit) {
    this.highlighted = lit;
    paint();
  }

  /**
   * The equation lines with numbers: header first, then one per operation in {@link
   * CellNumbers#order}. They are the hover text of each box and the screen-reader text.
   */
  public void equations(List<String> lines) {
    equationLines = List.copyOf(lines);
    setAccessibleText(String.join("\n", lines));
  }

  /** For tests: every text drawn on a wire or in a box, by name (e.g. "Γf", "Γf z", "c⟨t−1⟩"). */
  Map<String, String> labels() {
    return Collections.unmodifiableMap(labels);
  }

  /** For tests: the operation drawn lit, or null. */
  Quantity highlighted() {
    return highlighted;
  }

  /** For tests: the hover text now showing (visible, with a size), or null. */
  String popoverText() {
    return popover.isVisible() && popover.getWidth() > 0 ? popover.text() : null;
  }

  /**
   * For tests and keyboard users: shows the hover text of {@code q} as if the pointer were on it.
   */
  void hoverOn(Quantity q) {
    for (CellPen.Hit h : hits) {
      if (h.quantity() == q) {
        showPopover(q, h.bounds().getCenterX(), h.bounds().getMaxY());
        return;
      }
    }
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(Math.max(1, getWidth()));
    canvas.setHeight(Math.max(1, getHeight()));
    paint();
  }

  // ------------------------------------------------------------------ hover

  private void hover(MouseEvent e) {
    for (CellPen.Hit h : hits) {
      if (h.bounds().contains(e.getX(), e.getY())) {
        showPopover(h.quantity(), e.getX(), e.getY() + 18);
        return;
      }
    }
    popover.setVisible(false);
  }

  private void showPopover(Quantity q, double x, double y) {
    String line = lineOf(q);
    if (line == null) {
      popover.setVisible(false);
      return;
    }
    popover.setText(line);
    popover.setVisible(true);
    popover.applyCss(); // its fonts, to measure it before the next pulse
    double w = Math.min(popover.prefWidth(-1), getWidth());
    double h = popover.prefHeight(w);
    popover.resizeRelocate(
        Math.max(0, Math.min(x - w / 2, getWidth() - w)),
        Math.max(0, Math.min(y, getHeight() - h)),
        w,
        h);
  }

  private String lineOf(Quantity q) {
    if (numbers == null) {
      return null;
    }
    int i = CellNumbers.order(numbers.cell()).indexOf(q) + 1;
    return i > 0 && i < equationLines.size() ? equationLines.get(i) : null;
  }

  // ------------------------------------------------------------------ painting

  /**
   * The diagram as a picture {@code scale} times its size, in the colours of exports (the usual
   * maps even in presenter mode, unless asked: {@link ColorScheme#inExportColours}).
   */
  WritableImage picture(double scale) {
    if (!ColorScheme.exportChangesColours()) {
      return PictureExport.snapshot(this, scale);
    }
    try {
      return ColorScheme.inExportColours(
          () -> {
            paint();
            return PictureExport.snapshot(this, scale);
          });
    } finally {
      paint(); // the window's colours again
    }
  }

  private void paint() {
    if (getScene() != null) {
      zoom = ZoomedCanvas.zoomOf(this);
    }
    GraphicsContext g = zoomed.begin(zoom);
    try {
      paintDiagram(g);
    } finally {
      zoomed.end();
    }
  }

  private void paintDiagram(GraphicsContext g) {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.setFill(CellPen.BACKGROUND);
    g.fillRect(0, 0, w, h);
    labels.clear();
    hits.clear();
    if (numbers == null || w < 50 || h < 50) {
      return;
    }
    CellPen pen = new CellPen(g, Math.max(11, Math.min(15, Math.min(w / 62, h / 25))), hits);
    CellParts parts = new CellParts(pen, numbers, highlighted, tanhC, cellRange, labels);
    new CellWiring(pen, parts, numbers).draw(w, h);
  }
}
