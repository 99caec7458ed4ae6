package dev.ragft.common;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where ragft keeps what it can recompute or download again: embedding vectors, models, response
 * caches. The root is the system property {@code ragft.cache} when set (tests and embedding
 * applications use it), else {@code $RAGFT_CACHE}, else {@code $XDG_CACHE_HOME/ragft}, else
 * {@code ~/.cache/ragft}.
 */
public final class CacheDirs {

  private CacheDirs() {
  }

  /** The cache root for this environment. */
  public static Path root() {
    String property = System.getProperty("ragft.cache");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    return root(System.getenv(), System.getProperty("user.home"));
  }

  /** The cache root for the given environment variables and home folder. */
  public static Path root(Map<String, String> environment, String home) {
    String explicit = environment.get("RAGFT_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "ragft");
    }
    return Path.of(home, ".cache", "ragft");
  }

  /** The folder of embedding vectors. */
  public static Path embeddings() {
    return root().resolve("embeddings");
  }

  /** The folder of downloaded models. */
  public static Path models() {
    return root().resolve("models");
  }
}
