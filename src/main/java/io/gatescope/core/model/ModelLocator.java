package io.gatescope.core.model;

import io.gatescope.core.Messages;
import io.gatescope.core.data.DataLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the shipped pretrained model when the user names none. */
public final class ModelLocator {
  public static final String DEFAULT = "lstm-classic.gatescope";

  private ModelLocator() {}

  public static List<Path> candidates() {
    List<Path> out = new ArrayList<>();
    String prop = System.getProperty("gatescope.assets");
    if (prop != null && !prop.isBlank()) {
      out.add(Path.of(prop, "models", DEFAULT));
    }
    // Installed: assets beside the jar; in a checkout: one level up from target/.
    DataLocator.appFolder().ifPresent(d -> out.add(d.resolve("assets/models").resolve(DEFAULT)));
    DataLocator.appHome().ifPresent(h -> out.add(h.resolve("assets/models").resolve(DEFAULT)));
    out.add(Path.of("assets", "models", DEFAULT));
    return out;
  }

  /** The explicit file, or the shipped model; a clear error when neither exists. */
  public static Path resolve(Optional<Path> explicit) throws ModelFileException {
    if (explicit.isPresent()) {
      return explicit.get();
    }
    for (Path p : candidates()) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new ModelFileException(Messages.get("model.noShipped", candidates()));
  }
}
