package dev.ragft.rag.beir;

import dev.ragft.rag.pipeline.IndexBuildConfig;
import dev.ragft.rag.pipeline.RetrievalConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One retrieval evaluation.
 *
 * @param dataset the BEIR folder ({@code corpus.jsonl}, {@code queries.jsonl}, {@code qrels/})
 * @param split the judged split to evaluate, e.g. {@code test}
 * @param index how to build (or bring up to date) the index of the corpus
 * @param retrieval how to retrieve
 * @param depth results kept per query (at least the recall cutoff, 100)
 * @param runFile where to write the TREC run, or null for none
 * @param tag the run tag in the run file
 */
public record BeirEvalConfig(Path dataset, String split, IndexBuildConfig index,
    RetrievalConfig retrieval, int depth, Path runFile, String tag) {

  /** Validates the components. */
  public BeirEvalConfig {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(retrieval, "retrieval");
    Objects.requireNonNull(tag, "tag");
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be >= 1, but is: " + depth);
    }
  }
}
