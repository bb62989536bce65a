package io.gatescope.ui.units;

import io.gatescope.ui.common.Session;

/**
 * The Units workspace's parts, sharing one index and two lanes: the index, the unit card, the
 * pattern search and the state map, and which of the three pages is shown. The long lane builds the
 * index and the state map, searches patterns and measures silencing drops (seconds); the quick lane
 * makes what a click waits for (a card's ranking, a single trace), so a card never waits behind a
 * state-map build.
 */
public final class UnitsViewModel {
  /** The workspace's pages. */
  public enum Page {
    CARD,
    PATTERN,
    MAP
  }

  private final UnitsWorker worker = new UnitsWorker("long");
  private final UnitsWorker quick = new UnitsWorker("quick");
  private final javafx.beans.property.ObjectProperty<Page> page =
      new javafx.beans.property.SimpleObjectProperty<>(Page.CARD);
  public final IndexViewModel index;
  public final CardViewModel card;
  public final PatternViewModel pattern;
  public final MapViewModel map;

  public UnitsViewModel(Session session) {
    index = new IndexViewModel(session, worker);
    card = new CardViewModel(session, quick, worker, index);
    pattern = new PatternViewModel(session, quick, worker, index);
    map = new MapViewModel(session, quick, worker, index);
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
    quick.shutdown();
  }

  /** For tests: the long lane (index, state map, searches, drops). */
  UnitsWorker longLane() {
    return worker;
  }
}
