package io.gatescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** Checks shared by the text bundles' tests: both languages complete, no empty text. */
public final class BundleChecks {
  private BundleChecks() {}

  /** A bundle file from the class path, read as UTF-8. */
  public static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BundleChecks.class.getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  /** English and 简体中文 have the same keys, and no text in either is blank. */
  public static void sameKeysAndNoEmptyText(Properties en, Properties zh) {
    Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
    onlyEn.removeAll(zh.stringPropertyNames());
    Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
    onlyZh.removeAll(en.stringPropertyNames());
    assertEquals(Set.of(), onlyEn, "missing from 简体中文");
    assertEquals(Set.of(), onlyZh, "missing from English");
    for (String k : en.stringPropertyNames()) {
      assertFalse(en.getProperty(k).isBlank(), k);
      assertFalse(zh.getProperty(k).isBlank(), k);
    }
  }
}
