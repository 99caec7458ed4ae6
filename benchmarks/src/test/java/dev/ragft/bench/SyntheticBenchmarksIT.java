package dev.ragft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.bench.quality.Recall;
import dev.ragft.bench.synthetic.SyntheticQuery;
import dev.ragft.rag.index.Fields;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/**
 * Runs the synthetic-corpus benchmarks' setups and operations on a small corpus, outside JMH, and
 * checks that each ragft operation and its plain-Lucene baseline compute the same answer, so the
 * ratio between them measures overhead, not different work.
 */
class SyntheticBenchmarksIT {

  private static final int CHUNKS = 1000;

  @Test
  void dense_search_and_its_lucene_baseline_return_the_same_top_10() {
    DenseSearchBenchmark benchmark = new DenseSearchBenchmark();
    benchmark.chunks = CHUNKS;
    benchmark.graph = "m16-none";
    benchmark.candidates = 100;
    benchmark.open();
    try {
      for (SyntheticQuery query : benchmark.fixture().queries().subList(0, 50)) {
        assertThat(benchmark.ragft(query)).extracting(ScoredChunk::id).isEqualTo(
            benchmark.lucene(query).stream().map(doc -> doc.get(Fields.CHUNK_ID)).toList());
      }
      assertThat(benchmark.recall()).isGreaterThan(0.95);
      assertThat(benchmark.ragft()).hasSize(10);
      assertThat(benchmark.lucene()).hasSize(10);
    } finally {
      benchmark.close();
    }
  }

  @Test
  void an_int4_graph_searched_narrowly_still_finds_most_neighbours() {
    DenseSearchBenchmark benchmark = new DenseSearchBenchmark();
    benchmark.chunks = CHUNKS;
    benchmark.graph = "m16-int4";
    benchmark.candidates = 10;
    benchmark.open();
    try {
      assertThat(benchmark.recall()).isBetween(0.5, 0.99);
    } finally {
      benchmark.close();
    }
  }

  @Test
  void bm25_and_its_lucene_baselines_agree() {
    Bm25SearchBenchmark benchmark = new Bm25SearchBenchmark();
    benchmark.chunks = CHUNKS;
    benchmark.depth = 10;
    benchmark.open();
    try {
      assertThat(benchmark.agreement()).isGreaterThan(0.98);
      for (int depth : new int[] {10, 100}) {
        benchmark.depth = depth;
        for (SyntheticQuery query : benchmark.fixture().queries().subList(0, 50)) {
          assertThat(benchmark.ragft(query)).as("depth " + depth).extracting(ScoredChunk::id)
              .isEqualTo(benchmark.luceneTieBreak(query).stream()
                  .map(d -> d.get(Fields.CHUNK_ID)).toList());
        }
      }
      assertThat(benchmark.ragft()).isNotEmpty();
      assertThat(benchmark.lucene()).isNotEmpty();
      assertThat(benchmark.ragftHits()).isNotEmpty();
      assertThat(benchmark.luceneHits().scoreDocs).isNotEmpty();
    } finally {
      benchmark.close();
    }
  }

  @Test
  void exact_scans_on_the_heap_and_through_the_index_agree() {
    ExactScanBenchmark benchmark = new ExactScanBenchmark();
    ExactScanBenchmark.Flat flat = new ExactScanBenchmark.Flat();
    flat.chunks = CHUNKS;
    flat.generate();
    ExactScanBenchmark.Indexed indexed = new ExactScanBenchmark.Indexed();
    indexed.chunks = CHUNKS;
    indexed.open();
    try {
      for (int q = 0; q < 20; q++) {
        List<String> heap = Arrays.stream(benchmark.flatScan(flat))
            .mapToObj(i -> "d" + i + "#0").toList();
        assertThat(benchmark.ragftExact(indexed)).extracting(ScoredChunk::id).isEqualTo(heap);
      }
    } finally {
      indexed.close();
    }
  }

  @Test
  void min_max_fusion_scores_equal_the_hand_written_fusion_of_the_baseline() {
    HybridSearchBenchmark benchmark = hybrid("minmax", "none", "none");
    try {
      for (SyntheticQuery query : benchmark.fixture().queries().subList(0, 30)) {
        double[] ragft = benchmark.ragft(query).stream().mapToDouble(ScoredChunk::score)
            .toArray();
        ScoreDoc[] lucene = benchmark.luceneHits(query);
        assertThat(ragft).hasSameSizeAs(lucene);
        for (int i = 0; i < ragft.length; i++) {
          assertThat(ragft[i]).as("score " + i).isCloseTo(lucene[i].score, within(1e-6));
        }
      }
    } finally {
      benchmark.close();
    }
  }

  @Test
  void rrf_fusion_agrees_with_the_baseline_up_to_the_order_of_bm25_ties() {
    // Reciprocal rank fusion scores ranks, and BM25 gives equal scores to some documents, which
    // ragft orders by chunk id and the baseline by Lucene document id: tied documents can swap
    // ranks and so fused scores, and the cut at 10 can differ between them.
    HybridSearchBenchmark benchmark = hybrid("rrf", "none", "none");
    try {
      List<List<String>> ragft = new ArrayList<>();
      List<List<String>> lucene = new ArrayList<>();
      for (SyntheticQuery query : benchmark.fixture().queries().subList(0, 50)) {
        ragft.add(benchmark.ragft(query).stream().map(ScoredChunk::id).toList());
        lucene.add(benchmark.fixture().raw().documents(benchmark.luceneHits(query)).stream()
            .map(doc -> doc.get(Fields.CHUNK_ID)).toList());
      }
      assertThat(Recall.meanAtK(ragft, lucene, 10)).isGreaterThan(0.9);
    } finally {
      benchmark.close();
    }
  }

  @Test
  void reranked_hybrid_reads_passage_vectors_from_the_cache_and_pays_real_query_embedding() {
    HybridSearchBenchmark benchmark = hybrid("rrf", "mmr20", "bge-small-en-v1.5-q");
    try {
      assertThat(benchmark.ragft()).hasSize(10);
      assertThat(benchmark.lucene()).hasSize(10);
    } finally {
      benchmark.close();
    }
  }

  private static HybridSearchBenchmark hybrid(String fusion, String rerank, String embedding) {
    HybridSearchBenchmark benchmark = new HybridSearchBenchmark();
    benchmark.chunks = CHUNKS;
    benchmark.fusion = fusion;
    benchmark.rerank = rerank;
    benchmark.embedding = embedding;
    benchmark.open();
    return benchmark;
  }
}
