package io.gatescope.core.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lesson: a title and ordered steps, with the pictures its steps show and, optionally, the model
 * it was made for (the bytes of a GateScope model file; without one, the model in use).
 *
 * @param id a short name, e.g. "reading-a-seven" (the shipped lessons' {@code --lesson} ids)
 * @param pictures picture entries of the zip by name, e.g. "pictures/seven.png"
 */
public record Lesson(
    String id,
    LocalText title,
    List<LessonStep> steps,
    Map<String, byte[]> pictures,
    Optional<byte[]> model) {

  public Lesson {
    if (!LessonStep.CONTROL_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a lesson id is lower-case letters, digits and '-'");
    }
    steps = List.copyOf(steps);
    pictures = Map.copyOf(new LinkedHashMap<>(pictures));
    for (LessonStep s : steps) {
      String entry = s.input().entry();
      if (entry != null && !pictures.containsKey(entry)) {
        throw new IllegalArgumentException("the lesson has no picture " + entry);
      }
    }
  }

  public static Lesson of(String id, LocalText title, List<LessonStep> steps) {
    return new Lesson(id, title, steps, Map.of(), Optional.empty());
  }

  /** The languages every text is written in: "en", "zh-CN", both, or (a bare lesson) none. */
  public List<String> languages() {
    List<String> out = new ArrayList<>();
    boolean en = !title.en().isBlank();
    boolean zh = !title.zh().isBlank();
    for (LessonStep s : steps) {
      en &= !s.caption().en().isBlank() && (s.question().isEmpty() || !s.question().en().isBlank());
      zh &= !s.caption().zh().isBlank() && (s.question().isEmpty() || !s.question().zh().isBlank());
    }
    if (en) {
      out.add("en");
    }
    if (zh) {
      out.add("zh-CN");
    }
    return out;
  }

  public Lesson withSteps(List<LessonStep> s) {
    return new Lesson(id, title, s, pictures, model);
  }

  public Lesson withTitle(LocalText t) {
    return new Lesson(id, t, steps, pictures, model);
  }

  /** This lesson carrying {@code m} (a GateScope model file's bytes), or no model. */
  public Lesson withModel(Optional<byte[]> m) {
    return new Lesson(id, title, steps, pictures, m);
  }
}
