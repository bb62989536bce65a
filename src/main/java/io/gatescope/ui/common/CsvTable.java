package io.gatescope.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers behind a picture as a table: a header row and rows of cells, written as CSV (RFC 4180
 * quoting, UTF-8, "\n" lines). Numbers go in as the widget holds them: a float prints with {@link
 * Float#toString}, the shortest text that reads back as the same float.
 */
public final class CsvTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public CsvTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  /** Adds one row (its cells already as text). */
  public CsvTable row(List<String> cells) {
    rows.add(List.copyOf(cells));
    return this;
  }

  public List<String> header() {
    return header;
  }

  public List<List<String>> rows() {
    return List.copyOf(rows);
  }

  /** A float exactly as held: the shortest text that reads back as the same float. */
  public static String number(float v) {
    return Float.toString(v);
  }

  /** A double exactly as held. */
  public static String number(double v) {
    return Double.toString(v);
  }

  /** The table as CSV text. */
  public String text() {
    StringBuilder b = new StringBuilder();
    line(b, header);
    for (List<String> r : rows) {
      line(b, r);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    b.append('\n');
  }
}
