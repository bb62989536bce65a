package io.gatescope.ui.inside;

import static io.gatescope.ui.inside.CellPen.ACCENT;
import static io.gatescope.ui.inside.CellPen.BOX;
import static io.gatescope.ui.inside.CellPen.BOX_EDGE;
import static io.gatescope.ui.inside.CellPen.MONO;
import static io.gatescope.ui.inside.CellPen.MUTED;
import static io.gatescope.ui.inside.CellPen.TEXT;

import io.gatescope.core.Messages;
import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.CellNumbers;
import java.util.List;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The parts of a cell diagram that carry its numbers, each also kept in the labels by name: the
 * inputs with their strips, the bus, the gate boxes with z, the values on the gates' wires and the
 * outputs.
 */
final class CellParts {
  private final CellPen pen;
  private final GraphicsContext g;
  private final double fs;
  private final double lh;
  private final CellNumbers numbers;
  private final Quantity highlighted;
  private final float tanhC;
  private final double cellRange;
  private final Map<String, String> labels;

  /**
   * Draws {@code numbers} with {@code pen}, {@code highlighted} lit, c on [−cellRange, cellRange];
   * {@code tanhC} is tanh(c⟨t⟩) as the engine computed it (LSTM; NaN otherwise). Each text drawn
   * goes into {@code labels}.
   */
  CellParts(
      CellPen pen,
      CellNumbers numbers,
      Quantity highlighted,
      float tanhC,
      double cellRange,
      Map<String, String> labels) {
    this.pen = pen;
    this.g = pen.g;
    this.fs = pen.fs;
    this.lh = pen.lh;
    this.numbers = numbers;
    this.highlighted = highlighted;
    this.tanhC = tanhC;
    this.cellRange = cellRange;
    this.labels = labels;
  }

  /** x⟨t⟩ as its pixels, joined to the bus; a⟨t−1⟩ (but for the GRU) and c⟨t−1⟩ with strips. */
  void drawInputs(CellLayout at) {
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
    g.setFont(pen.sans());
    g.setTextBaseline(VPos.CENTER);
    pen.text(Messages.get("cell.row", numbers.t()), at.m, at.yPix + at.px / 2);
    double xTrunk = x0 + row.length * at.px / 2;
    pen.wire(false, false, xTrunk, at.yPix - 1, xTrunk, at.yBus);
    // a⟨t−1⟩ enters the bus from the left (for the GRU also the top line, drawn with the cell).
    if (numbers.cell() != CellType.GRU) {
      previous(at, Quantity.HIDDEN, "a⟨t−1⟩", at.yBus, 1);
      pen.wire(false, false, at.m, at.yBus, at.xa, at.yBus);
    }
    if (numbers.cell() == CellType.LSTM) {
      previous(at, Quantity.CELL, "c⟨t−1⟩", at.yTop, cellRange);
    }
  }

  /** An input state: name and value with its swatch above the line, a strip of the vector. */
  void previous(CellLayout at, Quantity q, String name, double y, double r) {
    float v = numbers.previous().get(q);
    String value = CellValues.f(v);
    labels.put(name, value);
    g.setFont(pen.sans());
    g.setTextBaseline(VPos.CENTER);
    g.setFill(TEXT);
    double ty = y - lh * 1.45;
    pen.text(name, at.m, ty);
    double vx = at.m + CellPen.width(name, pen.sans()) + fs * 0.5;
    pen.swatch(vx, ty, CellValues.diverging(v, r));
    g.setFont(pen.mono());
    g.setFill(TEXT);
    pen.text(value, vx + fs * 1.1, ty);
    float[] strip = numbers.previousStrips().get(q);
    double sy = y - lh * 0.75;
    double sw = at.left;
    double cw = sw / strip.length;
    for (int k = 0; k < strip.length; k++) {
      g.setFill(CellValues.diverging(strip[k], r));
      g.fillRect(at.m + k * cw, sy, Math.ceil(cw), fs * 0.45);
    }
    double ux = at.m + (numbers.unit() + 0.5) * cw;
    g.setStroke(TEXT);
    g.setLineWidth(1.5);
    g.strokeLine(ux, sy - 3, ux, sy + fs * 0.45 + 3);
  }

  /**
   * The joint input [a⟨t−1⟩, x⟨t⟩] along the bottom, with a feed up into each box from x0 to x1.
   */
  void bus(CellLayout at, double x0, double x1) {
    pen.wire(false, false, at.xa, at.yBus, x1, at.yBus);
    for (double x : x0 == x1 ? new double[] {x0} : spread(numbers.cell(), x0, x1)) {
      pen.wire(false, true, x, at.yBus, x, at.yBox + at.bh / 2);
      if (x > at.xa) {
        pen.dot(x, at.yBus);
      }
    }
    g.setFont(pen.mono());
    g.setFill(MUTED);
    g.setTextBaseline(VPos.CENTER);
    pen.text("[a⟨t−1⟩, x⟨t⟩]", x1 + fs * 0.6, at.yBus);
  }

  private static double[] spread(CellType cell, double x0, double x1) {
    if (cell == CellType.GRU) {
      return new double[] {x0, x1};
    }
    double d = (x1 - x0) / 3;
    return new double[] {x0, x0 + d, x0 + 2 * d, x1};
  }

  /** Whether q is the operation drawn lit. */
  boolean lit(Quantity q) {
    return q == highlighted;
  }

  /** A gate (or tanh) box: symbol and function, its name, and z as computed. */
  void gate(CellLayout at, Quantity q, String fn, String nameKey, double cx, double bw) {
    boolean on = lit(q);
    double x = cx - bw / 2;
    double y = at.boxTop();
    g.setFill(BOX);
    g.fillRoundRect(x, y, bw, at.bh, fs * 0.6, fs * 0.6);
    g.setStroke(on ? ACCENT : BOX_EDGE);
    g.setLineWidth(on ? 3 : 1.5);
    g.strokeRoundRect(x, y, bw, at.bh, fs * 0.6, fs * 0.6);
    pen.hit(q, new BoundingBox(x, y, bw, at.bh));
    g.setTextBaseline(VPos.CENTER);
    double y1 = y + fs * 0.25 + lh * 0.5;
    String sym = CellValues.symbol(q);
    g.setFont(Font.font(MONO, FontWeight.BOLD, fs * 1.15));
    g.setFill(on ? ACCENT : TEXT);
    double sw = CellPen.width(sym, g.getFont());
    g.setFont(pen.mono());
    double fw = CellPen.width(fn, pen.mono());
    double gap = fs * 0.6;
    double sx = cx - (sw + gap + fw) / 2;
    g.setFont(Font.font(MONO, FontWeight.BOLD, fs * 1.15));
    pen.text(sym, sx, y1);
    g.setFont(pen.mono());
    g.setFill(MUTED);
    pen.text(fn, sx + sw + gap, y1);
    g.setFont(pen.sans());
    g.setFill(MUTED);
    pen.centred(Messages.get(nameKey), cx, y1 + lh);
    float z = numbers.wire(q).z();
    if (!Float.isNaN(z)) {
      String zt = "z = " + CellValues.f(z);
      labels.put(sym + " z", zt);
      g.setFont(pen.mono());
      g.setFill(TEXT);
      pen.centred(zt, cx, y1 + 2 * lh);
    }
  }

  /**
   * The value a gate (or c̃) put on its wire, and what an intervention made of it: on the wire,
   * just above the box ({@code bottom} is the box's top).
   */
  void gateValue(Quantity q, double x, double bottom) {
    CellNumbers.Wire wv = numbers.wire(q);
    List<String> lines = CellValues.wireText(wv);
    labels.put(CellValues.symbol(q), String.join("; ", lines));
    Color c = q.isGate() ? CellValues.sequential(wv.used()) : CellValues.diverging(wv.used(), 1);
    double yy = bottom - lh * 0.25 - lines.size() * lh + lh / 2;
    pen.pill(lines, x, yy, c, lit(q), wv.changed(), CellPen.Align.CENTER);
  }

  /** tanh(c⟨t⟩) as the engine computed it, in a pill centred on (x, y). */
  void tanhValue(double x, double y, boolean on) {
    String tc = CellValues.f(tanhC);
    labels.put("tanh(c)", tc);
    pen.pill(List.of(tc), x, y, CellValues.diverging(tanhC, 1), on, false, CellPen.Align.CENTER);
  }

  /**
   * An output at the right edge: the name at the arrow's head, the value under the line, its swatch
   * on c's range for c (on [−1, 1] for a).
   */
  void output(CellLayout at, Quantity q, String name, double y) {
    Color swatch = CellValues.diverging(numbers.value(q), q == Quantity.CELL ? cellRange : 1);
    CellNumbers.Wire wv = numbers.wire(q);
    List<String> lines = CellValues.wireText(wv);
    labels.put(name, String.join("; ", lines));
    boolean on = lit(q);
    g.setFont(pen.sans());
    g.setTextBaseline(VPos.CENTER);
    g.setFill(on ? ACCENT : TEXT);
    double nw = CellPen.width(name, pen.sans());
    pen.text(name, at.w - at.m - nw, y);
    pen.pill(lines, at.w - at.m, y + lh * 0.95, swatch, on, wv.changed(), CellPen.Align.RIGHT);
  }
}
