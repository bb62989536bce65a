package io.gatescope.ui.lesson;

import io.gatescope.core.Messages;
import java.util.List;

/**
 * The panels and controls a teacher can hide in a lesson step, by the ids GateScope gives them,
 * each with its name for the step's editor. A step read from a file may hide other ids too; the
 * editor lists those by id.
 */
final class Hideable {
  /** The ids, in the order the workspaces come. */
  static final List<String> IDS =
      List.of(
          "draw-teach",
          "draw-picture",
          "inside-centre-toggle",
          "inside-interventions",
          "inside-clamp",
          "inside-equations",
          "inside-unit-card",
          "inside-stats",
          "inside-back-target",
          "units-silence",
          "evaluate-compare");

  private Hideable() {}

  /** The name of {@code id} in the language GateScope speaks, or the id itself if it has none. */
  static String name(String id) {
    return IDS.contains(id) ? Messages.get("lesson.hide." + id) : id;
  }
}
