package dev.ragft.rag.pipeline;

import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.index.VectorFieldSettings;
import dev.ragft.rag.rerank.BiEncoderEnsembleReranker;
import dev.ragft.rag.rerank.CrossEncoderReranker;
import dev.ragft.rag.rerank.LlamaCppCrossEncoder;
import dev.ragft.rag.rerank.MmrReranker;
import dev.ragft.rag.rerank.PairScorer;
import dev.ragft.rag.rerank.Reranker;
import dev.ragft.rag.rerank.RerankingRetriever;
import dev.ragft.rag.rerank.ScoringModelPairScorer;
import dev.ragft.rag.retrieve.Bm25Retriever;
import dev.ragft.rag.retrieve.DenseRetriever;
import dev.ragft.rag.retrieve.HybridRetriever;
import dev.ragft.rag.retrieve.Retriever;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An index opened with the retriever a {@link RetrievalConfig} describes, and everything that
 * retriever needs (embedding models, rerankers), closed together.
 */
public final class RetrievalPipeline implements AutoCloseable {

  private final CorpusIndex index;
  private final Embedders embedders;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Retriever retriever;

  private RetrievalPipeline(CorpusIndex index, Embedders embedders, RetrievalConfig config) {
    this.index = index;
    this.embedders = embedders;
    this.retriever = build(config);
  }

  /**
   * Opens an index for retrieval.
   *
   * @param indexDirectory the index folder
   * @param config how to retrieve
   * @param embeddingCache the embedding cache folder (queries are cached too), or null
   */
  public static RetrievalPipeline open(Path indexDirectory, RetrievalConfig config,
      Path embeddingCache) {
    CorpusIndex index = CorpusIndex.open(indexDirectory);
    Embedders embedders = new Embedders(embeddingCache);
    try {
      return new RetrievalPipeline(index, embedders, config);
    } catch (RuntimeException e) {
      try {
        embedders.close();
        index.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private Retriever build(RetrievalConfig config) {
    List<String> models = config.models().isEmpty()
        ? index.settings().vectors().stream().map(VectorFieldSettings::model).toList()
        : config.models();
    List<Retriever> lists = new ArrayList<>();
    if (config.mode() != RetrievalMode.DENSE) {
      lists.add(new Bm25Retriever(index));
    }
    if (config.mode() != RetrievalMode.BM25) {
      if (models.isEmpty()) {
        throw new IllegalArgumentException("retrieval mode " + config.mode().name().toLowerCase()
            + " needs vectors, but the index at " + index.directory() + " holds none (BM25 only)");
      }
      for (String model : models) {
        index.settings().vectorField(model);
        lists.add(new DenseRetriever(index, embedders.get(model), config.candidates()));
      }
    }
    // One dense list with feedback is still "fused": searched, fed back, searched again.
    Retriever first = lists.size() == 1 && !config.feedback().enabled() ? lists.get(0)
        : new HybridRetriever(index, lists, config.fusion().weights(lists.size()),
            config.fusion().fusion(), config.fusion().depth(), config.feedback());
    Reranker reranker = reranker(config.rerank(), models);
    return reranker == null ? first
        : new RerankingRetriever(first, reranker, config.rerank().candidates());
  }

  private Reranker reranker(RerankConfig rerank, List<String> indexModels) {
    return switch (rerank.method()) {
      case "none" -> null;
      case "mmr" -> new MmrReranker(embedders.get(indexModels.isEmpty()
          ? IndexBuildConfig.DEFAULT_MODEL : indexModels.get(0)), rerank.lambda());
      case "ensemble" -> {
        List<Embedder> models = rerank.models().stream().map(embedders::get).toList();
        List<Double> weights = rerank.weights().isEmpty()
            ? java.util.Collections.nCopies(models.size() + 1, 1.0) : rerank.weights();
        yield new BiEncoderEnsembleReranker(models, weights.subList(1, weights.size()),
            weights.get(0), new dev.ragft.rag.retrieve.Fusion.Rrf(60));
      }
      case "onnx" -> new CrossEncoderReranker(own(ScoringModelPairScorer.onnx(rerank.model(),
          rerank.tokenizer(), 512)));
      case "gguf" -> new CrossEncoderReranker(own(LlamaCppCrossEncoder.open(rerank.model(),
          Runtime.getRuntime().availableProcessors(), 512)));
      default -> throw new IllegalArgumentException("unknown rerank method " + rerank.method());
    };
  }

  private PairScorer own(PairScorer scorer) {
    resources.add(scorer);
    return scorer;
  }

  /** The configured retriever. */
  public Retriever retriever() {
    return retriever;
  }

  /** The opened index. */
  public CorpusIndex index() {
    return index;
  }

  /** The embedding models opened so far. */
  public Embedders embedders() {
    return embedders;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    List<AutoCloseable> all = new ArrayList<>(resources);
    all.add(embedders);
    all.add(index);
    for (AutoCloseable resource : all) {
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
