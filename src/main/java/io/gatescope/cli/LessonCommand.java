package io.gatescope.cli;

import io.gatescope.core.lesson.Lesson;
import io.gatescope.core.lesson.LessonFileException;
import io.gatescope.core.lesson.ShippedLessons;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The lessons that come with GateScope: {@code lesson --list [--json]} lists their ids, titles,
 * languages and number of steps (what {@code snapshot --lesson ID --step K} takes).
 */
@Command(name = "lesson", mixinStandardHelpOptions = true, versionProvider = Version.class)
public final class LessonCommand implements Callable<Integer> {
  @Option(names = "--list", required = true)
  boolean list;

  @Mixin JsonOption output;

  @Override
  public Integer call() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String id : ShippedLessons.ids()) {
      Lesson l;
      try {
        l = ShippedLessons.load(id);
      } catch (LessonFileException e) {
        throw new Cli.UserError(e.getMessage());
      }
      text.append(l.id())
          .append('\t')
          .append(l.title().text())
          .append('\t')
          .append(String.join(", ", l.languages()))
          .append('\t')
          .append(l.steps().size())
          .append(System.lineSeparator());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", l.id());
      row.put("title", l.title().text());
      row.put("languages", l.languages());
      row.put("steps", l.steps().size());
      rows.add(row);
    }
    if (output.json) {
      System.out.println(Json.write(rows));
    } else {
      System.out.print(text);
    }
    return 0;
  }
}
