package io.gatescope.ui.common;

import java.util.Locale;
import java.util.Optional;

/**
 * The window's five workspaces, in tab order. Their ids ("train", "draw", ...) are the names the
 * settings file and the snapshot command's {@code --workspace} use; code names a workspace by this
 * type, never by its id.
 */
public enum Workspace {
  TRAIN,
  DRAW,
  INSIDE,
  UNITS,
  EVALUATE;

  /** The id in files and on the command line: "train", "draw", "inside", "units", "evaluate". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The workspace with this id (any case), if there is one. */
  public static Optional<Workspace> byId(String id) {
    for (Workspace w : values()) {
      if (w.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  /** The ids as a reader lists them: "train, draw, inside, units or evaluate". */
  public static String idsInWords() {
    StringBuilder sb = new StringBuilder();
    Workspace[] all = values();
    for (int i = 0; i < all.length; i++) {
      sb.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].id());
    }
    return sb.toString();
  }
}
