package io.gatescope.core.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.gatescope.core.engine.Intervention;
import java.util.Arrays;

/**
 * A lesson written as the JSON of {@code lesson.json}: format version 2 only when a step uses what
 * version 2 added, else version 1, which older GateScopes read.
 */
final class LessonJsonWriter {
  private LessonJsonWriter() {}

  /** {@code lesson}'s JSON; {@code modelEntry} names the entry of the model it carries. */
  static JsonObject write(Lesson lesson, String modelEntry) {
    JsonObject root = new JsonObject();
    root.addProperty("format", LessonJson.FORMAT);
    boolean two = lesson.steps().stream().anyMatch(LessonStep::needsVersion2);
    root.addProperty("version", two ? LessonJson.VERSION : 1);
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
