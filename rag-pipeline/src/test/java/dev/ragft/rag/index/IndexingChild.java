package dev.ragft.rag.index;

import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.common.Progress;
import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.chunk.ChunkerType;
import dev.ragft.rag.load.CorpusLoader;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.load.LoadConfig;
import dev.ragft.rag.pipeline.IndexBuild;
import dev.ragft.rag.pipeline.IndexBuildConfig;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The indexing run a crash test kills: indexes a JSONL corpus, committing every 20 documents and
 * printing {@code committed <documents>} after each commit so the parent knows how far it got.
 */
public final class IndexingChild {

  private IndexingChild() {
  }

  /** Arguments: the corpus file, the index folder, the embedding cache folder. */
  public static void main(String[] args) {
    IndexBuildConfig config = crashConfig(Path.of(args[1]), Path.of(args[2]));
    InputProblems problems = InputProblems.collecting();
    LoadConfig load = LoadConfig.builder(java.util.List.of(Path.of(args[0])))
        .onError(OnError.FAIL).build();
    try (Stream<Document> documents = new CorpusLoader(load, problems).stream()) {
      IndexBuild.run(config, documents.iterator(), problems, Progress.silent("child"),
          stats -> {
            System.out.println("committed " + (stats.indexed() + stats.unchanged()));
            System.out.flush();
          });
    }
    System.out.println("done");
  }

  /** The configuration both the child and the resuming parent use. */
  static IndexBuildConfig crashConfig(Path index, Path cache) {
    return IndexBuildConfig.defaults(index)
        .withChunker(ChunkerConfig.builder().type(ChunkerType.DOCUMENT).build())
        .withEmbeddingCache(cache)
        .withCommitEvery(20);
  }
}
