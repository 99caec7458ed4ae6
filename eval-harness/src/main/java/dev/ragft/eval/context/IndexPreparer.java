package dev.ragft.eval.context;

import dev.ragft.common.CacheDirs;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Progress;
import dev.ragft.eval.config.IndexSpec;
import dev.ragft.eval.config.RetrievalSpec;
import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.chunk.ChunkerType;
import dev.ragft.rag.index.IndexStats;
import dev.ragft.rag.pipeline.IndexBuild;
import dev.ragft.rag.pipeline.IndexBuildConfig;
import java.nio.file.Path;

/**
 * Builds the index a retrieval configuration asks to be built, from the run's corpus, or brings
 * it up to date (unchanged documents are kept, documents the corpus no longer has are removed).
 */
public final class IndexPreparer {

  private IndexPreparer() {
  }

  /** The build configuration for {@code spec}'s index: {@code ragft index}'s defaults, changed. */
  public static IndexBuildConfig config(RetrievalSpec spec) {
    IndexSpec build = spec.build();
    IndexBuildConfig defaults = IndexBuildConfig.defaults(Path.of(spec.index()));
    ChunkerConfig.Builder chunking = ChunkerConfig.builder();
    if (build.chunker() != null) {
      chunking.type(ChunkerType.parse("chunker", build.chunker()));
    }
    if (build.chunkSize() != null) {
      chunking.size(build.chunkSize());
    }
    if (build.chunkOverlap() != null) {
      chunking.overlap(build.chunkOverlap());
    }
    if (build.window() != null) {
      chunking.window(build.window());
    }
    return new IndexBuildConfig(defaults.index(),
        build.analyzer() == null ? defaults.analyzer() : build.analyzer(), defaults.k1(),
        defaults.b(), build.models() == null ? defaults.models() : build.models(),
        defaults.hnswM(), defaults.beamWidth(), defaults.quantization(), chunking.build(),
        CacheDirs.embeddings(), defaults.commitEvery(), defaults.embedBatch(), false, true);
  }

  /** Builds or updates {@code spec}'s index from {@code corpus}. */
  public static IndexStats prepare(RetrievalSpec spec, Corpus corpus, InputProblems problems,
      Progress progress) {
    return IndexBuild.run(config(spec), corpus.documents().iterator(), problems, progress,
        stats -> { });
  }
}
