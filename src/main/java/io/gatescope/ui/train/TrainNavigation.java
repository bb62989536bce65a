package io.gatescope.ui.train;

import io.gatescope.ui.common.Session;

/** Where Train sends the window to another workspace: the one place to change how it asks. */
final class TrainNavigation {
  private TrainNavigation() {}

  /** Evaluate, running its LSTM/GRU/RNN comparison (the "compare cells" preset). */
  static void showCellComparison(Session session) {
    session.comparisonRequestProperty().set(false);
    session.comparisonRequestProperty().set(true);
    session.workspaceRequestProperty().set(null);
    session.workspaceRequestProperty().set("evaluate");
  }
}
