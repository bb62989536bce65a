package io.gatescope.core.lesson;

import io.gatescope.core.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons that come with GateScope, as resources: {@code io/gatescope/lessons/<id>.json}, in
 * the order of {@code io/gatescope/lessons/index.txt}. They use the shipped model and MNIST test
 * images, so they carry no model and no pictures; they are read by the same checks as any file.
 */
public final class ShippedLessons {
  private static final String FOLDER = "/io/gatescope/lessons/";

  private ShippedLessons() {}

  /** The ids, in teaching order. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    try (InputStream in = ShippedLessons.class.getResourceAsStream(FOLDER + "index.txt")) {
      if (in == null) {
        return ids;
      }
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          ids.add(line.trim());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("the shipped lesson index cannot be read", e);
    }
    return ids;
  }

  /** The shipped lesson {@code id}. */
  public static Lesson load(String id) throws LessonFileException {
    if (!ids().contains(id)) {
      throw new LessonFileException(Messages.get("lesson.unknownId", id, String.join(", ", ids())));
    }
    String name = id + ".json";
    try (InputStream in = ShippedLessons.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new LessonFileException(Messages.get("lesson.noFile", name));
      }
      byte[] json = in.readNBytes((int) LessonFile.MAX_JSON);
      return LessonFile.parse(
          name,
          json,
          new LessonJson.PartReader() {
            @Override
            public byte[] picture(String entry) throws LessonFileException {
              throw new LessonFileException(Messages.get("lesson.noEntry", name, entry));
            }

            @Override
            public byte[] model(String entry) throws LessonFileException {
              throw new LessonFileException(Messages.get("lesson.noEntry", name, entry));
            }
          });
    } catch (IOException e) {
      throw new LessonFileException(Messages.get("lesson.unreadable", name, e.getMessage()));
    }
  }
}
