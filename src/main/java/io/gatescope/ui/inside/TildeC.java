package io.gatescope.ui.inside;

import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The candidate's symbol c̃ drawn as a "c" with a spacing tilde (˜) centred over it. A font's
 * combining tilde (U+0303) is placed by the font alone, and in monospaced fonts it lands beside the
 * c, so c̃ and c looked alike; this rendering does not depend on the font.
 */
final class TildeC extends Region {
  private final Text c = new Text("c");
  private final Text tilde = new Text("\u02dc");

  TildeC() {
    getStyleClass().add("tilde-c");
    tilde.getStyleClass().add("tilde-mark");
    c.setTextOrigin(VPos.TOP);
    tilde.setTextOrigin(VPos.TOP);
    setAccessibleRole(AccessibleRole.TEXT);
    setAccessibleText("c̃");
    getChildren().addAll(c, tilde);
  }

  @Override
  protected double computePrefWidth(double height) {
    return Math.max(width(c), width(tilde));
  }

  @Override
  protected double computePrefHeight(double width) {
    return c.getLayoutBounds().getHeight();
  }

  @Override
  protected double computeMinWidth(double height) {
    return computePrefWidth(height);
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  public double getBaselineOffset() {
    return c.getBaselineOffset();
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    c.relocate((w - width(c)) / 2, 0);
    // The spacing tilde sits at accent height on the same line: above the c, not beside it.
    tilde.relocate((w - width(tilde)) / 2, -c.getLayoutBounds().getHeight() * 0.08);
  }

  private static double width(Text t) {
    return t.getLayoutBounds().getWidth();
  }
}
