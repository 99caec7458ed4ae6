package dev.ragft.eval.config;

/**
 * The documents the oracle context takes gold passages from and indexes are built from: a
 * bundled scenario's corpus version, or a folder loaded as {@code ragft index} loads one (its
 * documents get {@code version}).
 *
 * @param scenario a bundled scenario; or null
 * @param path a folder or file of documents; or null
 * @param version the corpus version; default the scenario's first, or {@code v1} for a folder
 */
public record CorpusSpec(String scenario, String path, String version) {

  /** Validates. */
  public CorpusSpec {
    if ((scenario == null) == (path == null)) {
      throw new IllegalArgumentException("give either scenario or path, not "
          + (scenario == null ? "neither" : "both"));
    }
    if (version != null
        && (version.isBlank() || version.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException("version must be one word, but is: \"" + version + "\"");
    }
  }
}
