package dev.ragft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.bench.support.Scifact;
import dev.ragft.rag.index.IndexStats;
import dev.ragft.rag.pipeline.RetrievalConfig;
import dev.ragft.rag.pipeline.RetrievalMode;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmarks that read SciFact (indexing, query embedding) on a few documents, outside
 * JMH: their operations do what their names say (the indexing ones check their own statistics).
 */
class ScifactBenchmarksIT {

  @BeforeEach
  void needsScifact() {
    assumeTrue(Scifact.folder().isPresent(),
        "BEIR SciFact is not under ragft.shared.dir/datasets/scifact");
  }

  @Test
  void indexing_operations_index_skip_and_rebuild_as_named() throws Exception {
    IndexingBenchmark benchmark = new IndexingBenchmark();
    benchmark.docs = 8;
    benchmark.prepare();
    try {
      benchmark.freshFolders();
      IndexStats first = benchmark.firstIndexing();
      assertThat(first.indexed()).isEqualTo(8);
      assertThat(first.chunks()).isGreaterThanOrEqualTo(8);
      benchmark.freshFolders();
      assertThat(benchmark.reindexUnchanged().unchanged()).isEqualTo(8);
      benchmark.freshFolders();
      assertThat(benchmark.rebuildFromCache().chunks()).isEqualTo(first.chunks());
      benchmark.freshFolders();
      assertThat(benchmark.embeddingFloor().length).isEqualTo((int) first.chunks());
      assertThat(benchmark.modelOpen()).isEqualTo("bge-small-en-v1.5-q");
    } finally {
      benchmark.close();
    }
  }

  @Test
  void a_query_embedding_is_a_unit_vector_of_the_model() {
    QueryEmbeddingBenchmark benchmark = new QueryEmbeddingBenchmark();
    benchmark.model = "bge-small-en-v1.5-q";
    benchmark.threads = 1;
    benchmark.open();
    try {
      float[] vector = benchmark.embedQuery();
      assertThat(vector).hasSize(384);
      assertThat(VectorUtil.dotProduct(vector, vector)).isCloseTo(1f, within(1e-4f));
    } finally {
      benchmark.close();
    }
  }

  @Test
  void scifact_parameters_name_retrieval_configurations() {
    RetrievalConfig hybrid = ScifactRetrievalBenchmark.config("hybrid-minmax", "ensemble20");
    assertThat(hybrid.mode()).isEqualTo(RetrievalMode.HYBRID);
    assertThat(hybrid.fusion().method()).isEqualTo("minmax");
    assertThat(hybrid.rerank().method()).isEqualTo("ensemble");
    assertThat(hybrid.rerank().candidates()).isEqualTo(20);
    assertThat(ScifactRetrievalBenchmark.config("bm25", "none").mode())
        .isEqualTo(RetrievalMode.BM25);
  }
}
