package io.gatescope.cli;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** A small JSON writer for CLI output (maps, lists, arrays, numbers, strings). */
public final class Json {
  private Json() {}

  public static String write(Object o) {
    StringBuilder sb = new StringBuilder();
    write(sb, o);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object o) {
    if (o == null) {
      sb.append("null");
    } else if (o instanceof String s) {
      string(sb, s);
    } else if (o instanceof Float f) {
      sb.append(Float.isFinite(f) ? f.toString() : "null");
    } else if (o instanceof Double d) {
      sb.append(Double.isFinite(d) ? d.toString() : "null");
    } else if (o instanceof Number || o instanceof Boolean) {
      sb.append(o);
    } else if (o instanceof Map<?, ?> m) {
      sb.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
      while (it.hasNext()) {
        var e = it.next();
        string(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue());
        if (it.hasNext()) {
          sb.append(',');
        }
      }
      sb.append('}');
    } else if (o instanceof Collection<?> c) {
      sb.append('[');
      Iterator<?> it = c.iterator();
      while (it.hasNext()) {
        write(sb, it.next());
        if (it.hasNext()) {
          sb.append(',');
        }
      }
      sb.append(']');
    } else if (o instanceof float[] a) {
      sb.append('[');
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(Float.isFinite(a[i]) ? Float.toString(a[i]) : "null");
      }
      sb.append(']');
    } else if (o instanceof double[] a) {
      sb.append('[');
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(Double.isFinite(a[i]) ? Double.toString(a[i]) : "null");
      }
      sb.append(']');
    } else if (o instanceof int[] a) {
      sb.append('[');
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(a[i]);
      }
      sb.append(']');
    } else if (o instanceof Object[] a) {
      write(sb, java.util.Arrays.asList(a));
    } else if (o instanceof Enum<?> e) {
      string(sb, e.name().toLowerCase());
    } else {
      string(sb, o.toString());
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
