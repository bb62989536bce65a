package io.gatescope.core.lesson;

import io.gatescope.core.engine.Intervention;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step of a lesson: the state GateScope is put in, what the student reads, and what GateScope
 * can verify.
 *
 * @param workspace the workspace's id ("train", "draw", "inside", "units", "evaluate")
 * @param input the input shown
 * @param unit the selected unit, or −1 for none
 * @param timestep the shared timestep, 1..28
 * @param interventions Inside's interventions in force (none: the model as trained)
 * @param hidden ids of the panels and controls hidden during this step (e.g. "inside-clamp")
 * @param caption what the student reads
 * @param question what the student is asked (may be empty)
 * @param check what GateScope verifies, if anything
 */
public record LessonStep(
    String workspace,
    LessonInput input,
    int unit,
    int timestep,
    List<Intervention> interventions,
    List<String> hidden,
    LocalText caption,
    LocalText question,
    Optional<LessonCheck> check) {

  /** The workspaces a step can show, by id (the ids {@code snapshot --workspace} takes). */
  public static final List<String> WORKSPACES =
      List.of("train", "draw", "inside", "units", "evaluate");

  /** What a panel or control id looks like: the ids GateScope gives its nodes. */
  public static final Pattern CONTROL_ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  public LessonStep {
    if (!WORKSPACES.contains(workspace)) {
      throw new IllegalArgumentException("unknown workspace " + workspace);
    }
    if (timestep < 1 || timestep > 28) {
      throw new IllegalArgumentException("timestep must be 1..28, not " + timestep);
    }
    if (unit < -1) {
      throw new IllegalArgumentException("unit must be −1 (none) or a unit index");
    }
    interventions = List.copyOf(interventions);
    hidden = List.copyOf(hidden);
    for (String id : hidden) {
      if (!CONTROL_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("not a control id: " + id);
      }
    }
    caption = caption == null ? LocalText.EMPTY : caption;
    question = question == null ? LocalText.EMPTY : question;
    check = check == null ? Optional.empty() : check;
  }

  public LessonStep withCaption(LocalText c) {
    return new LessonStep(
        workspace, input, unit, timestep, interventions, hidden, c, question, check);
  }

  public LessonStep withQuestion(LocalText q) {
    return new LessonStep(
        workspace, input, unit, timestep, interventions, hidden, caption, q, check);
  }
}
