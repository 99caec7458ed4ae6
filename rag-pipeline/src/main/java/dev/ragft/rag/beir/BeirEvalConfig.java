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
 * @param tuning where to choose the fusion weights first, or null to use the configured ones
 */
public record BeirEvalConfig(Path dataset, String split, IndexBuildConfig index,
    RetrievalConfig retrieval, int depth, Path runFile, String tag, WeightTuning tuning) {

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
    if (tuning != null && tuning.split().equals(split)) {
      throw new IllegalArgumentException("the fusion weights must be tuned on another split than "
          + "the evaluated one (" + split + "): tuning on it would report a fitted number");
    }
    if (tuning != null && !retrieval.fusion().weights().isEmpty()) {
      throw new IllegalArgumentException(
          "give fusion weights or tune them on a split, not both");
    }
  }

  /** An evaluation with the configured fusion weights. */
  public BeirEvalConfig(Path dataset, String split, IndexBuildConfig index,
      RetrievalConfig retrieval, int depth, Path runFile, String tag) {
    this(dataset, split, index, retrieval, depth, runFile, tag, null);
  }
}
