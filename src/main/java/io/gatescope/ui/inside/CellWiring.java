package io.gatescope.ui.inside;

import static io.gatescope.ui.inside.CellPen.BACKGROUND;

import io.gatescope.core.engine.CellType;
import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.CellNumbers;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;

/**
 * How each kind of cell is wired in the diagram: where the LSTM's, the GRU's and the RNN's boxes,
 * nodes and wires stand, and which operation each wire belongs to.
 */
final class CellWiring {
  private final CellPen pen;
  private final CellParts parts;
  private final GraphicsContext g;
  private final double fs;
  private final CellNumbers numbers;

  /** Draws {@code numbers}' cell with {@code pen}, its numbered parts with {@code parts}. */
  CellWiring(CellPen pen, CellParts parts, CellNumbers numbers) {
    this.pen = pen;
    this.parts = parts;
    this.g = pen.g;
    this.fs = pen.fs;
    this.numbers = numbers;
  }

  /** Draws the cell on a canvas {@code w} × {@code h}. */
  void draw(double w, double h) {
    g.setLineCap(StrokeLineCap.ROUND);
    // The RNN's one box leaves the top empty: its drawing sits in the middle instead.
    double top = numbers.cell() == CellType.RNN ? h * 0.14 : 0;
    CellLayout at = new CellLayout(pen, w, h - top, top);
    parts.drawInputs(at);
    switch (numbers.cell()) {
      case LSTM -> drawLstm(at);
      case GRU -> drawGru(at);
      case RNN -> drawRnn(at);
    }
  }

  private void drawLstm(CellLayout at) {
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
    parts.bus(at, xf, xo);
    boolean cLit = parts.lit(Quantity.CELL);
    boolean aLit = parts.lit(Quantity.HIDDEN);
    // The cell-state line: c⟨t−1⟩ → ⊙ Γf → + → c⟨t⟩, with the tap down to tanh.
    pen.wire(false, false, at.m, at.yTop, xf - r, at.yTop);
    pen.wire(cLit, false, xf + r, at.yTop, xm - r, at.yTop);
    pen.wire(cLit, true, xm + r, at.yTop, at.arrowEnd("c⟨t⟩"), at.yTop);
    pen.wire(aLit, false, xt, at.yTop, xt, yTanh - r);
    // Gates into the nodes.
    parts.gate(at, Quantity.FORGET, "σ", "cell.box.forget", xf, bw);
    pen.wire(parts.lit(Quantity.FORGET), true, xf, at.boxTop(), xf, at.yTop + r);
    parts.gate(at, Quantity.UPDATE, "σ", "cell.box.update", xu, bw);
    pen.wire(parts.lit(Quantity.UPDATE), true, xu, at.boxTop(), xu, yMul, xm - r, yMul);
    parts.gate(at, Quantity.CANDIDATE, "tanh", "cell.box.candidate", xc, bw);
    pen.wire(parts.lit(Quantity.CANDIDATE), true, xc, at.boxTop(), xc, yMul, xm + r, yMul);
    pen.wire(cLit, true, xm, yMul - r, xm, at.yTop + r);
    parts.gate(at, Quantity.OUTPUT, "σ", "cell.box.output", xo, bw);
    pen.wire(parts.lit(Quantity.OUTPUT), true, xo, at.boxTop(), xo, yOut, xt - r, yOut);
    pen.wire(aLit, true, xt, yTanh + r, xt, yOut - r);
    pen.wire(aLit, true, xt + r, yOut, at.arrowEnd("a⟨t⟩"), yOut);
    // Nodes.
    pen.node(Quantity.CELL, cLit, xf, at.yTop, r, "⊙");
    pen.node(Quantity.CELL, cLit, xm, yMul, r, "⊙");
    pen.node(Quantity.CELL, cLit, xm, at.yTop, r, "+");
    pen.tanhNode(Quantity.HIDDEN, aLit, xt, yTanh, r);
    pen.node(Quantity.HIDDEN, aLit, xt, yOut, r, "⊙");
    // Numbers on the gates' wires, just above their boxes.
    parts.gateValue(Quantity.FORGET, xf, at.boxTop());
    parts.gateValue(Quantity.UPDATE, xu, at.boxTop());
    parts.gateValue(Quantity.CANDIDATE, xc, at.boxTop());
    parts.gateValue(Quantity.OUTPUT, xo, at.boxTop());
    // tanh(c⟨t⟩) as the engine computed it, between tanh and ⊙.
    parts.tanhValue(xt, (yTanh + yOut) / 2, aLit);
    // Outputs.
    parts.output(at, Quantity.CELL, "c⟨t⟩", at.yTop);
    parts.output(at, Quantity.HIDDEN, "a⟨t⟩", yOut);
  }

  private void drawGru(CellLayout at) {
    double xr = at.col(0.1);
    double xu = at.col(0.42);
    double xc = at.col(0.78);
    double bw = at.boxWidth(xu - xr);
    double s = at.boxTop() - at.yTop;
    double yOne = at.yTop + s * 0.22;
    double yMul = at.yTop + s * 0.44;
    double yRes = at.yTop + s * 0.64;
    double r = fs * 0.8;
    boolean aLit = parts.lit(Quantity.HIDDEN);
    boolean candLit = parts.lit(Quantity.CANDIDATE);
    boolean uLit = parts.lit(Quantity.UPDATE);
    parts.bus(at, xr, xu);
    // The hidden line: a⟨t−1⟩ → ⊙ (1−Γu) → + → a⟨t⟩; taps down to the bus and to Γr ⊙ a⟨t−1⟩.
    parts.previous(at, Quantity.HIDDEN, "a⟨t−1⟩", at.yTop, 1);
    pen.wire(false, false, at.m, at.yTop, xu - r, at.yTop);
    pen.wire(aLit, false, xu + r, at.yTop, xc - r, at.yTop);
    pen.wire(aLit, true, xc + r, at.yTop, at.arrowEnd("a⟨t⟩"), at.yTop);
    double xBus = at.xa - fs * 0.4;
    pen.dot(xBus, at.yTop);
    pen.wire(false, false, xBus, at.yTop, xBus, at.yBus, at.xa, at.yBus);
    double xTap = xr - r * 2.4;
    pen.dot(xTap, at.yTop);
    pen.wire(false, true, xTap, at.yTop, xTap, yRes, xr - r, yRes);
    // Γr ⊙ a⟨t−1⟩ into the candidate's left side; x⟨t⟩ from the row's end into its bottom.
    parts.gate(at, Quantity.RESET, "σ", "cell.box.reset", xr, bw);
    pen.wire(parts.lit(Quantity.RESET), true, xr, at.boxTop(), xr, yRes + r);
    double xIn = xc - bw / 2 - fs * 1.2;
    pen.wire(candLit, true, xr + r, yRes, xIn, yRes, xIn, at.yBox, xc - bw / 2, at.yBox);
    double xRowEnd = at.xa + numbers.row().length * at.px;
    double yRow = at.yPix + at.px / 2;
    pen.wire(candLit, true, xRowEnd + 1, yRow, xc, yRow, xc, at.yBox + at.bh / 2);
    parts.gate(at, Quantity.UPDATE, "σ", "cell.box.update", xu, bw);
    parts.gate(at, Quantity.CANDIDATE, "tanh", "cell.box.candidate", xc, bw);
    // Γu passes over the Γr ⊙ a⟨t−1⟩ line (a gap, not a joint), up through 1− to the kept
    // part, and across to the new part.
    g.setFill(BACKGROUND);
    g.fillRect(xu - fs * 0.45, yRes - fs * 0.3, fs * 0.9, fs * 0.6);
    pen.wire(uLit, false, xu, at.boxTop(), xu, yMul);
    pen.dot(xu, yMul);
    pen.wire(uLit, true, xu, yMul, xu, yOne + r * 1.15);
    pen.wire(aLit, true, xu, yOne - r * 1.15, xu, at.yTop + r);
    pen.wire(uLit, true, xu, yMul, xc - r, yMul);
    pen.wire(candLit, true, xc, at.boxTop(), xc, yMul + r);
    pen.wire(aLit, true, xc, yMul - r, xc, at.yTop + r);
    pen.node(Quantity.CANDIDATE, candLit, xr, yRes, r, "⊙");
    pen.node(Quantity.HIDDEN, aLit, xu, yOne, r * 1.15, "1−");
    pen.node(Quantity.HIDDEN, aLit, xu, at.yTop, r, "⊙");
    pen.node(Quantity.HIDDEN, aLit, xc, yMul, r, "⊙");
    pen.node(Quantity.HIDDEN, aLit, xc, at.yTop, r, "+");
    parts.gateValue(Quantity.RESET, xr, at.boxTop());
    parts.gateValue(Quantity.UPDATE, xu, at.boxTop());
    parts.gateValue(Quantity.CANDIDATE, xc, at.boxTop());
    parts.output(at, Quantity.HIDDEN, "a⟨t⟩", at.yTop);
  }

  private void drawRnn(CellLayout at) {
    double xh = at.col(0.4);
    double bw = at.boxWidth(at.xb - at.xa);
    double yOut = at.yTop + (at.boxTop() - at.yTop) * 0.45;
    boolean aLit = parts.lit(Quantity.HIDDEN);
    parts.bus(at, xh, xh);
    parts.gate(at, Quantity.HIDDEN, "tanh", "cell.box.hidden", xh, bw);
    pen.wire(aLit, true, xh, at.boxTop(), xh, yOut, at.arrowEnd("a⟨t⟩"), yOut);
    parts.output(at, Quantity.HIDDEN, "a⟨t⟩", yOut);
  }
}
