package io.gatescope.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatescope.core.engine.Quantity;
import io.gatescope.core.inspect.GateStatistics;
import io.gatescope.ui.FxTestSupport;
import io.gatescope.ui.common.CsvTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The gate statistics plot saves, per unit, the shares it plots, exactly as computed. */
@ExtendWith(ApplicationExtension.class)
class GateScatterCsvTest {
  @Test
  void savesEveryUnitsSharesAsHeld() throws Exception {
    Map<Quantity, double[]> low = new LinkedHashMap<>();
    Map<Quantity, double[]> high = new LinkedHashMap<>();
    low.put(Quantity.UPDATE, new double[] {0.125, 0.3});
    high.put(Quantity.UPDATE, new double[] {0.5, 1.0 / 3});
    low.put(Quantity.FORGET, new double[] {0.0, 0.75});
    high.put(Quantity.FORGET, new double[] {0.0625, 0.1});
    GateStatistics stats = new GateStatistics(40, low, high);
    CsvTable[] tables =
        FxTestSupport.onFx(
            () -> {
              GateScatter s = new GateScatter();
              CsvTable before = s.csv();
              s.show(stats, 1);
              return new CsvTable[] {before, s.csv()};
            });
    assertNull(tables[0], "nothing to save before statistics are computed");
    CsvTable t = tables[1];
    assertEquals(5, t.header().size());
    assertEquals(
        List.of("1", "0.3", Double.toString(1.0 / 3), "0.75", "0.1"), t.rows().get(1), "unit 1");
    assertEquals(List.of("0", "0.125", "0.5", "0.0", "0.0625"), t.rows().get(0), "unit 0");
  }
}
