package io.gatescope.ui.inside;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.CellNumbers;
import io.gatescope.ui.common.ColorMap;
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
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

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

  private static final Color BACKGROUND = Color.web("#23282d");
  private static final Color TEXT = Color.web("#e6e8ea");
  private static final Color MUTED = Color.web("#9aa1a8");
  private static final Color WIRE = Color.web("#8a939c");
  private static final Color BOX = Color.web("#2b3036");
  private static final Color BOX_EDGE = Color.web("#6b747d");
  private static final Color PILL = Color.web("#181b1e");
  private static final Color ACCENT = Color.web("#ffb000");
  private static final Color CHANGED = Color.web("#ffb347");
  private static final String MONO = "DejaVu Sans Mono";

  private final Canvas canvas = new Canvas();
  private final EquationText popover = new EquationText();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final List<Hit> hits = new ArrayList<>();
  private CellNumbers numbers;
  private float tanhC = Float.NaN;
  private double cellRange = 1;
  private Quantity highlighted;
  private List<String> equationLines = List.of();

  // Per paint: the font size and line height, and the graphics context.
  private double fs;
  private double lh;
  private GraphicsContext g;

  /** Sharp while shown magnified (presenter mode), at the zoom it was last painted for. */
  private final ZoomedCanvas zoomed = new ZoomedCanvas(canvas);

  private double zoom = 1;

  /** A box or node the pointer can rest on, and the operation it is. */
  private record Hit(Quantity quantity, Bounds bounds) {}

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
    for (Hit h : hits) {
      if (h.bounds().contains(e.getX(), e.getY())) {
        onBoxClick.accept(h.quantity(), e);
        return;
      }
    }
  }

  /** For tests: the centre of q's box or node in screen coordinates, or null. */
  Point2D screenCentreOf(Quantity q) {
    for (Hit h : hits) {
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
    for (Hit h : hits) {
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
    for (Hit h : hits) {
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
    g = zoomed.begin(zoom);
    try {
      paintDiagram();
    } finally {
      zoomed.end();
    }
  }

  private void paintDiagram() {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.setFill(BACKGROUND);
    g.fillRect(0, 0, w, h);
    labels.clear();
    hits.clear();
    if (numbers == null || w < 50 || h < 50) {
      return;
    }
    fs = Math.max(11, Math.min(15, Math.min(w / 62, h / 25)));
    lh = fs * 1.35;
    g.setLineCap(StrokeLineCap.ROUND);
    // The RNN's one box leaves the top empty: its drawing sits in the middle instead.
    double top = numbers.cell() == CellType.RNN ? h * 0.14 : 0;
    Layout at = new Layout(w, h - top, top);
    drawInputs(at);
    switch (numbers.cell()) {
      case LSTM -> drawLstm(at);
      case GRU -> drawGru(at);
      case RNN -> drawRnn(at);
    }
  }

  /** The frame every diagram shares: the left column of inputs, the bus, the boxes' row. */
  private final class Layout {
    final double w;
    final double h;
    final double m;
    final double left; // width of the input column
    final double xa; // where the cell's inside begins
    final double xb; // where the outputs leave
    final double yTop; // the cell-state line (the hidden line for the GRU)
    final double yBus; // the joint input [a⟨t−1⟩, x⟨t⟩]
    final double px; // one input pixel
    final double yPix; // top of the input pixels
    final double bh; // box height
    final double yBox; // box centre

    Layout(double w, double h, double top) {
      this.w = w;
      this.h = h;
      m = Math.max(8, fs * 0.7);
      left = Math.max(w * 0.17, width("a⟨t−1⟩ -0.000", mono()) + fs * 1.6);
      xa = m + left + fs;
      xb = w - m - Math.max(w * 0.12, width("c⟨t⟩", sans()) + fs * 2);
      px = Math.max(5, Math.min(11, (xb - xa) * 0.55 / 28));
      yPix = h - m - px;
      yBus = yPix - lh * 0.9;
      yTop = top + m + lh * 2.1;
      bh = lh * 3 + fs * 0.5;
      yBox = yBus - lh * 1.1 - bh / 2;
    }

    double col(double f) {
      return xa + (xb - xa) * f;
    }

    double boxTop() {
      return yBox - bh / 2;
    }

    double boxWidth(double spacing) {
      double need =
          Math.max(width("z = -0.000", mono()), width(Messages.get("cell.box.update"), sans()));
      return Math.min(spacing * 0.88, need + fs * 1.2);
    }
  }

  private void drawInputs(Layout at) {
    // x⟨t⟩: 28 pixels in grey, as the image shows them, joined to the bus.
    double x0 = at.xa;
    float[] row = numbers.row();
    for (int k = 0; k < row.length; k++) {
      double v = Math.max(0, Math.min(1, row[k]));
      g.setFill(Color.gray(0.12 + 0.88 * v));
      g.fillRect(x0 + k * at.px, at.yPix, at.px - 1, at.px);
    }
    g.setStroke(MUTED);
    g.setLineWidth(1);
    g.strokeRect(x0 - 0.5, at.yPix - 0.5, row.length * at.px, at.px);
    g.setFill(TEXT);
    g.setFont(sans());
    g.setTextBaseline(VPos.CENTER);
    text(Messages.get("cell.row", numbers.t()), at.m, at.yPix + at.px / 2);
    double xTrunk = x0 + row.length * at.px / 2;
    wire(false, false, xTrunk, at.yPix - 1, xTrunk, at.yBus);
    // a⟨t−1⟩ enters the bus from the left (for the GRU also the top line, drawn with the cell).
    if (numbers.cell() != CellType.GRU) {
      previous(at, Quantity.HIDDEN, "a⟨t−1⟩", at.yBus, 1);
      wire(false, false, at.m, at.yBus, at.xa, at.yBus);
    }
    if (numbers.cell() == CellType.LSTM) {
      previous(at, Quantity.CELL, "c⟨t−1⟩", at.yTop, cellRange);
    }
  }

  /** An input state: name and value with its swatch above the line, a strip of the vector. */
  private void previous(Layout at, Quantity q, String name, double y, double r) {
    float v = numbers.previous().get(q);
    String value = f(v);
    labels.put(name, value);
    g.setFont(sans());
    g.setTextBaseline(VPos.CENTER);
    g.setFill(TEXT);
    double ty = y - lh * 1.45;
    text(name, at.m, ty);
    double vx = at.m + width(name, sans()) + fs * 0.5;
    swatch(vx, ty, diverging(v, r));
    g.setFont(mono());
    g.setFill(TEXT);
    text(value, vx + fs * 1.1, ty);
    float[] strip = numbers.previousStrips().get(q);
    double sy = y - lh * 0.75;
    double sw = at.left;
    double cw = sw / strip.length;
    for (int k = 0; k < strip.length; k++) {
      g.setFill(diverging(strip[k], r));
      g.fillRect(at.m + k * cw, sy, Math.ceil(cw), fs * 0.45);
    }
    double ux = at.m + (numbers.unit() + 0.5) * cw;
    g.setStroke(TEXT);
    g.setLineWidth(1.5);
    g.strokeLine(ux, sy - 3, ux, sy + fs * 0.45 + 3);
  }

  private void drawLstm(Layout at) {
    double xf = at.col(0.08);
    double xu = at.col(0.33);
    double xc = at.col(0.58);
    double xo = at.col(0.83);
    double xm = (xu + xc) / 2;
    double xt = at.xb;
    double bw = at.boxWidth(xu - xf);
    double s = at.boxTop() - at.yTop;
    double yMul = at.yTop + s * 0.42;
    double yTanh = at.yTop + s * 0.24;
    double yOut = at.yTop + s * 0.64;
    double r = fs * 0.8;
    bus(at, xf, xo);
    boolean cLit = lit(Quantity.CELL);
    boolean aLit = lit(Quantity.HIDDEN);
    // The cell-state line: c⟨t−1⟩ → ⊙ Γf → + → c⟨t⟩, with the tap down to tanh.
    wire(false, false, at.m, at.yTop, xf - r, at.yTop);
    wire(cLit, false, xf + r, at.yTop, xm - r, at.yTop);
    wire(cLit, true, xm + r, at.yTop, at.w - at.m - width("c⟨t⟩", sans()) - fs * 0.5, at.yTop);
    wire(aLit, false, xt, at.yTop, xt, yTanh - r);
    // Gates into the nodes.
    gate(at, Quantity.FORGET, "σ", "cell.box.forget", xf, bw);
    wire(lit(Quantity.FORGET), true, xf, at.boxTop(), xf, at.yTop + r);
    gate(at, Quantity.UPDATE, "σ", "cell.box.update", xu, bw);
    wire(lit(Quantity.UPDATE), true, xu, at.boxTop(), xu, yMul, xm - r, yMul);
    gate(at, Quantity.CANDIDATE, "tanh", "cell.box.candidate", xc, bw);
    wire(lit(Quantity.CANDIDATE), true, xc, at.boxTop(), xc, yMul, xm + r, yMul);
    wire(cLit, true, xm, yMul - r, xm, at.yTop + r);
    gate(at, Quantity.OUTPUT, "σ", "cell.box.output", xo, bw);
    wire(lit(Quantity.OUTPUT), true, xo, at.boxTop(), xo, yOut, xt - r, yOut);
    wire(aLit, true, xt, yTanh + r, xt, yOut - r);
    wire(aLit, true, xt + r, yOut, at.w - at.m - width("a⟨t⟩", sans()) - fs * 0.5, yOut);
    // Nodes.
    node(Quantity.CELL, cLit, xf, at.yTop, r, "⊙");
    node(Quantity.CELL, cLit, xm, yMul, r, "⊙");
    node(Quantity.CELL, cLit, xm, at.yTop, r, "+");
    tanhNode(Quantity.HIDDEN, aLit, xt, yTanh, r);
    node(Quantity.HIDDEN, aLit, xt, yOut, r, "⊙");
    // Numbers on the gates' wires, just above their boxes.
    gateValue(Quantity.FORGET, xf, at.boxTop());
    gateValue(Quantity.UPDATE, xu, at.boxTop());
    gateValue(Quantity.CANDIDATE, xc, at.boxTop());
    gateValue(Quantity.OUTPUT, xo, at.boxTop());
    // tanh(c⟨t⟩) as the engine computed it, between tanh and ⊙.
    String tc = f(tanhC);
    labels.put("tanh(c)", tc);
    pill(List.of(tc), xt, (yTanh + yOut) / 2, diverging(tanhC, 1), aLit, false, Align.CENTER);
    // Outputs.
    output(at, Quantity.CELL, "c⟨t⟩", at.yTop, diverging(numbers.value(Quantity.CELL), cellRange));
    output(at, Quantity.HIDDEN, "a⟨t⟩", yOut, diverging(numbers.value(Quantity.HIDDEN), 1));
  }

  private void drawGru(Layout at) {
    double xr = at.col(0.1);
    double xu = at.col(0.42);
    double xc = at.col(0.78);
    double bw = at.boxWidth(xu - xr);
    double s = at.boxTop() - at.yTop;
    double yOne = at.yTop + s * 0.22;
    double yMul = at.yTop + s * 0.44;
    double yRes = at.yTop + s * 0.64;
    double r = fs * 0.8;
    boolean aLit = lit(Quantity.HIDDEN);
    boolean candLit = lit(Quantity.CANDIDATE);
    boolean uLit = lit(Quantity.UPDATE);
    bus(at, xr, xu);
    // The hidden line: a⟨t−1⟩ → ⊙ (1−Γu) → + → a⟨t⟩; taps down to the bus and to Γr ⊙ a⟨t−1⟩.
    previous(at, Quantity.HIDDEN, "a⟨t−1⟩", at.yTop, 1);
    wire(false, false, at.m, at.yTop, xu - r, at.yTop);
    wire(aLit, false, xu + r, at.yTop, xc - r, at.yTop);
    wire(aLit, true, xc + r, at.yTop, at.w - at.m - width("a⟨t⟩", sans()) - fs * 0.5, at.yTop);
    double xBus = at.xa - fs * 0.4;
    dot(xBus, at.yTop);
    wire(false, false, xBus, at.yTop, xBus, at.yBus, at.xa, at.yBus);
    double xTap = xr - r * 2.4;
    dot(xTap, at.yTop);
    wire(false, true, xTap, at.yTop, xTap, yRes, xr - r, yRes);
    // Γr ⊙ a⟨t−1⟩ into the candidate's left side; x⟨t⟩ from the row's end into its bottom.
    gate(at, Quantity.RESET, "σ", "cell.box.reset", xr, bw);
    wire(lit(Quantity.RESET), true, xr, at.boxTop(), xr, yRes + r);
    double xIn = xc - bw / 2 - fs * 1.2;
    wire(candLit, true, xr + r, yRes, xIn, yRes, xIn, at.yBox, xc - bw / 2, at.yBox);
    double xRowEnd = at.xa + numbers.row().length * at.px;
    double yRow = at.yPix + at.px / 2;
    wire(candLit, true, xRowEnd + 1, yRow, xc, yRow, xc, at.yBox + at.bh / 2);
    gate(at, Quantity.UPDATE, "σ", "cell.box.update", xu, bw);
    gate(at, Quantity.CANDIDATE, "tanh", "cell.box.candidate", xc, bw);
    // Γu passes over the Γr ⊙ a⟨t−1⟩ line (a gap, not a joint), up through 1− to the kept
    // part, and across to the new part.
    g.setFill(BACKGROUND);
    g.fillRect(xu - fs * 0.45, yRes - fs * 0.3, fs * 0.9, fs * 0.6);
    wire(uLit, false, xu, at.boxTop(), xu, yMul);
    dot(xu, yMul);
    wire(uLit, true, xu, yMul, xu, yOne + r * 1.15);
    wire(aLit, true, xu, yOne - r * 1.15, xu, at.yTop + r);
    wire(uLit, true, xu, yMul, xc - r, yMul);
    wire(candLit, true, xc, at.boxTop(), xc, yMul + r);
    wire(aLit, true, xc, yMul - r, xc, at.yTop + r);
    node(Quantity.CANDIDATE, candLit, xr, yRes, r, "⊙");
    node(Quantity.HIDDEN, aLit, xu, yOne, r * 1.15, "1−");
    node(Quantity.HIDDEN, aLit, xu, at.yTop, r, "⊙");
    node(Quantity.HIDDEN, aLit, xc, yMul, r, "⊙");
    node(Quantity.HIDDEN, aLit, xc, at.yTop, r, "+");
    gateValue(Quantity.RESET, xr, at.boxTop());
    gateValue(Quantity.UPDATE, xu, at.boxTop());
    gateValue(Quantity.CANDIDATE, xc, at.boxTop());
    output(at, Quantity.HIDDEN, "a⟨t⟩", at.yTop, diverging(numbers.value(Quantity.HIDDEN), 1));
  }

  private void drawRnn(Layout at) {
    double xh = at.col(0.4);
    double bw = at.boxWidth(at.xb - at.xa);
    double yOut = at.yTop + (at.boxTop() - at.yTop) * 0.45;
    boolean aLit = lit(Quantity.HIDDEN);
    bus(at, xh, xh);
    gate(at, Quantity.HIDDEN, "tanh", "cell.box.hidden", xh, bw);
    wire(
        aLit,
        true,
        xh,
        at.boxTop(),
        xh,
        yOut,
        at.w - at.m - width("a⟨t⟩", sans()) - fs * 0.5,
        yOut);
    output(at, Quantity.HIDDEN, "a⟨t⟩", yOut, diverging(numbers.value(Quantity.HIDDEN), 1));
  }

  /**
   * The joint input [a⟨t−1⟩, x⟨t⟩] along the bottom, with a feed up into each box from x0 to x1.
   */
  private void bus(Layout at, double x0, double x1) {
    wire(false, false, at.xa, at.yBus, x1, at.yBus);
    for (double x : x0 == x1 ? new double[] {x0} : spread(numbers.cell(), x0, x1)) {
      wire(false, true, x, at.yBus, x, at.yBox + at.bh / 2);
      if (x > at.xa) {
        dot(x, at.yBus);
      }
    }
    g.setFont(mono());
    g.setFill(MUTED);
    g.setTextBaseline(VPos.CENTER);
    text("[a⟨t−1⟩, x⟨t⟩]", x1 + fs * 0.6, at.yBus);
  }

  private static double[] spread(CellType cell, double x0, double x1) {
    if (cell == CellType.GRU) {
      return new double[] {x0, x1};
    }
    double d = (x1 - x0) / 3;
    return new double[] {x0, x0 + d, x0 + 2 * d, x1};
  }

  private boolean lit(Quantity q) {
    return q == highlighted;
  }

  // ------------------------------------------------------------------ the pieces

  /** A gate (or tanh) box: symbol and function, its name, and z as computed. */
  private void gate(Layout at, Quantity q, String fn, String nameKey, double cx, double bw) {
    boolean on = lit(q);
    double x = cx - bw / 2;
    double y = at.boxTop();
    g.setFill(BOX);
    g.fillRoundRect(x, y, bw, at.bh, fs * 0.6, fs * 0.6);
    g.setStroke(on ? ACCENT : BOX_EDGE);
    g.setLineWidth(on ? 3 : 1.5);
    g.strokeRoundRect(x, y, bw, at.bh, fs * 0.6, fs * 0.6);
    hits.add(new Hit(q, new BoundingBox(x, y, bw, at.bh)));
    g.setTextBaseline(VPos.CENTER);
    double y1 = y + fs * 0.25 + lh * 0.5;
    String sym = symbol(q);
    g.setFont(Font.font(MONO, FontWeight.BOLD, fs * 1.15));
    g.setFill(on ? ACCENT : TEXT);
    double sw = width(sym, g.getFont());
    g.setFont(mono());
    double fw = width(fn, mono());
    double gap = fs * 0.6;
    double sx = cx - (sw + gap + fw) / 2;
    g.setFont(Font.font(MONO, FontWeight.BOLD, fs * 1.15));
    text(sym, sx, y1);
    g.setFont(mono());
    g.setFill(MUTED);
    text(fn, sx + sw + gap, y1);
    g.setFont(sans());
    g.setFill(MUTED);
    centred(Messages.get(nameKey), cx, y1 + lh);
    float z = numbers.wire(q).z();
    if (!Float.isNaN(z)) {
      String zt = "z = " + f(z);
      labels.put(sym + " z", zt);
      g.setFont(mono());
      g.setFill(TEXT);
      centred(zt, cx, y1 + 2 * lh);
    }
  }

  /**
   * The value a gate (or c̃) put on its wire, and what an intervention made of it: on the wire,
   * just above the box ({@code bottom} is the box's top).
   */
  private void gateValue(Quantity q, double x, double bottom) {
    CellNumbers.Wire wv = numbers.wire(q);
    List<String> lines = wireText(wv);
    labels.put(symbol(q), String.join("; ", lines));
    Color c = q.isGate() ? sequential(wv.used()) : diverging(wv.used(), 1);
    double yy = bottom - lh * 0.25 - lines.size() * lh + lh / 2;
    pill(lines, x, yy, c, lit(q), wv.changed(), Align.CENTER);
  }

  /** An output at the right edge: the name at the arrow's head, the value under the line. */
  private void output(Layout at, Quantity q, String name, double y, Color swatch) {
    CellNumbers.Wire wv = numbers.wire(q);
    List<String> lines = wireText(wv);
    labels.put(name, String.join("; ", lines));
    boolean on = lit(q);
    g.setFont(sans());
    g.setTextBaseline(VPos.CENTER);
    g.setFill(on ? ACCENT : TEXT);
    double nw = width(name, sans());
    text(name, at.w - at.m - nw, y);
    pill(lines, at.w - at.m, y + lh * 0.95, swatch, on, wv.changed(), Align.RIGHT);
  }

  private static List<String> wireText(CellNumbers.Wire wv) {
    String used = f(wv.used());
    if (!wv.changed()) {
      return List.of(used);
    }
    String computed = f(wv.computed());
    if (wv.quantity().isGate()) {
      return List.of(
          Messages.get("cell.clamped", used), Messages.get("cell.computed.sigma", computed));
    }
    float factor = wv.by().value();
    return List.of(
        factor == 0
            ? Messages.get("cell.silenced", used)
            : Messages.get("cell.scaled", f(factor), used),
        Messages.get("cell.computed", computed));
  }

  private enum Align {
    CENTER,
    RIGHT
  }

  /** A number on a wire: a dark rounded label with the colour swatch, centred or right-aligned. */
  private void pill(
      List<String> lines, double x, double y, Color swatch, boolean on, boolean changed, Align a) {
    Font font = mono();
    double tw = 0;
    for (String s : lines) {
      tw = Math.max(tw, width(s, font));
    }
    double sw = fs * 0.8;
    double pad = fs * 0.35;
    double w = pad + sw + pad + tw + pad;
    double h = lines.size() * lh;
    double x0 = a == Align.CENTER ? x - w / 2 : x - w;
    double y0 = y - lh / 2;
    g.setFill(PILL);
    g.fillRoundRect(x0, y0, w, h, fs * 0.5, fs * 0.5);
    g.setStroke(on ? ACCENT : changed ? CHANGED : BOX_EDGE);
    g.setLineWidth(on ? 2 : 1);
    g.strokeRoundRect(x0, y0, w, h, fs * 0.5, fs * 0.5);
    g.setFill(swatch);
    g.fillRect(x0 + pad, y - sw / 2, sw, sw);
    g.setStroke(MUTED);
    g.setLineWidth(0.5);
    g.strokeRect(x0 + pad, y - sw / 2, sw, sw);
    g.setFont(font);
    g.setTextBaseline(VPos.CENTER);
    for (int i = 0; i < lines.size(); i++) {
      g.setFill(changed ? CHANGED : on ? ACCENT : TEXT);
      text(lines.get(i), x0 + pad * 2 + sw, y + i * lh);
    }
  }

  private void node(Quantity q, boolean on, double x, double y, double r, String glyph) {
    g.setFill(BOX);
    g.fillOval(x - r, y - r, 2 * r, 2 * r);
    g.setStroke(on ? ACCENT : WIRE);
    g.setLineWidth(on ? 2.5 : 1.5);
    g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    g.setFill(on ? ACCENT : TEXT);
    g.setFont(Font.font(MONO, FontWeight.BOLD, glyph.length() > 1 ? fs * 0.8 : fs * 1.05));
    g.setTextBaseline(VPos.CENTER);
    centred(glyph, x, y);
    hits.add(new Hit(q, new BoundingBox(x - r, y - r, 2 * r, 2 * r)));
  }

  private void tanhNode(Quantity q, boolean on, double x, double y, double r) {
    double w = width("tanh", mono()) + fs * 0.8;
    g.setFill(BOX);
    g.fillRoundRect(x - w / 2, y - r, w, 2 * r, 2 * r, 2 * r);
    g.setStroke(on ? ACCENT : WIRE);
    g.setLineWidth(on ? 2.5 : 1.5);
    g.strokeRoundRect(x - w / 2, y - r, w, 2 * r, 2 * r, 2 * r);
    g.setFill(on ? ACCENT : TEXT);
    g.setFont(mono());
    g.setTextBaseline(VPos.CENTER);
    centred("tanh", x, y);
    hits.add(new Hit(q, new BoundingBox(x - w / 2, y - r, w, 2 * r)));
  }

  /** A polyline through the points (x, y pairs), with an arrowhead at its end if asked. */
  private void wire(boolean on, boolean arrow, double... p) {
    g.setStroke(on ? ACCENT : WIRE);
    g.setLineWidth(on ? 3 : 1.5);
    g.strokePolyline(xs(p), ys(p), p.length / 2);
    if (arrow && p.length >= 4) {
      double x1 = p[p.length - 2];
      double y1 = p[p.length - 1];
      double ang = Math.atan2(y1 - p[p.length - 3], x1 - p[p.length - 4]);
      double a = fs * 0.55;
      g.setFill(on ? ACCENT : WIRE);
      g.fillPolygon(
          new double[] {
            x1, x1 - a * Math.cos(ang - 0.45), x1 - a * Math.cos(ang + 0.45),
          },
          new double[] {
            y1, y1 - a * Math.sin(ang - 0.45), y1 - a * Math.sin(ang + 0.45),
          },
          3);
    }
  }

  private void dot(double x, double y) {
    g.setFill(WIRE);
    g.fillOval(x - 3, y - 3, 6, 6);
  }

  private void swatch(double x, double y, Color c) {
    double s = fs * 0.8;
    g.setFill(c);
    g.fillRect(x, y - s / 2, s, s);
    g.setStroke(MUTED);
    g.setLineWidth(0.5);
    g.strokeRect(x, y - s / 2, s, s);
  }

  private static double[] xs(double[] p) {
    double[] x = new double[p.length / 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = p[2 * i];
    }
    return x;
  }

  private static double[] ys(double[] p) {
    double[] y = new double[p.length / 2];
    for (int i = 0; i < y.length; i++) {
      y[i] = p[2 * i + 1];
    }
    return y;
  }

  // ------------------------------------------------------------------ text

  private static final String CAND = "c\u0303";

  /** Left-aligned text where every c̃ is a c with a tilde drawn above it (font-independent). */
  private void text(String s, double x, double y) {
    g.setTextAlign(TextAlignment.LEFT);
    int from = 0;
    for (int at = s.indexOf(CAND); at >= 0; at = s.indexOf(CAND, from)) {
      String before = s.substring(from, at);
      g.fillText(before, x, y);
      x += width(before, g.getFont());
      g.fillText("c", x, y);
      double cw = width("c", g.getFont());
      double tw = width("~", g.getFont());
      g.fillText("~", x + (cw - tw) / 2, y - g.getFont().getSize() * 0.62);
      x += cw;
      from = at + CAND.length();
    }
    g.fillText(s.substring(from), x, y);
  }

  private void centred(String s, double cx, double y) {
    text(s, cx - width(s, g.getFont()) / 2, y);
  }

  private static final Text MEASURE = new Text();

  private static double width(String s, Font font) {
    MEASURE.setFont(font);
    MEASURE.setText(s.replace(CAND, "c"));
    return MEASURE.getLayoutBounds().getWidth();
  }

  private Font mono() {
    return Font.font(MONO, fs);
  }

  private Font sans() {
    return Font.font(fs);
  }

  private static String symbol(Quantity q) {
    return switch (q) {
      case CANDIDATE -> CAND;
      case HIDDEN -> "a";
      case CELL -> "c";
      default -> q.symbol();
    };
  }

  // ------------------------------------------------------------------ colours and numbers

  private static Color sequential(double v) {
    return argb(ColorMap.SEQUENTIAL.argb(v));
  }

  /** The diverging map on [−r, r], as the heatmaps use it. */
  private static Color diverging(double v, double r) {
    return argb(ColorMap.DIVERGING.argb((v + r) / (2 * r)));
  }

  private static Color argb(int c) {
    return Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
  }

  /** Three decimals as the equations print them; −0 reads as 0. */
  static String f(double v) {
    return String.format("%.3f", v == 0 ? 0.0 : v);
  }
}
