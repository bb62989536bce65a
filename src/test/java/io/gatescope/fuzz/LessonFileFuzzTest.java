package io.gatescope.fuzz;

import static io.gatescope.fuzz.FuzzSupport.assertClearRefusal;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.LessonFile;
import io.gatescope.core.lesson.LessonFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes as a .gslesson file (double-clicked, or opened from File ▸ Open lesson…): a lesson with
 * at least one step, or a {@link LessonFileException} naming the file.
 */
class LessonFileFuzzTest {
  static Stream<Arguments> corpus() {
    return FuzzSupport.corpus("lesson");
  }

  @MethodSource("corpus")
  @FuzzTest
  void anyBytesAsALessonFile(byte[] bytes) {
    Path file = FuzzSupport.file("class.gslesson", bytes);
    Lesson lesson;
    try {
      lesson = LessonFile.read(file);
    } catch (LessonFileException e) {
      assertClearRefusal(e, file);
      return;
    }
    assertFalse(lesson.steps().isEmpty());
  }
}
