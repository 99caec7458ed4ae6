package dev.ragft.eval.config;

import java.util.List;

/**
 * How to build (or bring up to date) an index from the run's corpus before the run, so ablations
 * such as another chunker are rows of the setup matrix. Unset values take {@code ragft index}'s
 * defaults.
 *
 * @param chunker recursive, fixed, markdown, sentence-window or document
 * @param chunkSize tokens per chunk
 * @param chunkOverlap tokens shared by neighbouring fixed chunks
 * @param window sentences on each side of a sentence-window chunk
 * @param models embedding models whose vectors the index holds; empty list: BM25 only
 * @param analyzer the BM25 analyzer
 */
public record IndexSpec(String chunker, Integer chunkSize, Integer chunkOverlap, Integer window,
    List<String> models, String analyzer) {

  /** Copies the list. */
  public IndexSpec {
    models = models == null ? null : List.copyOf(models);
  }
}
