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
 * @param hiddenTabs ids of the workspaces whose tabs are hidden during this step (never the step's
 *     own workspace)
 * @param insideView what Inside's centre shows: "maps" (Forward), "backward" or "cell"
 * @param target the backward view's target digit as chosen, or −1 for its default (the true digit,
 *     else the prediction)
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
    Optional<LessonCheck> check,
    List<String> hiddenTabs,
    String insideView,
    int target) {

  /** The workspaces a step can show, by id (the ids {@code snapshot --workspace} takes). */
  public static final List<String> WORKSPACES =
      List.of("train", "draw", "inside", "units", "evaluate");

  /** What Inside's centre can show: the forward maps, the backward maps, the cell diagram. */
  public static final List<String> INSIDE_VIEWS = List.of("maps", "backward", "cell");

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
    hiddenTabs = hiddenTabs == null ? List.of() : List.copyOf(hiddenTabs);
    for (String tab : hiddenTabs) {
      if (!WORKSPACES.contains(tab) || tab.equals(workspace)) {
        throw new IllegalArgumentException("cannot hide the tab " + tab + " in this step");
      }
    }
    insideView = insideView == null ? "maps" : insideView;
    if (!INSIDE_VIEWS.contains(insideView)) {
      throw new IllegalArgumentException("unknown Inside view " + insideView);
    }
    if (target < -1 || target > 9) {
      throw new IllegalArgumentException("a target is a digit 0..9, or −1 for the default");
    }
    caption = caption == null ? LocalText.EMPTY : caption;
    question = question == null ? LocalText.EMPTY : question;
    check = check == null ? Optional.empty() : check;
  }

  /** A step that hides no tab and shows Inside's forward maps with their default target. */
  public LessonStep(
      String workspace,
      LessonInput input,
      int unit,
      int timestep,
      List<Intervention> interventions,
      List<String> hidden,
      LocalText caption,
      LocalText question,
      Optional<LessonCheck> check) {
    this(
        workspace,
        input,
        unit,
        timestep,
        interventions,
        hidden,
        caption,
        question,
        check,
        List.of(),
        "maps",
        -1);
  }

  /** Whether this step uses what only format 2 can say: a drawing, hidden tabs, Inside's view. */
  boolean needsVersion2() {
    return input instanceof LessonInput.Drawing
        || !hiddenTabs.isEmpty()
        || !insideView.equals("maps")
        || target >= 0;
  }

  public LessonStep withCaption(LocalText c) {
    return new LessonStep(
        workspace,
        input,
        unit,
        timestep,
        interventions,
        hidden,
        c,
        question,
        check,
        hiddenTabs,
        insideView,
        target);
  }

  public LessonStep withQuestion(LocalText q) {
    return new LessonStep(
        workspace,
        input,
        unit,
        timestep,
        interventions,
        hidden,
        caption,
        q,
        check,
        hiddenTabs,
        insideView,
        target);
  }

  public LessonStep withCheck(Optional<LessonCheck> c) {
    return new LessonStep(
        workspace,
        input,
        unit,
        timestep,
        interventions,
        hidden,
        caption,
        question,
        c,
        hiddenTabs,
        insideView,
        target);
  }

  /** This step hiding these controls and these workspaces' tabs. */
  public LessonStep withHiding(List<String> controls, List<String> tabs) {
    return new LessonStep(
        workspace,
        input,
        unit,
        timestep,
        interventions,
        controls,
        caption,
        question,
        check,
        tabs,
        insideView,
        target);
  }
}
