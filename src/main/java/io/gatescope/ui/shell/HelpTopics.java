package io.gatescope.ui.shell;

import java.util.List;

/**
 * Every panel that explains itself ("What am I looking at?"): the panel's node id and its text's
 * key, {@code help.…}, with its title under the key + {@code .title}, in both bundles; each says
 * what the panel computes, in the lesson's notation.
 */
final class HelpTopics {
  private HelpTopics() {}

  /**
   * Where a panel's ⓘ sits: inside its top right corner; just above that corner (where the corner
   * holds a number or a scale); just right of it (a panel narrower than its column); or inside,
   * left of a vertical scroll bar.
   */
  enum Place {
    CORNER,
    ABOVE,
    RIGHT,
    BESIDE_SCROLL_BAR
  }

  /** A panel (by node id), the topic that explains it, and where its ⓘ sits. */
  record Topic(String nodeId, String topic, Place place) {
    Topic(String nodeId, String topic) {
      this(nodeId, topic, Place.CORNER);
    }

    String titleKey() {
      return topic + ".title";
    }

    String textKey() {
      return topic;
    }
  }

  static final List<Topic> ALL =
      List.of(
          new Topic("train-preset", "help.train.form", Place.ABOVE),
          new Topic("train-loss-chart", "help.train.loss"),
          new Topic("train-acc-chart", "help.train.accuracy"),
          new Topic("train-sat-chart", "help.train.saturation"),
          new Topic("train-runs", "help.train.runs", Place.ABOVE),
          new Topic("draw-canvas", "help.draw.canvas"),
          new Topic("draw-preview", "help.draw.preview"),
          new Topic("draw-bars", "help.draw.bars", Place.ABOVE),
          new Topic("draw-strip", "help.draw.strip", Place.ABOVE),
          new Topic("inside-maps", "help.inside.maps"),
          new Topic("model-strip", "help.inside.modelStrip"),
          new Topic("cell-diagram", "help.inside.cell"),
          new Topic("inside-equations", "help.inside.equations"),
          new Topic("inside-interventions", "help.inside.interventions"),
          new Topic("inside-digit", "help.inside.digit"),
          new Topic("inside-strip", "help.inside.strip", Place.ABOVE),
          new Topic("inside-scatter", "help.inside.scatter"),
          new Topic("inside-back-maps", "help.inside.backMaps"),
          new Topic("inside-back-rows", "help.inside.backRows"),
          new Topic("inside-back-triangle", "help.inside.triangle", Place.ABOVE),
          new Topic("inside-back-highway", "help.inside.highway"),
          new Topic("units-card-gallery", "help.units.top", Place.RIGHT),
          new Topic("units-per-digit", "help.units.perDigit"),
          new Topic("units-per-step", "help.units.perStep"),
          new Topic("units-gates", "help.units.gates"),
          new Topic("units-pattern-map", "help.units.patternMap"),
          new Topic("units-theta", "help.units.theta"),
          new Topic("units-state-map", "help.units.stateMap"),
          new Topic("evaluate-matrix", "help.evaluate.matrix"),
          new Topic("evaluate-per-class", "help.evaluate.perClass"),
          new Topic("evaluate-gallery", "help.evaluate.gallery", Place.BESIDE_SCROLL_BAR),
          new Topic("evaluate-flow", "help.evaluate.flow"),
          new Topic("evaluate-compare-chart", "help.evaluate.compare"),
          new Topic("cell-lines", "help.inside.cellLines"),
          new Topic("units-match-gallery", "help.units.matches", Place.RIGHT));
}
