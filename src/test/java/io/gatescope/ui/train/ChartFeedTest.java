package io.gatescope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.ui.FxTestSupport;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** How run points reach a chart: at most five times a second, appended, and decimated when long. */
class ChartFeedTest {
  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  /** A run's points, the pulse and the chart series fed from them. */
  private record Fed(
      ObservableList<Point> source, ChartPulse pulse, XYChart.Series<Number, Number> series) {}

  private static Fed fed() throws Exception {
    ObservableList<Point> source = FXCollections.observableArrayList();
    ChartPulse pulse = FxTestSupport.onFx(ChartPulse::new);
    ChartFeed feed = FxTestSupport.onFx(() -> new ChartFeed("loss", source, pulse));
    return new Fed(source, pulse, feed.series());
  }

  private static List<Point> points(double... ys) {
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < ys.length; i++) {
      out.add(new Point(i, ys[i]));
    }
    return out;
  }

  @Test
  void decimationKeepsEachRunsLowestAndHighestPointInOrderAndBothEnds() {
    // 12 points in 3 runs of 4: (5,1,7,3) (2,2,9,0) (4,6,6,8).
    List<Point> p = points(5, 1, 7, 3, 2, 2, 9, 0, 4, 6, 6, 8);
    List<Point> d = ChartFeed.decimate(p, 3);
    assertEquals(
        List.of(
            p.get(0), // the first point, before run 1's lowest
            p.get(1), // run 1: lowest 1 at x=1, highest 7 at x=2
            p.get(2), p.get(6), // run 2: highest 9 at x=6, lowest 0 at x=7
            p.get(7), p.get(8), // run 3: lowest 4 at x=8, highest 8 at x=11 (also the last point)
            p.get(11)),
        d);
    assertEquals(p.subList(0, 6), ChartFeed.decimate(p.subList(0, 6), 3), "short: whole");
  }

  @Test
  void aLongSeriesIsDrawnWithAtMostTwoPointsPerRunEachOneComputed() {
    List<Point> p = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      p.add(new Point(i, Math.sin(i / 10.0)));
    }
    List<Point> d = ChartFeed.decimate(p, ChartFeed.SHOWN / 2);
    assertTrue(d.size() <= ChartFeed.SHOWN + 2, "drawn: " + d.size());
    assertTrue(p.containsAll(d), "every point drawn is one of the run's");
    assertEquals(p.get(0), d.get(0));
    assertEquals(p.get(1499), d.get(d.size() - 1));
    for (int i = 1; i < d.size(); i++) {
      assertTrue(d.get(i).x() > d.get(i - 1).x(), "in order");
    }
  }

  @Test
  void newPointsAreAppendedAtTheNextPulseAndAThinnedSeriesIsRedrawn() throws Exception {
    Fed fed = fed();
    ObservableList<Point> source = fed.source();
    ChartPulse pulse = fed.pulse();
    XYChart.Series<Number, Number> s = fed.series();
    FxTestSupport.run(
        () -> {
          source.add(new Point(1, 2.5));
          source.add(new Point(2, 2.25));
          assertEquals(0, s.getData().size(), "nothing drawn before the pulse");
          pulse.flush();
        });
    assertEquals(2, s.getData().size());
    XYChart.Data<Number, Number> first = s.getData().get(0);
    assertEquals(2.25, s.getData().get(1).getYValue().doubleValue(), 0.0);
    FxTestSupport.run(
        () -> {
          source.add(new Point(3, 2.0));
          pulse.flush();
        });
    assertEquals(3, s.getData().size());
    assertSame(first, s.getData().get(0), "appended, not redrawn");
    FxTestSupport.run(
        () -> {
          source.setAll(List.of(new Point(1, 2.5), new Point(3, 2.0))); // thinned
          pulse.flush();
        });
    assertEquals(2, s.getData().size());
    assertEquals(3.0, s.getData().get(1).getXValue().doubleValue(), 0.0);
  }

  @Test
  void theChartsAreUpdatedAtMostFiveTimesASecond() throws Exception {
    Fed f = fed();
    long t0 = 1_000_000_000L;
    long gap = ChartPulse.GAP_NANOS;
    assertEquals(200_000_000L, gap, "five a second");
    List<Integer> drawn = new ArrayList<>();
    FxTestSupport.run(
        () -> {
          f.source().add(new Point(1, 2.5));
          f.pulse().tick(t0);
          drawn.add(f.series().getData().size()); // the first pulse draws
          f.source().add(new Point(2, 2.25));
          f.pulse().tick(t0 + gap / 2);
          drawn.add(f.series().getData().size()); // too soon: waits
          f.pulse().tick(t0 + gap - 1);
          drawn.add(f.series().getData().size()); // still too soon
          f.pulse().tick(t0 + gap);
          drawn.add(f.series().getData().size()); // due: both points
          f.pulse().tick(t0 + 3 * gap);
          drawn.add(f.series().getData().size()); // nothing new, nothing to do
        });
    assertEquals(List.of(1, 1, 1, 2, 2), drawn);
  }
}
