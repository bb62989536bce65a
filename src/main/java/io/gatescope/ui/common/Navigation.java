package io.gatescope.ui.common;

import io.gatescope.core.inspect.PatternSelection;

/**
 * A screen's request to show a workspace, with what to show there on arrival. Raised through {@link
 * Session#navigate(Navigation)}; the window shows the workspace, the session the payload.
 */
public sealed interface Navigation {
  /** The workspace to show. */
  Workspace workspace();

  /** Just show the workspace. */
  record Show(Workspace workspace) implements Navigation {}

  /** Show MNIST test image {@code index} as the current input, in {@code workspace}. */
  record TestImage(Workspace workspace, int index) implements Navigation {}

  /** Show the Units workspace with the card of hidden unit {@code unit} of the top layer. */
  record UnitCard(int unit) implements Navigation {
    @Override
    public Workspace workspace() {
      return Workspace.UNITS;
    }
  }

  /**
   * Show the Units workspace's pattern search with {@code selection} (brushed on Inside's maps)
   * filled in and searched; the map's rows in {@code order} (display row → unit), as Inside had
   * them.
   */
  record Pattern(PatternSelection selection, int[] order) implements Navigation {
    public Pattern {
      order = order.clone();
    }

    @Override
    public int[] order() {
      return order.clone();
    }

    @Override
    public Workspace workspace() {
      return Workspace.UNITS;
    }
  }

  /** Show Evaluate and start its LSTM/GRU/RNN comparison. */
  record Comparison() implements Navigation {
    @Override
    public Workspace workspace() {
      return Workspace.EVALUATE;
    }
  }
}
