package io.gatescope.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text a user reads, from one bundle per language ({@code io/gatescope/messages*.properties},
 * UTF-8): English (the base bundle) and Simplified Chinese ({@code _zh}). Patterns are {@link
 * MessageFormat}s, so a literal apostrophe is written twice. Numbers in arguments are formatted for
 * the user's format locale, which stays the system's even when the language is chosen.
 */
public final class Messages {
  static final String BUNDLE = "io.gatescope.messages";

  // No fallback to the JVM's default locale: asking for English must give English.
  private static final ResourceBundle.Control CONTROL =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private static volatile Locale language = supported(Locale.getDefault(Locale.Category.DISPLAY));
  private static volatile ResourceBundle bundle = load(language);

  private Messages() {}

  /** The supported language closest to {@code wanted}: Chinese for any zh locale, else English. */
  public static Locale supported(Locale wanted) {
    return "zh".equals(wanted.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  /** Switches every later text to {@code wanted} (or the closest supported language). */
  public static void use(Locale wanted) {
    Locale l = supported(wanted);
    bundle = load(l);
    language = l;
  }

  public static Locale language() {
    return language;
  }

  /** A language tag from settings ("en", "zh-CN") or "system"; anything else means "system". */
  public static Locale fromSetting(String tag) {
    if (tag == null || tag.isBlank() || "system".equals(tag)) {
      return Locale.getDefault(Locale.Category.DISPLAY);
    }
    return Locale.forLanguageTag(tag);
  }

  /** The text for {@code key} in the current language, with {@code args} filled in. */
  public static String get(String key, Object... args) {
    return format(bundle, key, args);
  }

  /** The text for {@code key} in a given language (the closest supported one). */
  public static String in(Locale l, String key, Object... args) {
    return format(load(supported(l)), key, args);
  }

  static String format(ResourceBundle b, String key, Object... args) {
    String pattern;
    try {
      pattern = b.getString(key);
    } catch (MissingResourceException e) {
      // A missing text must show up in review and tests, not crash the app.
      return "!" + key + "!";
    }
    return new MessageFormat(pattern, Locale.getDefault(Locale.Category.FORMAT)).format(args);
  }

  static ResourceBundle load(Locale l) {
    Locale want = Locale.ENGLISH.equals(l) ? Locale.ROOT : new Locale(l.getLanguage());
    return ResourceBundle.getBundle(BUNDLE, want, Messages.class.getClassLoader(), CONTROL);
  }
}
