package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.LessonStep;
import io.gatescope.core.lesson.LiveNumbers;
import io.gatescope.ui.common.FlowText;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The lesson bar's caption, question and check, as high as the lesson's tallest step at the bar's
 * width: going from step to step, the bar keeps its height, so the workspace under it stays where
 * it is. Each step is measured in a copy of the texts laid out like them (in the bar, so the same
 * style and presenter size apply, but never shown), with its check as it reads while computed; a
 * check's result can read longer, so the box also never gets lower than it has been for that lesson
 * at that width. While the texts are being edited the box is as high as its fields.
 */
final class SteadyTexts extends VBox {
  private static final double SPACING = 2;

  private final Supplier<Lesson> lesson;
  private final BooleanSupplier steady;
  private final Label check;
  private final TextFlow copyCaption = new TextFlow();
  private final TextFlow copyQuestion = new TextFlow();
  private final Label copyCheck = new Label();
  private final VBox copy;
  private Lesson measuredLesson;
  private double measuredWidth;
  private Font measuredFont;
  private double tallestStep;
  private double tallestSeen;

  /**
   * @param texts the caption and the question (with their fields)
   * @param check the step's check
   * @param lesson the lesson open, or null
   * @param steady false while the texts are edited
   */
  SteadyTexts(Node texts, Label check, Supplier<Lesson> lesson, BooleanSupplier steady) {
    super(SPACING, texts, check);
    this.lesson = lesson;
    this.steady = steady;
    this.check = check;
    setMinWidth(0);
    VBox copyTexts = new VBox(SPACING, copyCaption, copyQuestion);
    copyTexts.getStyleClass().addAll(texts.getStyleClass());
    copyCheck.setWrapText(true);
    copyCheck.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    copyCheck.setGraphic(new FontIcon("mdi2c-circle-outline"));
    copy = new VBox(SPACING, copyTexts, copyCheck);
    copy.setManaged(false);
    copy.setVisible(false);
    copy.setMouseTransparent(true);
    getChildren().add(copy);
  }

  @Override
  protected double computePrefHeight(double width) {
    double own = super.computePrefHeight(width);
    return steady.getAsBoolean() ? Math.max(own, steadyHeight(width, own)) : own;
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  /** The tallest step of the lesson at {@code width}, measured once per lesson, width and font. */
  private double steadyHeight(double width, double own) {
    Lesson l = lesson.get();
    if (l == null || width <= 0 || getScene() == null) {
      return own;
    }
    Font font = check.getFont();
    if (l != measuredLesson || width != measuredWidth || !font.equals(measuredFont)) {
      measuredLesson = l;
      measuredWidth = width;
      measuredFont = font;
      tallestStep = measure(l, width);
      tallestSeen = 0;
    }
    tallestSeen = Math.max(tallestSeen, own);
    return Math.max(tallestStep, tallestSeen);
  }

  private double measure(Lesson l, double width) {
    double tallest = 0;
    for (LessonStep s : l.steps()) {
      FlowText.show(copyCaption, LiveNumbers.widest(s.caption().text()), "lesson-caption");
      String q = LiveNumbers.widest(s.question().text());
      FlowText.show(copyQuestion, q, "lesson-question");
      copyQuestion.setManaged(!q.isEmpty());
      String c = s.check().map(k -> Messages.get("lesson.bar.checking", k.describe())).orElse("");
      copyCheck.setText(c);
      copyCheck.setManaged(!c.isEmpty());
      copy.applyCss();
      double h = copy.prefHeight(width - snappedLeftInset() - snappedRightInset());
      tallest = Math.max(tallest, h + snappedTopInset() + snappedBottomInset());
    }
    return tallest;
  }
}
