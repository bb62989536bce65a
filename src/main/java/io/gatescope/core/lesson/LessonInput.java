package io.gatescope.core.lesson;

/** What a lesson step shows the model: an MNIST test image, or a picture carried in the lesson. */
public sealed interface LessonInput {
  /** MNIST test image {@code index} (0-based). */
  record TestImage(int index) implements LessonInput {}

  /** A picture file inside the lesson zip, e.g. {@code pictures/seven.png}. */
  record Picture(String entry) implements LessonInput {}
}
