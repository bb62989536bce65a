package io.gatescope.core.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.gatescope.core.Messages;
import io.gatescope.core.engine.Intervention;
import io.gatescope.core.engine.Quantity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the JSON of a lesson ({@code lesson.json}), trusting nothing: every field is looked up,
 * typed and bounded (by {@link LessonFields}), and anything wrong becomes a {@link
 * LessonFileException} that names the file, the step and the field. {@link LessonJsonWriter} writes
 * it.
 */
final class LessonJson {
  static final String FORMAT = "gatescope-lesson";

  /**
   * The newest format this GateScope reads and writes. Version 2 added a step's drawing input,
   * hidden tabs and Inside's view and target; a file that uses none of them is written as version
   * 1, which older GateScopes read.
   */
  static final int VERSION = 2;

  static final int MAX_STEPS = 200;
  static final int MAX_TEXT = 4000;
  static final int MAX_LIST = 64;
  static final int MAX_UNIT = 4095;
  static final int MAX_LAYER = 15;
  static final int MAX_TEST_INDEX = 59_999;

  /** A step's Inside state (format 2): {@code "inside": {"view": …, "target": …}}. */
  private static final String INSIDE = "inside";

  private final LessonFields fields;
  private int version = 1;

  private LessonJson(String name) {
    this.fields = new LessonFields(name);
  }

  /** The lesson described by {@code root}, with the pictures and model the reader found. */
  static Lesson read(String name, JsonObject root, PartReader parts) throws LessonFileException {
    return new LessonJson(name).lesson(root, parts);
  }

  /** Reads a zip entry the JSON names, within its bounds. */
  interface PartReader {
    byte[] picture(String entry) throws LessonFileException;

    byte[] model(String entry) throws LessonFileException;
  }

  private Lesson lesson(JsonObject root, PartReader parts) throws LessonFileException {
    JsonElement format = root.get("format");
    if (format == null
        || !format.isJsonPrimitive()
        || !FORMAT.equals(format.getAsJsonPrimitive().getAsString())) {
      throw new LessonFileException(Messages.get("lesson.foreign", fields.name()));
    }
    version = fields.integer(root, "version", 1, Integer.MAX_VALUE);
    if (version > VERSION) {
      throw new LessonFileException(Messages.get("lesson.newer", fields.name(), version, VERSION));
    }
    String id = fields.string(root, "id", 64);
    if (!LessonStep.CONTROL_ID.matcher(id).matches()) {
      throw fields.invalid("id", Messages.get("lesson.bad.id"));
    }
    LocalText title = fields.text(root, "title", true);
    JsonArray steps = fields.array(root, "steps");
    if (steps.isEmpty()) {
      throw fields.invalid("steps", Messages.get("lesson.bad.noSteps"));
    }
    if (steps.size() > MAX_STEPS) {
      throw fields.invalid("steps", Messages.get("lesson.bad.tooMany", MAX_STEPS));
    }
    Optional<byte[]> model = Optional.empty();
    if (root.has("model")) {
      model = Optional.of(parts.model(fields.string(root, "model", 200)));
    }
    List<LessonStep> out = new ArrayList<>();
    java.util.Map<String, byte[]> pictures = new java.util.LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      fields.at(Messages.get("lesson.where.step", i + 1));
      if (!steps.get(i).isJsonObject()) {
        throw fields.invalid("", Messages.get("lesson.bad.notObject"));
      }
      LessonStep s = step(steps.get(i).getAsJsonObject());
      String entry = s.input().entry();
      if (entry != null && !pictures.containsKey(entry)) {
        pictures.put(entry, parts.picture(entry));
      }
      if (s.input() instanceof LessonInput.Drawing d) {
        try {
          DrawingPicture.pixels(pictures.get(entry));
        } catch (IllegalArgumentException e) {
          throw fields.invalid("input.drawing", Messages.get("lesson.bad.drawing", e.getMessage()));
        }
      }
      out.add(s);
    }
    return new Lesson(id, title, out, pictures, model);
  }

  private LessonStep step(JsonObject o) throws LessonFileException {
    String workspace = fields.string(o, "workspace", 32);
    if (!LessonStep.WORKSPACES.contains(workspace)) {
      throw fields.invalid(
          "workspace", Messages.get("lesson.bad.oneOf", String.join(", ", LessonStep.WORKSPACES)));
    }
    JsonObject in = fields.object(o, "input");
    LessonInput input;
    if (in.has("test_index")) {
      input = new LessonInput.TestImage(fields.integer(in, "test_index", 0, MAX_TEST_INDEX));
    } else if (in.has("picture")) {
      input = new LessonInput.Picture(picturePath(in, "picture"));
    } else if (version >= 2 && in.has("drawing")) {
      input = new LessonInput.Drawing(picturePath(in, "drawing"));
    } else {
      throw fields.invalid("input", Messages.get("lesson.bad.input"));
    }
    int unit = o.has("unit") ? fields.integer(o, "unit", -1, MAX_UNIT) : -1;
    int timestep = fields.integer(o, "timestep", 1, 28);
    List<Intervention> ivs = new ArrayList<>();
    if (o.has("interventions")) {
      JsonArray a = fields.array(o, "interventions");
      fields.bound(a, "interventions");
      for (JsonElement e : a) {
        if (!e.isJsonObject()) {
          throw fields.invalid("interventions", Messages.get("lesson.bad.notObject"));
        }
        ivs.add(intervention(e.getAsJsonObject()));
      }
    }
    List<String> hidden = new ArrayList<>();
    if (o.has("hidden")) {
      JsonArray a = fields.array(o, "hidden");
      fields.bound(a, "hidden");
      for (JsonElement e : a) {
        String id = e.isJsonPrimitive() ? e.getAsString() : "";
        if (!LessonStep.CONTROL_ID.matcher(id).matches()) {
          throw fields.invalid("hidden", Messages.get("lesson.bad.controlId"));
        }
        hidden.add(id);
      }
    }
    LocalText caption = liveNumbers(fields.text(o, "caption", true), "caption");
    LocalText question =
        o.has("question")
            ? liveNumbers(fields.text(o, "question", false), "question")
            : LocalText.EMPTY;
    Optional<LessonCheck> check =
        o.has("check") ? Optional.of(check(fields.object(o, "check"))) : Optional.empty();
    // Format 2's fields; a version 1 file is read as version 1 was, its other fields unread.
    List<String> tabs = new ArrayList<>();
    String view = "maps";
    int target = -1;
    if (version >= 2) {
      if (o.has("hidden_tabs")) {
        JsonArray a = fields.array(o, "hidden_tabs");
        fields.bound(a, "hidden_tabs");
        for (JsonElement e : a) {
          String tab = e.isJsonPrimitive() ? e.getAsString() : "";
          if (!LessonStep.WORKSPACES.contains(tab) || tab.equals(workspace) || tabs.contains(tab)) {
            throw fields.invalid("hidden_tabs", Messages.get("lesson.bad.hiddenTabs"));
          }
          tabs.add(tab);
        }
      }
      if (o.has(INSIDE)) {
        JsonObject inside = fields.object(o, INSIDE);
        if (inside.has("view")) {
          view = fields.string(inside, "view", 32);
          if (!LessonStep.INSIDE_VIEWS.contains(view)) {
            throw fields.invalid(
                INSIDE + ".view", // (the field's path, not a message key)
                Messages.get("lesson.bad.oneOf", String.join(", ", LessonStep.INSIDE_VIEWS)));
          }
        }
        target = inside.has("target") ? fields.integer(inside, "target", 0, 9) : -1;
      }
    }
    return new LessonStep(
        workspace, input, unit, timestep, ivs, hidden, caption, question, check, tabs, view,
        target);
  }

  /** t, whose live numbers ({@link LiveNumbers}) must each be one GateScope can compute. */
  private LocalText liveNumbers(LocalText t, String field) throws LessonFileException {
    for (String lang : new String[] {"en", "zh-CN"}) {
      try {
        LiveNumbers.parse(lang.equals("en") ? t.en() : t.zh());
      } catch (IllegalArgumentException e) {
        throw fields.invalid(field + "." + lang, e.getMessage());
      }
    }
    return t;
  }

  /** A picture's entry in the zip: under pictures/, never a folder, never leaving it. */
  private String picturePath(JsonObject in, String field) throws LessonFileException {
    String entry = fields.string(in, field, 200);
    if (!entry.startsWith("pictures/") || entry.contains("..") || entry.endsWith("/")) {
      throw fields.invalid("input." + field, Messages.get("lesson.bad.picturePath"));
    }
    return entry;
  }

  private Intervention intervention(JsonObject o) throws LessonFileException {
    int layer = o.has("layer") ? fields.integer(o, "layer", 0, MAX_LAYER) : 0;
    Quantity q = quantity(o, "quantity", true);
    int[] units = new int[0];
    if (o.has("units")) {
      JsonArray a = fields.array(o, "units");
      if (a.size() > MAX_UNIT + 1) {
        throw fields.invalid("units", Messages.get("lesson.bad.tooMany", MAX_UNIT + 1));
      }
      units = new int[a.size()];
      for (int i = 0; i < units.length; i++) {
        units[i] = fields.whole(a.get(i), "units", 0, MAX_UNIT);
      }
    }
    float value = fields.number(o, "value", q.isGate() ? 0 : -10, q.isGate() ? 1 : 10);
    return new Intervention(layer, q, units, value);
  }

  private LessonCheck check(JsonObject o) throws LessonFileException {
    String kind = fields.string(o, "kind", 32);
    return switch (kind) {
      case "prediction_changed" -> new LessonCheck.PredictionChanged();
      case "prediction_is" -> new LessonCheck.PredictionIs(fields.integer(o, "digit", 0, 9));
      case "clamped" ->
          new LessonCheck.Clamped(
              o.has("layer") ? fields.integer(o, "layer", 0, MAX_LAYER) : 0,
              quantity(o, "gate", false),
              fields.integer(o, "unit", 0, MAX_UNIT),
              fields.number(o, "value", 0, 1));
      case "probability" -> {
        int digit = fields.integer(o, "digit", 0, 9);
        if (o.has("above") == o.has("below")) {
          throw fields.invalid("check", Messages.get("lesson.bad.aboveBelow"));
        }
        boolean above = o.has("above");
        yield new LessonCheck.Probability(
            digit, above, fields.number(o, above ? "above" : "below", 0, 1));
      }
      default ->
          throw fields.invalid(
              "check.kind",
              Messages.get(
                  "lesson.bad.oneOf", "prediction_changed, prediction_is, clamped, probability"));
    };
  }

  private Quantity quantity(JsonObject o, String field, boolean hiddenToo)
      throws LessonFileException {
    String key = fields.string(o, field, 32);
    for (Quantity q : Quantity.values()) {
      if (q.key().equals(key) && (q.isGate() || (hiddenToo && q == Quantity.HIDDEN))) {
        return q;
      }
    }
    Set<String> ok = new TreeSet<>();
    Arrays.stream(Quantity.values())
        .filter(q -> q.isGate() || (hiddenToo && q == Quantity.HIDDEN))
        .forEach(q -> ok.add(q.key()));
    throw fields.invalid(field, Messages.get("lesson.bad.oneOf", String.join(", ", ok)));
  }
}
