package io.gatescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatescope.app.ExportReadingCommand;
import io.gatescope.app.SnapshotCommand;
import io.gatescope.app.UiBenchCommand;
import io.gatescope.core.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line explains itself: every subcommand answers --help and -h, every option and
 * parameter is described with its default, in English and 简体中文, and a typo leads to a hint that
 * works.
 */
class CliHelpTest {
  static final List<String> COMMANDS =
      List.of(
          "train",
          "evaluate",
          "predict",
          "inspect",
          "bench",
          "units",
          "lesson",
          "snapshot",
          "bench-ui",
          "export-reading");

  @TempDir Path dir;

  @AfterEach
  void backToEnglish() {
    Messages.use(Locale.ENGLISH);
  }

  /** The command line as the jar builds it, with the app's UI-bound subcommands. */
  static CommandLine commandLine() {
    return GateScopeCommand.commandLine(
        new SnapshotCommand(), new UiBenchCommand(), new ExportReadingCommand());
  }

  /**
   * Runs the command line with stdout and stderr captured. System.out is swapped before the command
   * line is built: picocli's default execution strategy keeps the System.out of that moment and, if
   * it differs at execute(), replaces the help's writer with it.
   */
  static CliTest.Run run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine cl = commandLine();
      cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
      cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
      int code = cl.execute(args);
      return new CliTest.Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
    }
  }

  @Test
  void everySubcommandAnswersHelpAndH() {
    assertEquals(
        new TreeSet<>(COMMANDS),
        new TreeSet<>(
            commandLine().getSubcommands().keySet().stream()
                .filter(n -> !n.equals("help"))
                .toList()),
        "the subcommands this test covers");
    for (String cmd : COMMANDS) {
      for (String flag : List.of("--help", "-h")) {
        CliTest.Run r = run(cmd, flag);
        assertEquals(0, r.code(), cmd + " " + flag + ": " + r.err());
        assertEquals("", r.err(), cmd + " " + flag);
        assertTrue(r.out().startsWith("Usage: gatescope " + cmd + " "), r.out());
        assertTrue(r.out().contains("-h, --help"), r.out());
        assertTrue(r.out().contains("-V, --version"), r.out());
      }
    }
  }

  /**
   * The text of one option's entry in the usage: its line and the continuation lines (an entry
   * starts at most 6 columns in; its description is indented further).
   */
  static String entry(String usage, String option) {
    List<String> lines = usage.lines().toList();
    StringBuilder sb = new StringBuilder();
    boolean in = false;
    for (String line : lines) {
      boolean starts = line.matches(" {0,6}\\S.*");
      if (starts) {
        in = line.matches("\\s+(-\\w, )?" + Pattern.quote(option) + "([=\\s].*|$)");
      }
      if (in) {
        sb.append(line.strip()).append(' ');
      }
    }
    return sb.toString().replaceAll("\\s+", " ");
  }

  @Test
  void trainHelpShowsTheLessonsDefaults() {
    String usage = run("train", "--help").out();
    assertTrue(entry(usage, "--hidden").contains("128"), entry(usage, "--hidden"));
    assertTrue(entry(usage, "--proj").contains("128"), entry(usage, "--proj"));
    assertTrue(entry(usage, "--batch").contains("128"), entry(usage, "--batch"));
    assertTrue(entry(usage, "--lr").contains("0.001"), entry(usage, "--lr"));
    assertTrue(entry(usage, "--epochs").contains("10"), entry(usage, "--epochs"));
    assertTrue(entry(usage, "--forget-bias").contains("1.0"), entry(usage, "--forget-bias"));
    assertTrue(entry(usage, "--optimizer").contains("adam"), entry(usage, "--optimizer"));
    assertTrue(entry(usage, "--cell").contains("lstm"), entry(usage, "--cell"));
  }

  /**
   * Every option and positional parameter of every command has a description, and each one with a
   * default value shows it; no text shows "null" or an unresolved variable.
   */
  @Test
  void everyOptionIsDescribedWithItsDefaultInEnglish() {
    checkDescriptions(false);
  }

  @Test
  void everyOptionIsDescribedWithItsDefaultInChinese() {
    Messages.use(Locale.SIMPLIFIED_CHINESE);
    checkDescriptions(true);
    String train = run("train", "--help").out();
    assertTrue(train.contains("学习率"), train);
    assertTrue(train.contains("隐藏层"), train);
    assertTrue(train.contains("批大小"), train);
    assertTrue(entry(train, "--lr").contains("0.001"), entry(train, "--lr"));
    String evaluate = run("evaluate", "--help").out();
    assertTrue(evaluate.startsWith("用法："), evaluate);
    String root = run("--help").out();
    List<String> commandList = root.lines().dropWhile(l -> !l.equals("命令：")).skip(1).toList();
    assertEquals(commandLine().getSubcommands().size(), commandList.size(), root);
    for (String line : commandList) {
      assertTrue(CJK.matcher(line).find(), "the list of commands in Chinese: " + line);
    }
  }

  static final Pattern CJK = Pattern.compile("\\p{IsHan}");

  void checkDescriptions(boolean chinese) {
    CommandLine root = commandLine();
    List<String> problems = new ArrayList<>();
    Set<String> descriptions = new TreeSet<>();
    for (CommandLine cl : root.getSubcommands().values()) {
      CommandSpec spec = cl.getCommandSpec();
      String name = spec.name();
      String usage = cl.getUsageMessage();
      String description = String.join(" ", spec.usageMessage().description());
      if (description.isBlank()) {
        problems.add(name + ": no description");
      }
      if (chinese && !CJK.matcher(description).find()) {
        problems.add(name + ": description not in Chinese: " + description);
      }
      descriptions.add(description);
      if (usage.contains("null") || usage.contains("${")) {
        problems.add(name + ": shows null or a variable:\n" + usage);
      }
      List<ArgSpec> args = new ArrayList<>(spec.options());
      args.addAll(spec.positionalParameters());
      for (ArgSpec a : args) {
        String label = a instanceof OptionSpec o ? o.longestName() : a.paramLabel() + " of " + name;
        String text = String.join(" ", a.description());
        if (text.isBlank()) {
          problems.add(name + " " + label + ": no description");
          continue;
        }
        if (chinese && !CJK.matcher(text).find()) {
          problems.add(name + " " + label + ": not in Chinese: " + text);
        }
        String dv = a.defaultValue();
        if (dv != null && a instanceof OptionSpec o && !name.equals("help")) {
          String shown = entry(usage, o.longestName());
          if (!shown.contains(dv)) {
            problems.add(name + " " + label + ": default " + dv + " not shown: " + shown);
          }
        }
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(
        root.getSubcommands().size(), descriptions.size(), "each command describes itself");
    String rootDescription = String.join(" ", root.getCommandSpec().usageMessage().description());
    assertNotEquals("", rootDescription);
    assertFalse(descriptions.contains(rootDescription));
  }

  @Test
  void anUnknownOptionGivesOneLineAndAHintThatWorks() {
    // train, predict and snapshot also miss a required argument: the unknown option comes first.
    for (String cmd : List.of("evaluate", "train", "predict", "snapshot", "")) {
      List<String> args = new ArrayList<>();
      if (!cmd.isEmpty()) {
        args.add(cmd);
      }
      args.add("--bogus");
      CliTest.Run r = run(args.toArray(new String[0]));
      assertEquals(2, r.code(), r.err());
      List<String> lines = r.err().lines().toList();
      assertEquals(2, lines.size(), r.err());
      assertTrue(
          lines.get(0).startsWith("gatescope: ") && lines.get(0).contains("--bogus"), r.err());
      Matcher m = Pattern.compile("'gatescope ?([^']*)'").matcher(lines.get(1));
      assertTrue(m.find(), lines.get(1));
      String hint = m.group(1);
      assertEquals(cmd.isEmpty() ? "--help" : cmd + " --help", hint);
      CliTest.Run again = run(hint.split(" "));
      assertEquals(0, again.code(), again.err());
      assertTrue(again.out().startsWith("Usage: gatescope"), again.out());
    }
  }

  @Test
  void theHintAndBadValuesAreInChineseToo() {
    Messages.use(Locale.SIMPLIFIED_CHINESE);
    CliTest.Run r = run("evaluate", "--bogus");
    assertEquals(2, r.code());
    assertTrue(CJK.matcher(r.err()).find(), r.err());
    assertTrue(r.err().contains("gatescope evaluate --help"), r.err());
    r = run("bench", "--batch", "0");
    assertEquals(2, r.code());
    assertEquals("gatescope: --batch 必须在 1 到 4096 之间\n", r.err());
  }

  @Test
  void oneEpochIsOneEpoch() {
    CliTest.Run r =
        run(
            "train",
            "--out",
            dir.resolve("one.gatescope").toString(),
            "--epochs",
            "1",
            "--hidden",
            "8",
            "--proj",
            "8",
            "--train-size",
            "256",
            "--test-size",
            "100",
            "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("1 epoch,"), r.out());
    assertFalse(r.out().contains("1 epochs"), r.out());
    assertTrue(r.out().contains("saved " + dir.resolve("one.gatescope")), r.out());
  }

  static Properties bundle(String suffix) throws IOException {
    return io.gatescope.BundleChecks.load("/io/gatescope/cli/help" + suffix);
  }

  @Test
  void helpBundlesHaveTheSameKeysAndNoEmptyText() throws IOException {
    Properties en = bundle(".properties");
    Properties zh = bundle("_zh.properties");
    io.gatescope.BundleChecks.sameKeysAndNoEmptyText(en, zh);
    for (String k : en.stringPropertyNames()) {
      assertEquals(
          en.getProperty(k).contains("${DEFAULT-VALUE}"),
          zh.getProperty(k).contains("${DEFAULT-VALUE}"),
          "both languages show the default of " + k);
    }
  }
}
