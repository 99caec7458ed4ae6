package dev.ragft.bench.support;

import dev.ragft.common.CacheDirs;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Progress;
import dev.ragft.datasets.beir.BeirDataset;
import dev.ragft.datasets.beir.BeirDocument;
import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.chunk.ChunkerType;
import dev.ragft.rag.chunk.DocumentChunker;
import dev.ragft.rag.embed.EmbeddingCache;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.rag.embed.OnnxEmbedder;
import dev.ragft.rag.index.ChunkText;
import dev.ragft.rag.index.IndexStats;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.pipeline.IndexBuild;
import dev.ragft.rag.pipeline.IndexBuildConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * SciFact prepared for retrieval benchmarks, each part built once ({@link BuiltOnce}) under the
 * benchmark data folder: the embedding cache of each model, holding the vector of every corpus
 * document (taken from ragft's shared embedding cache when it already has them, computed
 * otherwise), and the index (one chunk per document, as BEIR evaluations use, the default model's
 * vectors in a float M=16 graph), built with ragft's own {@link IndexBuild}.
 */
public final class ScifactData {

  /** The model of the index's vectors: ragft's default. */
  public static final String MODEL = IndexBuildConfig.DEFAULT_MODEL;
  private static final int EMBED_BATCH = 64;

  private ScifactData() {
  }

  /** The documents of the corpus, as the BEIR evaluation loads them. */
  public static List<Document> documents(Path dataset) {
    try (Stream<BeirDocument> corpus = BeirDataset.open(dataset).corpus()) {
      return corpus.map(beir -> Document.of(beir.id(), "corpus.jsonl", "v1", beir.title(),
          beir.text(), Map.of())).toList();
    }
  }

  /** The folder of a model's embedding cache holding every corpus document's vector. */
  public static Path cache(Path dataset, String model) {
    List<Document> documents = documents(dataset);
    Path folder = BenchDirs.data().resolve("scifact-n" + documents.size() + "-" + model
        + "-embeddings");
    return BuiltOnce.folder(folder, building -> {
      EmbeddingModelSpec spec = EmbeddingModelSpec.byName(model);
      List<String> inputs = new ArrayList<>();
      DocumentChunker chunker = new DocumentChunker();
      for (Document document : documents) {
        chunker.chunk(document).forEach(chunk ->
            inputs.add(spec.passagePrefix() + ChunkText.forEmbedding(chunk)));
      }
      int seeded = 0;
      List<String> missing = new ArrayList<>();
      try (EmbeddingCache cache = EmbeddingCache.open(building, model, spec.dimensions())) {
        Path shared = CacheDirs.embeddings();
        if (Files.isRegularFile(shared.resolve(model + "-" + spec.dimensions() + ".bin"))) {
          try (EmbeddingCache source = EmbeddingCache.open(shared, model, spec.dimensions())) {
            for (String input : inputs) {
              float[] vector = source.get(input);
              if (vector != null) {
                cache.put(input, vector);
                seeded++;
              } else {
                missing.add(input);
              }
            }
          }
        } else {
          missing.addAll(inputs);
        }
        if (!missing.isEmpty()) {
          try (OnnxEmbedder embedder = OnnxEmbedder.open(spec);
              Progress progress = Progress.onStderr("embedding SciFact with " + model,
                  missing.size(), "passages", "passages")) {
            for (int start = 0; start < missing.size(); start += EMBED_BATCH) {
              List<String> batch = missing.subList(start,
                  Math.min(missing.size(), start + EMBED_BATCH));
              float[][] vectors = embedder.embed(batch);
              for (int i = 0; i < vectors.length; i++) {
                cache.put(batch.get(i), vectors[i]);
              }
              progress.advance(batch.size());
            }
          }
        }
      }
      return "passages=" + inputs.size() + "\nfrom_shared_cache=" + seeded + "\ncomputed="
          + missing.size() + "\n";
    });
  }

  /** The folder of the SciFact index, built first if absent. */
  public static Path index(Path dataset) {
    List<Document> documents = documents(dataset);
    Path embeddings = cache(dataset, MODEL);
    Path folder = BenchDirs.data().resolve("scifact-n" + documents.size() + "-" + MODEL
        + "-m16-none");
    return BuiltOnce.folder(folder, building -> {
      IndexBuildConfig config = IndexBuildConfig.defaults(building)
          .withChunker(ChunkerConfig.builder().type(ChunkerType.DOCUMENT).build())
          .withEmbeddingCache(embeddings);
      long start = System.nanoTime();
      IndexStats stats = IndexBuild.run(config, documents.iterator(), InputProblems.collecting(),
          Progress.onStderr("indexing SciFact", documents.size(), "docs", "chunks"), s -> { });
      return stats.summary() + "\nseconds=" + (System.nanoTime() - start) / 1e9 + "\n";
    });
  }
}
