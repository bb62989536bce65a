package io.gatescope.ui.inside;

import io.gatescope.core.engine.Quantity;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * What the cell diagram is drawn with, at one font size: its colours, wires with arrowheads, nodes
 * (each recorded as a {@link Hit} for the pointer), pills with a number and its swatch, and text in
 * which every c̃ carries a tilde drawn above it.
 */
final class CellPen {
  static final Color BACKGROUND = Color.web("#23282d");
  static final Color TEXT = Color.web("#e6e8ea");
  static final Color MUTED = Color.web("#9aa1a8");
  static final Color WIRE = Color.web("#8a939c");
  static final Color BOX = Color.web("#2b3036");
  static final Color BOX_EDGE = Color.web("#6b747d");
  static final Color PILL = Color.web("#181b1e");
  static final Color ACCENT = Color.web("#ffb000");
  static final Color CHANGED = Color.web("#ffb347");
  static final String MONO = "DejaVu Sans Mono";
  static final String CAND = "c\u0303"; // c̃: drawn as a c with a tilde above it
  private static final Text MEASURE = new Text();

  /** A box or node the pointer can rest on, and the operation it is. */
  record Hit(Quantity quantity, Bounds bounds) {}

  final GraphicsContext g;
  final double fs; // font size
  final double lh; // line height
  private final List<Hit> hits;

  /** Draws on {@code g} at font size {@code fs}, recording boxes and nodes in {@code hits}. */
  CellPen(GraphicsContext g, double fs, List<Hit> hits) {
    this.g = g;
    this.fs = fs;
    this.lh = fs * 1.35;
    this.hits = hits;
  }

  /** Records a box or node the pointer can rest on. */
  void hit(Quantity q, Bounds bounds) {
    hits.add(new Hit(q, bounds));
  }

  /** Where a pill stands against its x. */
  enum Align {
    CENTER,
    RIGHT
  }

  /** A number on a wire: a dark rounded label with the colour swatch, centred or right-aligned. */
  void pill(
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
    swatch(x0 + pad, y, swatch); // sw wide, as every swatch
    g.setFont(font);
    g.setTextBaseline(VPos.CENTER);
    for (int i = 0; i < lines.size(); i++) {
      g.setFill(changed ? CHANGED : on ? ACCENT : TEXT);
      text(lines.get(i), x0 + pad * 2 + sw, y + i * lh);
    }
  }

  /** A round node with its glyph (⊙, +, 1−). */
  void node(Quantity q, boolean on, double x, double y, double r, String glyph) {
    g.setFill(BOX);
    g.fillOval(x - r, y - r, 2 * r, 2 * r);
    nodeEdge(on);
    g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    nodeGlyph(on, Font.font(MONO, FontWeight.BOLD, glyph.length() > 1 ? fs * 0.8 : fs * 1.05));
    centred(glyph, x, y);
    hit(q, new BoundingBox(x - r, y - r, 2 * r, 2 * r));
  }

  /** A node as wide as "tanh" in it, with rounded ends. */
  void tanhNode(Quantity q, boolean on, double x, double y, double r) {
    double w = width("tanh", mono()) + fs * 0.8;
    g.setFill(BOX);
    g.fillRoundRect(x - w / 2, y - r, w, 2 * r, 2 * r, 2 * r);
    nodeEdge(on);
    g.strokeRoundRect(x - w / 2, y - r, w, 2 * r, 2 * r, 2 * r);
    nodeGlyph(on, mono());
    centred("tanh", x, y);
    hit(q, new BoundingBox(x - w / 2, y - r, w, 2 * r));
  }

  private void nodeEdge(boolean on) {
    g.setStroke(on ? ACCENT : WIRE);
    g.setLineWidth(on ? 2.5 : 1.5);
  }

  private void nodeGlyph(boolean on, Font font) {
    g.setFill(on ? ACCENT : TEXT);
    g.setFont(font);
    g.setTextBaseline(VPos.CENTER);
  }

  /** A polyline through the points (x, y pairs), with an arrowhead at its end if asked. */
  void wire(boolean on, boolean arrow, double... p) {
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

  /** A joint of two wires. */
  void dot(double x, double y) {
    g.setFill(WIRE);
    g.fillOval(x - 3, y - 3, 6, 6);
  }

  /** A small square of colour c, its left edge at x, centred on y. */
  void swatch(double x, double y, Color c) {
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

  /** Left-aligned text where every c̃ is a c with a tilde drawn above it (font-independent). */
  void text(String s, double x, double y) {
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

  /** Text centred on cx, in the current font. */
  void centred(String s, double cx, double y) {
    text(s, cx - width(s, g.getFont()) / 2, y);
  }

  /** The width of s in font, c̃ counted as c. */
  static double width(String s, Font font) {
    MEASURE.setFont(font);
    MEASURE.setText(s.replace(CAND, "c"));
    return MEASURE.getLayoutBounds().getWidth();
  }

  /** The font of numbers and symbols. */
  Font mono() {
    return Font.font(MONO, fs);
  }

  /** The font of names. */
  Font sans() {
    return Font.font(fs);
  }
}
