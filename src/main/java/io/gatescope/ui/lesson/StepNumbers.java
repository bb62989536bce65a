package io.gatescope.ui.lesson;

import io.gatescope.core.engine.GateTrace;
import io.gatescope.core.lesson.LiveNumbers;

/**
 * The traces a step's live numbers ({@link LiveNumbers}) are read from: those of the step's own
 * input and interventions, traced for the step once both are in force, so that the caption keeps
 * saying what the step set up while the student clamps, draws or moves on in time.
 */
final class StepNumbers {
  private GateTrace shown; // with the step's interventions
  private GateTrace plain; // without them
  private int timestep = 1; // the step's timestep: a number's t unless it names its own
  private boolean unavailable; // the step's input is not shown (its picture could not be read)

  /** A step is being applied: its numbers are pending until its traces are kept. */
  void forget(int stepTimestep) {
    shown = null;
    plain = null;
    timestep = stepTimestep;
    unavailable = false;
  }

  /** The step's input is not shown: its numbers show {@link LiveNumbers#NONE}, never another's. */
  void unavailable() {
    unavailable = true;
  }

  /** Keeps these traces of the step's setup (once per step: they are traced once for it). */
  void keep(GateTrace withInterventions, GateTrace without) {
    shown = withInterventions;
    plain = without;
  }

  /** The kept trace with the step's interventions, or null. */
  GateTrace shown() {
    return shown;
  }

  /** The kept trace without them, or null. */
  GateTrace plain() {
    return plain;
  }

  /** Whether the step's numbers are read (or known to be unavailable): none shows as pending. */
  boolean done() {
    return shown != null || unavailable;
  }

  /** Whether the step's traces are kept. */
  boolean kept() {
    return shown != null;
  }

  /**
   * {@code text} with its numbers read from the kept traces ({@link LiveNumbers#PENDING} before).
   */
  String fill(String text) {
    try {
      return unavailable
          ? LiveNumbers.each(text, LiveNumbers.NONE)
          : LiveNumbers.fill(text, shown, plain, timestep);
    } catch (IllegalArgumentException e) {
      return text; // a lesson made in code, its numbers not checked as a file's are: as written
    }
  }
}
