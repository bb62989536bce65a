package io.gatescope.core.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.gatescope.core.Messages;

/**
 * One field of a lesson's JSON read typed and bounded, each failure a {@link LessonFileException}
 * that names the file, the place in it (the lesson or a step) and the field.
 */
final class LessonFields {
  private final String name;
  private String where;

  /**
   * @param name the file's name, as the messages show it
   */
  LessonFields(String name) {
    this.name = name;
    this.where = Messages.get("lesson.where.lesson");
  }

  /** The file's name, as the messages show it. */
  String name() {
    return name;
  }

  /** From now on the messages name {@code where} (the lesson, or a step) as the place. */
  void at(String where) {
    this.where = where;
  }

  /** A text in English and Chinese, each bounded; a required one has at least one of them. */
  LocalText text(JsonObject o, String field, boolean required) throws LessonFileException {
    JsonObject t = object(o, field);
    String en = t.has("en") ? string(t, "en", LessonJson.MAX_TEXT) : "";
    String zh = t.has("zh-CN") ? string(t, "zh-CN", LessonJson.MAX_TEXT) : "";
    if (required && !t.has("en") && !t.has("zh-CN")) {
      throw invalid(field, Messages.get("lesson.bad.noLanguage"));
    }
    return new LocalText(en, zh);
  }

  /** A list of at most {@link LessonJson#MAX_LIST} elements. */
  void bound(JsonArray a, String field) throws LessonFileException {
    if (a.size() > LessonJson.MAX_LIST) {
      throw invalid(field, Messages.get("lesson.bad.tooMany", LessonJson.MAX_LIST));
    }
  }

  /** The field, present and not null. */
  JsonElement field(JsonObject o, String field) throws LessonFileException {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      throw new LessonFileException(Messages.get("lesson.missing", name, where, field));
    }
    return e;
  }

  JsonObject object(JsonObject o, String field) throws LessonFileException {
    JsonElement e = field(o, field);
    if (!e.isJsonObject()) {
      throw invalid(field, Messages.get("lesson.bad.notObject"));
    }
    return e.getAsJsonObject();
  }

  JsonArray array(JsonObject o, String field) throws LessonFileException {
    JsonElement e = field(o, field);
    if (!e.isJsonArray()) {
      throw invalid(field, Messages.get("lesson.bad.notList"));
    }
    return e.getAsJsonArray();
  }

  String string(JsonObject o, String field, int max) throws LessonFileException {
    JsonElement e = field(o, field);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw invalid(field, Messages.get("lesson.bad.notText"));
    }
    String s = e.getAsString();
    if (s.length() > max) {
      throw invalid(field, Messages.get("lesson.bad.tooLong", max));
    }
    return s;
  }

  /** A whole number from {@code min} to {@code max}. */
  int integer(JsonObject o, String field, int min, int max) throws LessonFileException {
    return whole(field(o, field), field, min, max);
  }

  /** An element of a list, a whole number from {@code min} to {@code max}. */
  int whole(JsonElement e, String field, int min, int max) throws LessonFileException {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      double d = e.getAsDouble();
      if (d == Math.rint(d) && d >= min && d <= max) {
        return (int) d;
      }
    }
    throw invalid(field, Messages.get("lesson.bad.whole", min, max));
  }

  float number(JsonObject o, String field, float min, float max) throws LessonFileException {
    JsonElement e = field(o, field);
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      float f = e.getAsFloat();
      if (f >= min && f <= max) {
        return f;
      }
    }
    throw invalid(
        field, Messages.get("lesson.bad.number", Float.toString(min), Float.toString(max)));
  }

  /** The failure of {@code field}, said with {@code why}. */
  LessonFileException invalid(String field, String why) {
    return new LessonFileException(Messages.get("lesson.invalid", name, where, field, why));
  }
}
