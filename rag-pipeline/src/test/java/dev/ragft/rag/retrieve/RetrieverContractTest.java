package dev.ragft.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.rag.embed.OnnxEmbedder;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.rerank.BiEncoderEnsembleReranker;
import dev.ragft.rag.rerank.MmrReranker;
import dev.ragft.rag.rerank.RerankingRetriever;
import dev.ragft.rag.testing.TestCorpus;
import dev.ragft.rag.testing.TestIndexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The checks every {@link Retriever} must pass, run against each implementation over one real
 * index (real Lucene, real bge-small-en-v1.5 vectors).
 */
class RetrieverContractTest {

  private static Path directory;
  private static Embedder embedder;
  private static CorpusIndex index;

  @BeforeAll
  static void buildIndex() throws Exception {
    directory = Files.createTempDirectory("ragft-contract");
    embedder = OnnxEmbedder.open(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q);
    TestIndexes.build(directory, TestCorpus.documents(), List.of(embedder), false);
    index = CorpusIndex.open(directory);
  }

  @AfterAll
  static void close() {
    index.close();
    embedder.close();
  }

  /** The contract; each nested class supplies one retriever. */
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Contract {

    abstract Retriever retriever();

    /** The id of the document a good retriever ranks first for the refund question. */
    String refundAnswer() {
      return "refunds#0";
    }

    @Test
    void returns_at_most_k_in_score_order_with_ties_by_chunk_id() {
      List<ScoredChunk> results = retriever().retrieve(
          RetrievalQuery.of("how many days do I have to get a refund on an annual plan"), 5);
      assertThat(results).hasSizeLessThanOrEqualTo(5).isNotEmpty();
      assertThat(results).isSortedAccordingTo(ScoredChunk.ORDER);
      assertThat(results).extracting(ScoredChunk::id).doesNotHaveDuplicates();
      assertThat(results.get(0).id()).isEqualTo(refundAnswer());
    }

    @Test
    void is_deterministic() {
      RetrievalQuery query = RetrievalQuery.of("what happens to data after the account is closed");
      assertThat(retriever().retrieve(query, 8)).isEqualTo(retriever().retrieve(query, 8));
    }

    @Test
    void honours_filters_on_source_version_and_metadata() {
      RetrievalQuery bySource = new RetrievalQuery("refund policy for plans",
          Filter.of("source", "kb/retention.md", "kb/pricing.md"));
      assertThat(retriever().retrieve(bySource, 10)).extracting(s -> s.chunk().source())
          .isNotEmpty().allMatch(s -> s.equals("kb/retention.md") || s.equals("kb/pricing.md"));
      RetrievalQuery byMeta = new RetrievalQuery("refund policy for tomatoes",
          Filter.of("meta.topic", "other"));
      assertThat(retriever().retrieve(byMeta, 10)).extracting(s -> s.chunk().metadata().get("topic"))
          .containsOnly("other");
      RetrievalQuery noVersion = new RetrievalQuery("refund", Filter.of("version", "v9"));
      assertThat(retriever().retrieve(noVersion, 10)).isEmpty();
    }

    @Test
    void hits_are_the_ids_and_scores_of_the_results() {
      RetrievalQuery query = RetrievalQuery.of("refund policy for annual plans");
      assertThat(retriever().hits(query, 6))
          .isEqualTo(retriever().retrieve(query, 6).stream().map(ScoredChunk::hit).toList());
      assertThat(retriever().hits(RetrievalQuery.of("  "), 3)).isEmpty();
    }

    @Test
    void an_empty_query_gives_no_results() {
      assertThat(retriever().retrieve(RetrievalQuery.of("   "), 3)).isEmpty();
    }

    @Test
    void k_must_be_positive() {
      assertThatThrownBy(() -> retriever().retrieve(RetrievalQuery.of("refund"), 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("k must be >= 1, but is: 0");
    }
  }

  @Nested
  class Bm25 extends Contract {
    @Override
    Retriever retriever() {
      return new Bm25Retriever(index);
    }

    @Test
    void stop_words_alone_match_nothing() {
      assertThat(retriever().retrieve(RetrievalQuery.of("the and of"), 3)).isEmpty();
    }
  }

  @Nested
  class Dense extends Contract {
    @Override
    Retriever retriever() {
      return new DenseRetriever(index, embedder, 50);
    }

    @Test
    void agrees_with_exact_search_on_a_small_index() {
      RetrievalQuery query = RetrievalQuery.of("tidal locking of our satellite");
      assertThat(retriever().retrieve(query, 5)).extracting(ScoredChunk::id)
          .isEqualTo(new ExactDenseRetriever(index, embedder).retrieve(query, 5).stream()
              .map(ScoredChunk::id).toList());
    }
  }

  @Nested
  class Exact extends Contract {
    @Override
    Retriever retriever() {
      return new ExactDenseRetriever(index, embedder);
    }
  }

  @Nested
  class HybridRrf extends Contract {
    @Override
    Retriever retriever() {
      return new HybridRetriever(List.of(new Bm25Retriever(index), new DenseRetriever(index,
          embedder, 50)), List.of(1.0, 1.0), new Fusion.Rrf(60), 20);
    }
  }

  @Nested
  class HybridRrfFusedFromIds extends Contract {
    @Override
    Retriever retriever() {
      return new HybridRetriever(index, List.of(new Bm25Retriever(index),
          new DenseRetriever(index, embedder, 50)), List.of(1.0, 1.0), new Fusion.Rrf(60), 20);
    }
  }

  @Nested
  class HybridMinMax extends Contract {
    @Override
    Retriever retriever() {
      return new HybridRetriever(List.of(new Bm25Retriever(index), new DenseRetriever(index,
          embedder, 50)), List.of(0.5, 0.5),
          new Fusion.WeightedSum(Fusion.Normalization.MIN_MAX), 20);
    }
  }

  @Nested
  class HybridZScore extends Contract {
    @Override
    Retriever retriever() {
      return new HybridRetriever(List.of(new Bm25Retriever(index), new DenseRetriever(index,
          embedder, 50)), List.of(1.0, 1.0),
          new Fusion.WeightedSum(Fusion.Normalization.Z_SCORE), 20);
    }
  }

  @Nested
  class RerankedByMmr extends Contract {
    @Override
    Retriever retriever() {
      return new RerankingRetriever(new Bm25Retriever(index), new MmrReranker(embedder, 0.9), 10);
    }
  }

  @Nested
  class RerankedByEnsemble extends Contract {
    @Override
    Retriever retriever() {
      return new RerankingRetriever(new Bm25Retriever(index), new BiEncoderEnsembleReranker(
          List.of(embedder), List.of(1.0), 1.0, new Fusion.Rrf(60)), 10);
    }
  }
}
