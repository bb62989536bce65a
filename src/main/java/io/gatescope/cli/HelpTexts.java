package io.gatescope.cli;

import io.gatescope.core.Messages;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;

/**
 * The command line's help in the user's language: one resource bundle (io/gatescope/cli/help*.
 * properties, UTF-8) holds every command's description and every option's, so the annotations carry
 * none. Keys: {@code gatescope.COMMAND.usage.description} per command; an option's long name
 * without dashes (shared by every command that has the option, as mixins share them), or qualified
 * as {@code gatescope.COMMAND.NAME} where one command means something else by it.
 */
final class HelpTexts {
  static final String BUNDLE = "io.gatescope.cli.help";

  // No fallback to the JVM's default locale: English must give English.
  private static final ResourceBundle.Control CONTROL =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private HelpTexts() {}

  /** The help bundle for the language {@link Messages} speaks (English or Simplified Chinese). */
  static ResourceBundle bundle() {
    Locale l = Messages.language();
    Locale want = Locale.ENGLISH.equals(l) ? Locale.ROOT : new Locale(l.getLanguage());
    return ResourceBundle.getBundle(BUNDLE, want, HelpTexts.class.getClassLoader(), CONTROL);
  }

  /** Gives {@code cl} and all its subcommands (register them first) the help in that language. */
  static CommandLine apply(CommandLine cl) {
    cl.setResourceBundle(bundle());
    return cl;
  }
}
