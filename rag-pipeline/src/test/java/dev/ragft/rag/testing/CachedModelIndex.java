package dev.ragft.rag.testing;

import dev.ragft.rag.embed.CachingEmbedder;
import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.embed.EmbeddingCache;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.rag.embed.OnnxEmbedder;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.load.Document;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real index of test documents with the default embedding model behind the real embedding
 * cache, so a text embedded again (a query asked many times, a passage re-embedded by a test)
 * gets the very vector it got first. Closed together.
 *
 * @param model the ONNX model
 * @param cache the embedding cache
 * @param embedder the model behind the cache
 * @param index the opened index
 */
public record CachedModelIndex(OnnxEmbedder model, EmbeddingCache cache, Embedder embedder,
    CorpusIndex index) implements AutoCloseable {

  /** Indexes the documents (one chunk each) into a new temporary folder named by the prefix. */
  public static CachedModelIndex build(String prefix, List<Document> documents) throws Exception {
    Path directory = Files.createTempDirectory(prefix);
    OnnxEmbedder model = OnnxEmbedder.open(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q);
    EmbeddingCache cache = EmbeddingCache.open(directory.resolve("embeddings"),
        model.spec().name(), model.spec().dimensions());
    Embedder embedder = new CachingEmbedder(model, cache);
    TestIndexes.build(directory.resolve("index"), documents, List.of(embedder), false);
    return new CachedModelIndex(model, cache, embedder,
        CorpusIndex.open(directory.resolve("index")));
  }

  @Override
  public void close() {
    index.close();
    cache.close();
    model.close();
  }
}
