package dev.ragft.rag.pipeline;

import dev.ragft.common.InputProblems;
import dev.ragft.common.Progress;
import dev.ragft.rag.chunk.Chunker;
import dev.ragft.rag.chunk.Chunkers;
import dev.ragft.rag.index.ChunkIndexWriter;
import dev.ragft.rag.index.IndexStats;
import dev.ragft.rag.index.Indexer;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.token.HfTokenizer;
import java.util.Iterator;
import java.util.function.Consumer;

/** Builds or updates an index from documents, as an {@link IndexBuildConfig} says. */
public final class IndexBuild {

  private IndexBuild() {
  }

  /**
   * Indexes the documents and commits.
   *
   * @param config how to index
   * @param documents the input, read once
   * @param problems where bad input is reported
   * @param progress shows documents and chunks per second
   * @param onCommit told the totals after each commit
   * @return what the run did
   */
  public static IndexStats run(IndexBuildConfig config, Iterator<Document> documents,
      InputProblems problems, Progress progress, Consumer<IndexStats> onCommit) {
    try (HfTokenizer tokenizer = HfTokenizer.forModel(config.chunker().tokenizer());
        Embedders embedders = new Embedders(config.embeddingCache());
        ChunkIndexWriter writer = ChunkIndexWriter.open(config.index(), config.settings(),
            config.rebuild())) {
      Chunker chunker = Chunkers.create(config.chunker(), tokenizer);
      Indexer indexer = new Indexer(writer, chunker, embedders.get(config.models()),
          config.commitEvery(), config.embedBatch());
      return indexer.index(documents, config.sync(), problems, progress, onCommit);
    }
  }
}
