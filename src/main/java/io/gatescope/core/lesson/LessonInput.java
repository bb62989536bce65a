package io.gatescope.core.lesson;

/**
 * What a lesson step shows the model: an MNIST test image, a picture carried in the lesson, or a
 * teacher's drawing carried in the lesson.
 */
public sealed interface LessonInput {
  /** MNIST test image {@code index} (0-based). */
  record TestImage(int index) implements LessonInput {}

  /**
   * A picture file inside the lesson zip, e.g. {@code pictures/seven.png}, prepared as Draw
   * prepares an opened picture.
   */
  record Picture(String entry) implements LessonInput {}

  /**
   * A drawing inside the lesson zip, e.g. {@code pictures/drawing-1.png}: a 28×28 grey picture
   * whose pixels are the model's input as they are ({@link DrawingPicture}), never prepared again.
   */
  record Drawing(String entry) implements LessonInput {}

  /** The zip entry of a picture or drawing, or null for a test image. */
  default String entry() {
    if (this instanceof Picture p) {
      return p.entry();
    }
    return this instanceof Drawing d ? d.entry() : null;
  }
}
