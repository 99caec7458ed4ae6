package dev.ragft.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.index.Fields;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.testing.CachedModelIndex;
import dev.ragft.rag.testing.TestCorpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of retrieval against their plain references, on an index where ties are
 * certain (three documents are exact copies of others under other ids, so they get the same BM25
 * score and the same vector): BM25's plain top-k search against Lucene's search sorted by score
 * and chunk id; dense and hybrid ranking on ids from doc values, reading only the chunks returned,
 * against reading every candidate's chunk and then ranking.
 */
class FastPathEquivalenceTest {

  private static final List<String> QUERIES = List.of(
      "Annual plans can be refunded within 30 days of purchase.",
      "how many days do I have to get a refund on an annual plan",
      "what happens to data after the account is closed",
      "tidal locking of our satellite",
      "rate limit per token",
      "sign in with SAML",
      "refund");
  private static final List<Integer> KS = List.of(1, 2, 3, 5, 8, 20);

  private static CachedModelIndex fixture;
  private static Embedder embedder;
  private static CorpusIndex index;

  @BeforeAll
  static void buildIndexWithCopies() throws Exception {
    List<Document> documents = new ArrayList<>(TestCorpus.documents());
    for (Document original : List.copyOf(documents.subList(0, 3))) {
      documents.add(Document.of(original.id() + "-copy", original.source(), original.version(),
          original.title(), original.text(), original.metadata()));
    }
    // The same queries are embedded many times over: the real cache answers all but the first.
    fixture = CachedModelIndex.build("ragft-fastpath", documents);
    embedder = fixture.embedder();
    index = fixture.index();
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void dense_top_k_equals_reading_every_candidate_then_ranking() throws IOException {
    for (int candidates : List.of(3, 50)) {
      DenseRetriever dense = new DenseRetriever(index, embedder, candidates);
      for (String query : QUERIES) {
        float[] vector = embedder.embedQuery(query);
        for (int k : KS) {
          String what = query + " k=" + k;
          List<ScoredChunk> got = dense.retrieve(vector, Filter.NONE, k);
          List<ScoredChunk> expected = referenceDense(vector, Math.max(k, candidates), k);
          // Two searches of one vector: Lucene's vectorized dot product reduces its lanes in an
          // order the JIT may change between them, so scores agree to the last float bit or so.
          assertThat(got).as(what).extracting(ScoredChunk::chunk)
              .isEqualTo(expected.stream().map(ScoredChunk::chunk).toList());
          for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).score()).as(what + " #" + i)
                .isCloseTo(expected.get(i).score(), within(1e-6));
          }
        }
      }
    }
  }

  @Test
  void bm25_top_k_equals_the_search_sorted_by_score_and_chunk_id() throws IOException {
    IndexSearcher searcher = index.acquire();
    try {
      // Both branches are taken: a copy ties with its original at the cut, a distinct top does not.
      assertThat(boundaryTie(searcher, QUERIES.get(0), 1)).isTrue();
      assertThat(boundaryTie(searcher, "tidal locking of our satellite", 1)).isFalse();
      for (String text : QUERIES) {
        Query query = Bm25Retriever.bagOfWords(index.analyzer(), text);
        for (int k : KS) {
          assertThat(Bm25Retriever.top(index, searcher, query, k)).as(text + " k=" + k)
              .isEqualTo(SortedSearch.top(searcher, query, k));
        }
      }
    } finally {
      index.release(searcher);
    }
  }

  private static boolean boundaryTie(IndexSearcher searcher, String text, int k)
      throws IOException {
    ScoreDoc[] hits = searcher.search(Bm25Retriever.bagOfWords(index.analyzer(), text), k + 1)
        .scoreDocs;
    return hits.length > k && hits[k - 1].score == hits[k].score;
  }

  @Test
  void exact_copies_tie_and_are_ordered_by_chunk_id() {
    List<ScoredChunk> dense = new DenseRetriever(index, embedder, 50)
        .retrieve(RetrievalQuery.of(QUERIES.get(0)), 2);
    assertThat(dense).extracting(ScoredChunk::id).containsExactly("refunds#0", "refunds-copy#0");
    assertThat(dense.get(0).score()).isEqualTo(dense.get(1).score());
    List<ScoredChunk> bm25 = new Bm25Retriever(index).retrieve(RetrievalQuery.of(QUERIES.get(0)),
        2);
    assertThat(bm25).extracting(ScoredChunk::id).containsExactly("refunds#0", "refunds-copy#0");
  }

  @Test
  void hits_are_the_ids_and_scores_of_retrieve() {
    List<Retriever> retrievers = new ArrayList<>(List.of(new Bm25Retriever(index),
        new DenseRetriever(index, embedder, 50), new ExactDenseRetriever(index, embedder)));
    retrievers.addAll(hybrids(index, false, 5));
    retrievers.addAll(hybrids(index, true, 5));
    for (Retriever retriever : retrievers) {
      for (String query : QUERIES) {
        for (int k : KS) {
          RetrievalQuery q = RetrievalQuery.of(query);
          String what = retriever.name() + ": " + query + " k=" + k;
          List<Hit> fast = retriever.hits(q, k);
          List<Hit> reference = retriever.retrieve(q, k).stream().map(ScoredChunk::hit).toList();
          // Each call embeds the query again; ONNX Runtime's threads may sum in another order,
          // so scores agree to rounding, not to the last bit.
          assertThat(fast).as(what).extracting(Hit::id)
              .isEqualTo(reference.stream().map(Hit::id).toList());
          for (int i = 0; i < fast.size(); i++) {
            assertThat(fast.get(i).score()).as(what + " #" + i)
                .isCloseTo(reference.get(i).score(), within(1e-6));
          }
        }
      }
    }
  }

  @Test
  void hybrid_fused_from_ids_equals_hybrid_fused_from_chunks() {
    for (int depth : List.of(2, 5, 100)) {
      List<HybridRetriever> oneSearcher = hybrids(index, false, depth);
      List<HybridRetriever> byIds = hybrids(index, true, depth);
      List<HybridRetriever> reference = hybrids(null, false, depth);
      List<HybridRetriever> fast = new ArrayList<>(oneSearcher);
      fast.addAll(byIds);
      for (int i = 0; i < fast.size(); i++) {
        for (String query : QUERIES) {
          for (Filter filter : List.of(Filter.NONE, Filter.of("meta.topic", "product"))) {
            for (int k : KS) {
              RetrievalQuery q = new RetrievalQuery(query, filter);
              String what = fast.get(i).name() + " depth " + depth + ": " + query + " k=" + k;
              List<ScoredChunk> got = fast.get(i).retrieve(q, k);
              List<ScoredChunk> expected = reference.get(i % reference.size()).retrieve(q, k);
              assertThat(fast.get(i).hits(q, k)).as(what).extracting(Hit::id)
                  .isEqualTo(expected.stream().map(ScoredChunk::id).toList());
              assertThat(got).as(what).extracting(ScoredChunk::chunk)
                  .isEqualTo(expected.stream().map(ScoredChunk::chunk).toList());
              for (int j = 0; j < got.size(); j++) {
                assertThat(got.get(j).score()).as(what + " #" + j)
                    .isCloseTo(expected.get(j).score(), within(1e-6));
              }
            }
          }
        }
      }
    }
  }

  @Test
  void chunk_ids_come_from_doc_values_and_chunks_from_ids() throws IOException {
    IndexSearcher searcher = index.acquire();
    try {
      int[] docs = {3, 0, 14, 7};
      String[] ids = CorpusIndex.chunkIds(searcher, docs);
      for (int i = 0; i < docs.length; i++) {
        assertThat(ids[i]).isEqualTo(searcher.storedFields().document(docs[i])
            .get(Fields.CHUNK_ID));
      }
      // The kept id tables give what the doc values give, for every document, read or reused.
      int[] all = new int[searcher.getIndexReader().maxDoc()];
      for (int doc = 0; doc < all.length; doc++) {
        all[doc] = all.length - 1 - doc;
      }
      assertThat(index.chunkIdsOf(searcher, all)).containsExactly(
          CorpusIndex.chunkIds(searcher, all));
      assertThat(index.chunkIdsOf(searcher, docs)).containsExactly(ids);
    } finally {
      index.release(searcher);
    }
    Map<String, ?> chunks = index.chunks(List.of("sso#0", "refunds-copy#0", "no-such#0"));
    assertThat(chunks.keySet()).containsExactlyInAnyOrder("sso#0", "refunds-copy#0");
    assertThat(index.chunks(List.of("sso#0")).get("sso#0"))
        .isEqualTo(index.chunk("sso#0").orElseThrow());
  }

  /**
   * RRF, min-max and z-score hybrids of BM25 and dense; {@code plain} hides that BM25 searches the
   * index, so a hybrid given the index fuses ids and reads its chunks by id instead of ranking
   * every list on one searcher.
   */
  private static List<HybridRetriever> hybrids(CorpusIndex source, boolean plain, int depth) {
    Bm25Retriever bm25 = new Bm25Retriever(index);
    Retriever hidden = new Retriever() {
      @Override
      public List<ScoredChunk> retrieve(RetrievalQuery query, int k) {
        return bm25.retrieve(query, k);
      }

      @Override
      public List<Hit> hits(RetrievalQuery query, int k) {
        return bm25.hits(query, k);
      }

      @Override
      public String name() {
        return bm25.name();
      }
    };
    List<Retriever> lists = List.of(plain ? hidden : bm25,
        new DenseRetriever(index, embedder, 50));
    return List.of(
        new HybridRetriever(source, lists, List.of(1.0, 1.0), new Fusion.Rrf(60), depth),
        new HybridRetriever(source, lists, List.of(0.3, 0.7),
            new Fusion.WeightedSum(Fusion.Normalization.MIN_MAX), depth),
        new HybridRetriever(source, lists, List.of(1.0, 1.0),
            new Fusion.WeightedSum(Fusion.Normalization.Z_SCORE), depth));
  }

  /** Every candidate's chunk read, then ranked: what dense retrieval did before its fast path. */
  private static List<ScoredChunk> referenceDense(float[] vector, int breadth, int k)
      throws IOException {
    IndexSearcher searcher = index.acquire();
    try {
      TopDocs top = searcher.search(new KnnFloatVectorQuery(
          Fields.vector(embedder.spec().name()), vector, breadth), breadth);
      List<ScoredChunk> all = new ArrayList<>();
      for (ScoreDoc hit : top.scoreDocs) {
        all.add(new ScoredChunk(CorpusIndex.chunk(searcher, hit.doc), 2.0 * hit.score - 1.0));
      }
      all.sort(ScoredChunk.ORDER);
      return List.copyOf(all.subList(0, Math.min(k, all.size())));
    } finally {
      index.release(searcher);
    }
  }
}
