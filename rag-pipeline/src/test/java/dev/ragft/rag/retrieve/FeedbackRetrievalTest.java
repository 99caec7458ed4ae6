package dev.ragft.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.index.ChunkText;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.index.Quantization;
import dev.ragft.rag.testing.CachedModelIndex;
import dev.ragft.rag.testing.TestCorpus;
import dev.ragft.rag.testing.TestIndexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hybrid retrieval with vector feedback on a real index and the real default embedding model,
 * against the plain definition built from public parts: fuse without feedback, take the top
 * chunks, embed their indexed text again (the embedding cache returns the vectors indexed), move
 * the query vector, search the dense list again, fuse the lists with the plain reference fusion.
 */
class FeedbackRetrievalTest {

  private static final List<String> QUERIES = List.of(
      "how many days do I have to get a refund on an annual plan",
      "what happens to data after the account is closed",
      "who do I call when the service is down",
      "looking after plants in the garden",
      "rate limit per token",
      "sign in with SAML");
  private static final List<Integer> KS = List.of(1, 3, 5, 12);

  private static CachedModelIndex fixture;
  private static Embedder embedder;
  private static CorpusIndex index;

  @BeforeAll
  static void buildIndex() throws Exception {
    fixture = CachedModelIndex.build("ragft-feedback", TestCorpus.documents());
    embedder = fixture.embedder();
    index = fixture.index();
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  private static List<Retriever> lists() {
    return List.of(new Bm25Retriever(index), new DenseRetriever(index, embedder, 50));
  }

  private static List<Fusion> fusions() {
    return List.of(new Fusion.Rrf(60), new Fusion.WeightedSum(Fusion.Normalization.MIN_MAX),
        new Fusion.WeightedSum(Fusion.Normalization.Z_SCORE));
  }

  @Test
  void feedback_retrieval_equals_its_plain_definition() {
    int changed = 0;
    int compared = 0;
    for (Fusion fusion : fusions()) {
      for (List<Double> weights : List.of(List.of(1.0, 1.0), List.of(0.3, 0.7))) {
        for (VectorFeedback feedback : List.of(new VectorFeedback(1, 0.8),
            new VectorFeedback(2, 0.5), new VectorFeedback(1, 0.2))) {
          for (int depth : List.of(4, 100)) {
            HybridRetriever withFeedback = new HybridRetriever(index, lists(), weights, fusion,
                depth, feedback);
            HybridRetriever without = new HybridRetriever(index, lists(), weights, fusion, depth);
            for (String text : QUERIES) {
              for (Filter filter : List.of(Filter.NONE, Filter.of("meta.topic", "product"))) {
                for (int k : KS) {
                  RetrievalQuery query = new RetrievalQuery(text, filter);
                  String what = withFeedback.name() + " depth " + depth + ": " + text + " "
                      + filter + " k=" + k;
                  List<Hit> got = withFeedback.hits(query, k);
                  List<Hit> expected = reference(query, weights, fusion, depth, feedback, k);
                  assertThat(got).as(what).extracting(Hit::id)
                      .isEqualTo(expected.stream().map(Hit::id).toList());
                  for (int i = 0; i < got.size(); i++) {
                    assertThat(got.get(i).score()).as(what + " #" + i)
                        .isCloseTo(expected.get(i).score(), within(1e-6));
                  }
                  assertThat(withFeedback.retrieve(query, k)).as(what)
                      .extracting(ScoredChunk::id)
                      .isEqualTo(got.stream().map(Hit::id).toList());
                  compared++;
                  if (!without.hits(query, k).stream().map(Hit::id).toList()
                      .equals(got.stream().map(Hit::id).toList())) {
                    changed++;
                  }
                }
              }
            }
          }
        }
      }
    }
    assertThat(changed).as("rankings feedback changed, of %d", compared).isGreaterThan(100);
  }

  /** Feedback spelled out with public parts and the plain fusion. */
  private static List<Hit> reference(RetrievalQuery query, List<Double> weights, Fusion fusion,
      int depth, VectorFeedback feedback, int k) {
    // The seeds are the top of the ranking the retriever returns without feedback.
    List<ScoredChunk> first = new HybridRetriever(index, lists(), weights, fusion, depth)
        .retrieve(query, Math.max(k, feedback.docs()));
    List<String> seedTexts = new ArrayList<>();
    for (ScoredChunk seed : first.subList(0, Math.min(feedback.docs(), first.size()))) {
      Chunk chunk = seed.chunk();
      seedTexts.add(ChunkText.forEmbedding(chunk));
    }
    float[] moved = feedback.expand(embedder.embedQuery(query.text()),
        List.of(embedder.embedPassages(seedTexts)));
    int listDepth = Math.max(k, depth);
    List<Hit> bm25 = new Bm25Retriever(index).hits(query, listDepth);
    List<Hit> dense = new DenseRetriever(index, embedder, 50).hits(moved, query.filter(),
        listDepth);
    List<Hit> fused = fusion.fuse(List.of(bm25, dense), weights);
    return fused.subList(0, Math.min(k, fused.size()));
  }

  @ParameterizedTest
  @EnumSource(Quantization.class)
  void feedback_reads_the_float_vectors_indexed_whatever_the_quantization(
      Quantization quantization) throws Exception {
    Path directory = Files.createTempDirectory("ragft-feedback-" + quantization);
    TestIndexes.build(directory, TestCorpus.documents(), List.of(embedder), false, quantization);
    try (CorpusIndex quantized = CorpusIndex.open(directory)) {
      DenseRetriever dense = new DenseRetriever(quantized, embedder, 50);
      IndexSearcher searcher = quantized.acquire();
      try {
        int docs = searcher.getIndexReader().maxDoc();
        assertThat(docs).isEqualTo(TestCorpus.documents().size());
        for (int doc = 0; doc < docs; doc++) {
          Chunk chunk = CorpusIndex.chunk(searcher, doc);
          float[] indexed = embedder.embedPassages(List.of(ChunkText.forEmbedding(chunk)))[0];
          assertThat(dense.vector(searcher, doc)).as("%s %s", quantization, chunk.id())
              .containsExactly(indexed);
        }
      } finally {
        quantized.release(searcher);
      }
    }
  }

  @Test
  void one_dense_list_is_fed_back_from_its_own_top() {
    VectorFeedback feedback = new VectorFeedback(1, 0.8);
    DenseRetriever dense = new DenseRetriever(index, embedder, 50);
    HybridRetriever alone = new HybridRetriever(index, List.of(dense), List.of(1.0),
        new Fusion.Rrf(60), 100, feedback);
    int changed = 0;
    for (String text : QUERIES) {
      RetrievalQuery query = RetrievalQuery.of(text);
      Chunk top = dense.retrieve(query, 1).get(0).chunk();
      float[] moved = feedback.expand(embedder.embedQuery(text),
          List.of(embedder.embedPassages(List.of(ChunkText.forEmbedding(top)))));
      List<String> expected = dense.hits(moved, Filter.NONE, 12).stream().map(Hit::id).toList();
      assertThat(alone.hits(query, 12)).as(text).extracting(Hit::id).isEqualTo(expected);
      if (!expected.equals(dense.hits(query, 12).stream().map(Hit::id).toList())) {
        changed++;
      }
    }
    assertThat(changed).as("dense rankings feedback changed").isPositive();
  }

  @Test
  void query_weight_one_ranks_as_no_feedback_does() {
    HybridRetriever still = new HybridRetriever(index, lists(), List.of(1.0, 1.0),
        new Fusion.Rrf(60), 100, new VectorFeedback(2, 1.0));
    HybridRetriever without = new HybridRetriever(index, lists(), List.of(1.0, 1.0),
        new Fusion.Rrf(60), 100);
    for (String text : QUERIES) {
      assertThat(still.hits(RetrievalQuery.of(text), 12)).extracting(Hit::id)
          .isEqualTo(without.hits(RetrievalQuery.of(text), 12).stream().map(Hit::id).toList());
    }
  }

  @Test
  void kept_lists_fused_with_any_weights_equal_a_retriever_with_those_weights() {
    HybridRetriever hybrid = new HybridRetriever(index, lists(), List.of(1.0, 1.0),
        new Fusion.WeightedSum(Fusion.Normalization.Z_SCORE), 100, new VectorFeedback(1, 0.8));
    IndexSearcher searcher = index.acquire();
    try {
      for (String text : QUERIES) {
        QueryLists kept = hybrid.lists(searcher, RetrievalQuery.of(text), 5);
        for (double bm25 = 0; bm25 <= 1.0; bm25 += 0.25) {
          List<Double> weights = List.of(bm25, 1 - bm25);
          assertThat(hybrid.hits(searcher, kept, weights, 5)).as(text + " " + weights)
              .extracting(Hit::id).isEqualTo(hybrid.withWeights(weights)
                  .hits(RetrievalQuery.of(text), 5).stream().map(Hit::id).toList());
        }
      }
    } finally {
      index.release(searcher);
    }
  }

  @Test
  void a_blank_query_finds_nothing() {
    HybridRetriever hybrid = new HybridRetriever(index, lists(), List.of(1.0, 1.0),
        new Fusion.Rrf(60), 100, new VectorFeedback(1, 0.8));
    assertThat(hybrid.hits(RetrievalQuery.of(" "), 5)).isEmpty();
    assertThat(hybrid.retrieve(RetrievalQuery.of(" "), 5)).isEmpty();
  }

  @Test
  void the_name_says_feedback() {
    assertThat(new HybridRetriever(index, lists(), List.of(1.0, 1.0), new Fusion.Rrf(60), 100,
        new VectorFeedback(1, 0.8)).name())
        .isEqualTo("hybrid(rrf: bm25 + dense(bge-small-en-v1.5-q); feedback 1 chunk at 0.8)");
  }

  @Test
  void feedback_without_the_index_or_without_a_dense_list_is_refused() {
    assertThatThrownBy(() -> new HybridRetriever(null, lists(), List.of(1.0, 1.0),
        new Fusion.Rrf(60), 100, new VectorFeedback(1, 0.8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vector feedback reads the vectors of the index every list searches, but no "
            + "index was given");
    assertThatThrownBy(() -> new HybridRetriever(index,
        List.of(new Bm25Retriever(index), new ExactDenseRetriever(index, embedder)),
        List.of(1.0, 1.0), new Fusion.Rrf(60), 100, new VectorFeedback(1, 0.8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vector feedback reads the vectors of the index every list searches, but not "
            + "every retriever is a BM25 or dense retriever over it");
    assertThatThrownBy(() -> new HybridRetriever(index, List.of(new Bm25Retriever(index)),
        List.of(1.0), new Fusion.Rrf(60), 100, new VectorFeedback(1, 0.8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vector feedback needs a dense list to search again, but the lists are "
            + "hybrid(rrf: bm25; feedback 1 chunk at 0.8)");
  }
}
