package io.gatescope.core.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
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
 * The JSON of a lesson ({@code lesson.json}) both ways. Reading trusts nothing: every field is
 * looked up, typed and bounded here, and anything wrong becomes a {@link LessonFileException} that
 * names the file, the step and the field.
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

  private final String name;
  private String where;
  private int version = 1;

  private LessonJson(String name) {
    this.name = name;
    this.where = Messages.get("lesson.where.lesson");
  }

  // ---- reading ----

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
      throw new LessonFileException(Messages.get("lesson.foreign", name));
    }
    version = integer(root, "version", 1, Integer.MAX_VALUE);
    if (version > VERSION) {
      throw new LessonFileException(Messages.get("lesson.newer", name, version, VERSION));
    }
    String id = string(root, "id", 64);
    if (!LessonStep.CONTROL_ID.matcher(id).matches()) {
      throw invalid("id", Messages.get("lesson.bad.id"));
    }
    LocalText title = text(root, "title", true);
    JsonArray steps = array(root, "steps");
    if (steps.isEmpty()) {
      throw invalid("steps", Messages.get("lesson.bad.noSteps"));
    }
    if (steps.size() > MAX_STEPS) {
      throw invalid("steps", Messages.get("lesson.bad.tooMany", MAX_STEPS));
    }
    Optional<byte[]> model = Optional.empty();
    if (root.has("model")) {
      model = Optional.of(parts.model(string(root, "model", 200)));
    }
    List<LessonStep> out = new ArrayList<>();
    java.util.Map<String, byte[]> pictures = new java.util.LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      where = Messages.get("lesson.where.step", i + 1);
      if (!steps.get(i).isJsonObject()) {
        throw invalid("", Messages.get("lesson.bad.notObject"));
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
          throw invalid("input.drawing", Messages.get("lesson.bad.drawing", e.getMessage()));
        }
      }
      out.add(s);
    }
    return new Lesson(id, title, out, pictures, model);
  }

  private LessonStep step(JsonObject o) throws LessonFileException {
    String workspace = string(o, "workspace", 32);
    if (!LessonStep.WORKSPACES.contains(workspace)) {
      throw invalid(
          "workspace", Messages.get("lesson.bad.oneOf", String.join(", ", LessonStep.WORKSPACES)));
    }
    JsonObject in = object(o, "input");
    LessonInput input;
    if (in.has("test_index")) {
      input = new LessonInput.TestImage(integer(in, "test_index", 0, MAX_TEST_INDEX));
    } else if (in.has("picture")) {
      input = new LessonInput.Picture(picturePath(in, "picture"));
    } else if (version >= 2 && in.has("drawing")) {
      input = new LessonInput.Drawing(picturePath(in, "drawing"));
    } else {
      throw invalid("input", Messages.get("lesson.bad.input"));
    }
    int unit = o.has("unit") ? integer(o, "unit", -1, MAX_UNIT) : -1;
    int timestep = integer(o, "timestep", 1, 28);
    List<Intervention> ivs = new ArrayList<>();
    if (o.has("interventions")) {
      JsonArray a = array(o, "interventions");
      bound(a, "interventions");
      for (JsonElement e : a) {
        if (!e.isJsonObject()) {
          throw invalid("interventions", Messages.get("lesson.bad.notObject"));
        }
        ivs.add(intervention(e.getAsJsonObject()));
      }
    }
    List<String> hidden = new ArrayList<>();
    if (o.has("hidden")) {
      JsonArray a = array(o, "hidden");
      bound(a, "hidden");
      for (JsonElement e : a) {
        String id = e.isJsonPrimitive() ? e.getAsString() : "";
        if (!LessonStep.CONTROL_ID.matcher(id).matches()) {
          throw invalid("hidden", Messages.get("lesson.bad.controlId"));
        }
        hidden.add(id);
      }
    }
    LocalText caption = text(o, "caption", true);
    LocalText question = o.has("question") ? text(o, "question", false) : LocalText.EMPTY;
    Optional<LessonCheck> check =
        o.has("check") ? Optional.of(check(object(o, "check"))) : Optional.empty();
    // Format 2's fields; a version 1 file is read as version 1 was, its other fields unread.
    List<String> tabs = new ArrayList<>();
    String view = "maps";
    int target = -1;
    if (version >= 2) {
      if (o.has("hidden_tabs")) {
        JsonArray a = array(o, "hidden_tabs");
        bound(a, "hidden_tabs");
        for (JsonElement e : a) {
          String tab = e.isJsonPrimitive() ? e.getAsString() : "";
          if (!LessonStep.WORKSPACES.contains(tab) || tab.equals(workspace) || tabs.contains(tab)) {
            throw invalid("hidden_tabs", Messages.get("lesson.bad.hiddenTabs"));
          }
          tabs.add(tab);
        }
      }
      if (o.has(INSIDE)) {
        JsonObject inside = object(o, INSIDE);
        if (inside.has("view")) {
          view = string(inside, "view", 32);
          if (!LessonStep.INSIDE_VIEWS.contains(view)) {
            throw invalid(
                INSIDE + ".view", // (the field's path, not a message key)
                Messages.get("lesson.bad.oneOf", String.join(", ", LessonStep.INSIDE_VIEWS)));
          }
        }
        target = inside.has("target") ? integer(inside, "target", 0, 9) : -1;
      }
    }
    return new LessonStep(
        workspace, input, unit, timestep, ivs, hidden, caption, question, check, tabs, view,
        target);
  }

  /** A picture's entry in the zip: under pictures/, never a folder, never leaving it. */
  private String picturePath(JsonObject in, String field) throws LessonFileException {
    String entry = string(in, field, 200);
    if (!entry.startsWith("pictures/") || entry.contains("..") || entry.endsWith("/")) {
      throw invalid("input." + field, Messages.get("lesson.bad.picturePath"));
    }
    return entry;
  }

  private Intervention intervention(JsonObject o) throws LessonFileException {
    int layer = o.has("layer") ? integer(o, "layer", 0, MAX_LAYER) : 0;
    Quantity q = quantity(o, "quantity", true);
    int[] units = new int[0];
    if (o.has("units")) {
      JsonArray a = array(o, "units");
      if (a.size() > MAX_UNIT + 1) {
        throw invalid("units", Messages.get("lesson.bad.tooMany", MAX_UNIT + 1));
      }
      units = new int[a.size()];
      for (int i = 0; i < units.length; i++) {
        units[i] = whole(a.get(i), "units", 0, MAX_UNIT);
      }
    }
    float value = number(o, "value", q.isGate() ? 0 : -10, q.isGate() ? 1 : 10);
    return new Intervention(layer, q, units, value);
  }

  private LessonCheck check(JsonObject o) throws LessonFileException {
    String kind = string(o, "kind", 32);
    return switch (kind) {
      case "prediction_changed" -> new LessonCheck.PredictionChanged();
      case "prediction_is" -> new LessonCheck.PredictionIs(integer(o, "digit", 0, 9));
      case "clamped" ->
          new LessonCheck.Clamped(
              o.has("layer") ? integer(o, "layer", 0, MAX_LAYER) : 0,
              quantity(o, "gate", false),
              integer(o, "unit", 0, MAX_UNIT),
              number(o, "value", 0, 1));
      case "probability" -> {
        int digit = integer(o, "digit", 0, 9);
        if (o.has("above") == o.has("below")) {
          throw invalid("check", Messages.get("lesson.bad.aboveBelow"));
        }
        boolean above = o.has("above");
        yield new LessonCheck.Probability(digit, above, number(o, above ? "above" : "below", 0, 1));
      }
      default ->
          throw invalid(
              "check.kind",
              Messages.get(
                  "lesson.bad.oneOf", "prediction_changed, prediction_is, clamped, probability"));
    };
  }

  private Quantity quantity(JsonObject o, String field, boolean hiddenToo)
      throws LessonFileException {
    String key = string(o, field, 32);
    for (Quantity q : Quantity.values()) {
      if (q.key().equals(key) && (q.isGate() || (hiddenToo && q == Quantity.HIDDEN))) {
        return q;
      }
    }
    Set<String> ok = new TreeSet<>();
    Arrays.stream(Quantity.values())
        .filter(q -> q.isGate() || (hiddenToo && q == Quantity.HIDDEN))
        .forEach(q -> ok.add(q.key()));
    throw invalid(field, Messages.get("lesson.bad.oneOf", String.join(", ", ok)));
  }

  private LocalText text(JsonObject o, String field, boolean required) throws LessonFileException {
    JsonObject t = object(o, field);
    String en = t.has("en") ? string(t, "en", MAX_TEXT) : "";
    String zh = t.has("zh-CN") ? string(t, "zh-CN", MAX_TEXT) : "";
    if (required && !t.has("en") && !t.has("zh-CN")) {
      throw invalid(field, Messages.get("lesson.bad.noLanguage"));
    }
    return new LocalText(en, zh);
  }

  private void bound(JsonArray a, String field) throws LessonFileException {
    if (a.size() > MAX_LIST) {
      throw invalid(field, Messages.get("lesson.bad.tooMany", MAX_LIST));
    }
  }

  private JsonElement field(JsonObject o, String field) throws LessonFileException {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      throw new LessonFileException(Messages.get("lesson.missing", name, where, field));
    }
    return e;
  }

  private JsonObject object(JsonObject o, String field) throws LessonFileException {
    JsonElement e = field(o, field);
    if (!e.isJsonObject()) {
      throw invalid(field, Messages.get("lesson.bad.notObject"));
    }
    return e.getAsJsonObject();
  }

  private JsonArray array(JsonObject o, String field) throws LessonFileException {
    JsonElement e = field(o, field);
    if (!e.isJsonArray()) {
      throw invalid(field, Messages.get("lesson.bad.notList"));
    }
    return e.getAsJsonArray();
  }

  private String string(JsonObject o, String field, int max) throws LessonFileException {
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

  private int integer(JsonObject o, String field, int min, int max) throws LessonFileException {
    return whole(field(o, field), field, min, max);
  }

  private int whole(JsonElement e, String field, int min, int max) throws LessonFileException {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      double d = e.getAsDouble();
      if (d == Math.rint(d) && d >= min && d <= max) {
        return (int) d;
      }
    }
    throw invalid(field, Messages.get("lesson.bad.whole", min, max));
  }

  private float number(JsonObject o, String field, float min, float max)
      throws LessonFileException {
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

  private LessonFileException invalid(String field, String why) {
    return new LessonFileException(Messages.get("lesson.invalid", name, where, field, why));
  }

  // ---- writing ----

  static JsonObject write(Lesson lesson, String modelEntry) {
    JsonObject root = new JsonObject();
    root.addProperty("format", FORMAT);
    boolean two = lesson.steps().stream().anyMatch(LessonStep::needsVersion2);
    root.addProperty("version", two ? VERSION : 1);
    root.addProperty("id", lesson.id());
    root.add("title", text(lesson.title()));
    if (lesson.model().isPresent()) {
      root.addProperty("model", modelEntry);
    }
    JsonArray steps = new JsonArray();
    for (LessonStep s : lesson.steps()) {
      steps.add(step(s));
    }
    root.add("steps", steps);
    return root;
  }

  private static JsonObject step(LessonStep s) {
    JsonObject o = new JsonObject();
    o.addProperty("workspace", s.workspace());
    JsonObject in = new JsonObject();
    if (s.input() instanceof LessonInput.TestImage t) {
      in.addProperty("test_index", t.index());
    } else if (s.input() instanceof LessonInput.Picture p) {
      in.addProperty("picture", p.entry());
    } else if (s.input() instanceof LessonInput.Drawing d) {
      in.addProperty("drawing", d.entry());
    }
    o.add("input", in);
    if (s.unit() >= 0) {
      o.addProperty("unit", s.unit());
    }
    o.addProperty("timestep", s.timestep());
    if (!s.interventions().isEmpty()) {
      JsonArray a = new JsonArray();
      for (Intervention iv : s.interventions()) {
        JsonObject j = new JsonObject();
        j.addProperty("layer", iv.layer());
        j.addProperty("quantity", iv.quantity().key());
        if (iv.units().length > 0) {
          JsonArray u = new JsonArray();
          Arrays.stream(iv.units()).forEach(u::add);
          j.add("units", u);
        }
        j.add("value", new JsonPrimitive(iv.value()));
        a.add(j);
      }
      o.add("interventions", a);
    }
    if (!s.hidden().isEmpty()) {
      JsonArray a = new JsonArray();
      s.hidden().forEach(a::add);
      o.add("hidden", a);
    }
    if (!s.hiddenTabs().isEmpty()) {
      JsonArray a = new JsonArray();
      s.hiddenTabs().forEach(a::add);
      o.add("hidden_tabs", a);
    }
    if (!s.insideView().equals("maps") || s.target() >= 0) {
      JsonObject inside = new JsonObject();
      inside.addProperty("view", s.insideView());
      if (s.target() >= 0) {
        inside.addProperty("target", s.target());
      }
      o.add("inside", inside);
    }
    o.add("caption", text(s.caption()));
    if (!s.question().isEmpty()) {
      o.add("question", text(s.question()));
    }
    s.check().ifPresent(c -> o.add("check", check(c)));
    return o;
  }

  private static JsonObject check(LessonCheck c) {
    JsonObject o = new JsonObject();
    if (c instanceof LessonCheck.PredictionChanged) {
      o.addProperty("kind", "prediction_changed");
    } else if (c instanceof LessonCheck.PredictionIs p) {
      o.addProperty("kind", "prediction_is");
      o.addProperty("digit", p.digit());
    } else if (c instanceof LessonCheck.Clamped k) {
      o.addProperty("kind", "clamped");
      o.addProperty("layer", k.layer());
      o.addProperty("gate", k.gate().key());
      o.addProperty("unit", k.unit());
      o.add("value", new JsonPrimitive(k.value()));
    } else if (c instanceof LessonCheck.Probability p) {
      o.addProperty("kind", "probability");
      o.addProperty("digit", p.digit());
      o.add(p.above() ? "above" : "below", new JsonPrimitive(p.threshold()));
    }
    return o;
  }

  private static JsonObject text(LocalText t) {
    JsonObject o = new JsonObject();
    o.addProperty("en", t.en());
    o.addProperty("zh-CN", t.zh());
    return o;
  }
}
