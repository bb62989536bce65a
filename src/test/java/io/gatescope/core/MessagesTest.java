package io.gatescope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.core.engine.Quantity;
import io.gatescope.core.engine.Reading;
import io.gatescope.core.inspect.UnitOrder;
import io.gatescope.core.train.OptimizerKind;
import io.gatescope.core.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Both languages are complete, every pattern is valid, and every text the code asks for exists. */
class MessagesTest {
  static Properties bundle(String suffix) throws IOException {
    return io.gatescope.BundleChecks.load("/io/gatescope/messages" + suffix);
  }

  @AfterEach
  void backToEnglish() {
    Messages.use(Locale.ENGLISH);
  }

  @Test
  void englishAndChineseHaveTheSameKeysAndNoEmptyText() throws IOException {
    Properties en = bundle(".properties");
    Properties zh = bundle("_zh.properties");
    io.gatescope.BundleChecks.sameKeysAndNoEmptyText(en, zh);
    assertTrue(en.size() > 300, "bundle size " + en.size());
  }

  /**
   * No text shows an escape sequence instead of what it stands for (a doubled backslash in the file
   * put a literal "\\n" into the F1 list, in both languages).
   */
  @Test
  void noTextShowsALiteralEscape() throws IOException {
    for (String suffix : List.of(".properties", "_zh.properties")) {
      Properties p = bundle(suffix);
      for (String k : p.stringPropertyNames()) {
        String v = p.getProperty(k);
        assertFalse(v.matches("(?s).*\\\\[nrtu].*"), suffix + " " + k + " shows an escape: " + v);
      }
    }
  }

  /** Each pattern parses, and both languages use the same arguments (none dropped or invented). */
  @Test
  void patternsParseAndUseTheSameArguments() throws IOException {
    Properties en = bundle(".properties");
    Properties zh = bundle("_zh.properties");
    for (String k : en.stringPropertyNames()) {
      assertEquals(arguments(en.getProperty(k)), arguments(zh.getProperty(k)), k);
      new MessageFormat(en.getProperty(k), Locale.ENGLISH);
      new MessageFormat(zh.getProperty(k), Locale.SIMPLIFIED_CHINESE);
    }
  }

  static Set<Integer> arguments(String pattern) {
    Set<Integer> out = new TreeSet<>();
    Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern);
    while (m.find()) {
      out.add(Integer.parseInt(m.group(1)));
    }
    return out;
  }

  /** Every literal key in the sources, and every key made from an enum, is in the bundle. */
  @Test
  void everyKeyTheCodeAsksForExists() throws IOException {
    Properties en = bundle(".properties");
    List<String> missing = new ArrayList<>();
    // Any string literal shaped like a key of one of the bundle's sections, wherever it is used
    // (also as a ternary's branch or a constant).
    Set<String> sections = new TreeSet<>();
    for (String k : en.stringPropertyNames()) {
      sections.add(k.substring(0, k.indexOf('.')));
    }
    Pattern literal =
        Pattern.compile("\"((?:" + String.join("|", sections) + ")\\.[A-Za-z0-9_.-]+)\"");
    int found = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = literal.matcher(Files.readString(f));
        while (m.find()) {
          String key = m.group(1);
          found++;
          // A prefix ("train.reading." + name) is checked below with the enums it is made from.
          boolean notText =
              key.matches(".*\\.(css|gatescope|properties|json)") || key.equals("model.last");
          if (!key.endsWith(".") && !notText && !en.containsKey(key)) {
            missing.add(f.getFileName() + ": " + key);
          }
        }
      }
    }
    assertTrue(found > 250, "keys found in the sources: " + found);
    List<String> made = new ArrayList<>();
    for (Reading r : Reading.values()) {
      made.add("train.reading." + r.name().toLowerCase());
    }
    for (UnitOrder o : UnitOrder.values()) {
      made.add("order." + o.name().toLowerCase());
    }
    for (TrainingResult.StopReason s : TrainingResult.StopReason.values()) {
      made.add("train.stop." + s.name().toLowerCase());
    }
    for (OptimizerKind o : OptimizerKind.values()) {
      made.add("train.optimizer." + o.name().toLowerCase());
    }
    for (Quantity q : Quantity.values()) {
      made.add("quantity." + q.name().toLowerCase());
    }
    for (String k : made) {
      if (!en.containsKey(k)) {
        missing.add(k);
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void switchingLanguageChangesTextsAndNumbersKeepTheirMeaning() {
    Messages.use(Locale.forLanguageTag("zh-CN"));
    assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.language());
    assertEquals(
        "第 3 轮 · 迭代 10/469 · 1,234 张/秒 · 剩余 1 分 05 秒",
        Messages.get(
            "train.progress", 3, 10, 469, 1234.4, Messages.get("train.eta.minutes", 1, 5)));
    Messages.use(Locale.forLanguageTag("zh-TW"));
    assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.language(), "any Chinese reads Simplified");
    Messages.use(Locale.GERMANY);
    assertEquals(Locale.ENGLISH, Messages.language(), "unsupported languages fall back to English");
    assertEquals("must be from 1 to 4,096", Messages.get("train.error.range", 1, 4096));
    assertEquals("English", Messages.in(Locale.ENGLISH, "language.en"));
    assertEquals("!no.such.key!", Messages.get("no.such.key"));
  }

  @Test
  void settingTagsMapToLocales() {
    assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.supported(Messages.fromSetting("zh-CN")));
    assertEquals(Locale.ENGLISH, Messages.supported(Messages.fromSetting("en")));
    assertEquals(
        Messages.supported(Locale.getDefault(Locale.Category.DISPLAY)),
        Messages.supported(Messages.fromSetting("system")));
  }

  /** Counts in running text are grouped like the rest of the window ("1,880", not "1880"). */
  @Test
  void countsInThePausedLineAreGroupedAsElsewhere() {
    Messages.use(Locale.ENGLISH);
    assertEquals(
        "Paused at iteration 1,234 of 1,880: press Resume (Ctrl+P) to continue",
        Messages.get("train.paused.status", 1234, 1880));
  }
}
