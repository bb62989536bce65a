package io.gatescope.ui.units;

import io.gatescope.ui.common.Session;

/**
 * The Units workspace's parts, sharing one worker and one index: the index, the unit card, the
 * pattern search and the state map, and which of the three pages is shown.
 */
public final class UnitsViewModel {
  /** The workspace's pages. */
  public enum Page {
    CARD,
    PATTERN,
    MAP
  }

  private final UnitsWorker worker = new UnitsWorker();
  private final javafx.beans.property.ObjectProperty<Page> page =
      new javafx.beans.property.SimpleObjectProperty<>(Page.CARD);
  public final IndexViewModel index;
  public final CardViewModel card;
  public final PatternViewModel pattern;
  public final MapViewModel map;

  public UnitsViewModel(Session session) {
    index = new IndexViewModel(session, worker);
    card = new CardViewModel(session, worker, index);
    pattern = new PatternViewModel(session, worker, index);
    map = new MapViewModel(session, worker, index);
  }

  /** The workspace came on screen: its work starts now, not before. */
  public void shown() {
    card.refresh();
    pattern.traceInput();
    if (page.get() == Page.MAP) {
      map.ensure();
    }
  }

  /** The page shown (the view's segmented toggle, both ways). */
  public javafx.beans.property.ObjectProperty<Page> pageProperty() {
    return page;
  }

  public void shutdown() {
    worker.shutdown();
  }
}
