package dev.ragft.model;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where ragft keeps downloaded models and extracted native libraries: {@code $XDG_CACHE_HOME/ragft}
 * when that variable is set, otherwise {@code ~/.cache/ragft}.
 */
public final class UserCache {

  private UserCache() {
  }

  /** The ragft cache folder for this user (it may not exist yet). */
  public static Path root() {
    return root(System.getenv(), System.getProperty("user.home"));
  }

  /** The ragft cache folder for the given environment and home folder. */
  public static Path root(Map<String, String> environment, String userHome) {
    String xdg = environment.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".cache");
    return base.resolve("ragft");
  }

  /** The folder for downloaded models. */
  public static Path models() {
    return root().resolve("models");
  }
}
