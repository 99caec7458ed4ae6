package dev.ragft.rag.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.rag.embed.OnnxEmbedder;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.retrieve.Bm25Retriever;
import dev.ragft.rag.retrieve.DenseRetriever;
import dev.ragft.rag.retrieve.Filter;
import dev.ragft.rag.retrieve.RetrievalQuery;
import dev.ragft.rag.retrieve.ScoredChunk;
import dev.ragft.rag.testing.TestCorpus;
import dev.ragft.rag.testing.TestIndexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {

  private static Embedder embedder;

  @TempDir
  Path dir;

  @BeforeAll
  static void openModel() {
    embedder = OnnxEmbedder.open(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q);
  }

  @AfterAll
  static void closeModel() {
    embedder.close();
  }

  @Test
  void a_second_run_over_unchanged_documents_indexes_nothing() {
    IndexStats first = TestIndexes.build(dir, TestCorpus.documents(), List.of(embedder), false);
    assertThat(first.indexed()).isEqualTo(12);
    assertThat(first.chunks()).isEqualTo(12);
    IndexStats second = TestIndexes.build(dir, TestCorpus.documents(), List.of(embedder), false);
    assertThat(second.indexed()).isZero();
    assertThat(second.unchanged()).isEqualTo(12);
    try (CorpusIndex index = CorpusIndex.open(dir)) {
      assertThat(index.chunkCount()).isEqualTo(12);
    }
  }

  @Test
  void a_new_version_replaces_the_old_one_in_both_bm25_and_vectors() {
    TestIndexes.build(dir, TestCorpus.documents(), List.of(embedder), false);
    Document v2 = TestCorpus.revised("pricing", "v2",
        "The Team plan now costs 15 euros per user per month from March 2027.");
    IndexStats update = TestIndexes.build(dir, List.of(v2), List.of(embedder), false);
    assertThat(update.indexed()).isEqualTo(1);
    try (CorpusIndex index = CorpusIndex.open(dir)) {
      assertThat(index.chunkCount()).isEqualTo(12);
      List<ScoredChunk> bm25 = new Bm25Retriever(index)
          .retrieve(RetrievalQuery.of("Team plan price per user"), 3);
      assertThat(bm25.get(0).chunk().version()).isEqualTo("v2");
      assertThat(bm25.get(0).chunk().text()).contains("15 euros");
      List<ScoredChunk> dense = new DenseRetriever(index, embedder, 20)
          .retrieve(RetrievalQuery.of("how much does the Team plan cost"), 12);
      assertThat(dense).filteredOn(s -> s.chunk().docId().equals("pricing")).singleElement()
          .satisfies(s -> assertThat(s.chunk().text()).contains("15 euros"));
      assertThat(new Bm25Retriever(index).retrieve(new RetrievalQuery("Team plan",
          Filter.of("version", "v1")), 5)).extracting(s -> s.chunk().docId())
          .doesNotContain("pricing");
    }
  }

  @Test
  void a_synchronizing_run_deletes_documents_the_input_no_longer_has() {
    TestIndexes.build(dir, TestCorpus.documents(), List.of(embedder), false);
    List<Document> fewer = new ArrayList<>(TestCorpus.documents());
    fewer.removeIf(d -> d.id().equals("chess") || d.id().equals("baking"));
    IndexStats sync = TestIndexes.build(dir, fewer, List.of(embedder), true);
    assertThat(sync.deleted()).isEqualTo(2);
    assertThat(sync.unchanged()).isEqualTo(10);
    try (CorpusIndex index = CorpusIndex.open(dir)) {
      assertThat(index.chunkCount()).isEqualTo(10);
      assertThat(index.chunk("chess#0")).isEmpty();
      assertThat(index.chunk("cycling#0")).get().extracting(c -> c.title())
          .isEqualTo("Bicycle maintenance");
    }
  }

  @Test
  void a_repeated_document_id_in_one_input_is_reported_and_skipped() {
    List<Document> twice = new ArrayList<>(TestCorpus.documents());
    twice.add(TestCorpus.revised("refunds", "v1", "A second file claiming the same id."));
    IndexStats stats = TestIndexes.build(dir, twice, List.of(embedder), false);
    assertThat(stats.duplicates()).isEqualTo(1);
    try (CorpusIndex index = CorpusIndex.open(dir)) {
      assertThat(index.chunk("refunds#0")).get().extracting(c -> c.text())
          .asString().startsWith("Annual plans");
    }
  }

  @Test
  void chunks_keep_their_fields_and_offsets_through_the_index() {
    TestIndexes.build(dir, TestCorpus.documents(), List.of(embedder), false);
    Document original = TestCorpus.documents().get(0);
    try (CorpusIndex index = CorpusIndex.open(dir)) {
      var chunk = index.chunk("refunds#0").orElseThrow();
      assertThat(chunk.docId()).isEqualTo("refunds");
      assertThat(chunk.source()).isEqualTo("docs/refunds.md");
      assertThat(chunk.version()).isEqualTo("v1");
      assertThat(chunk.title()).isEqualTo("Refund policy");
      assertThat(original.text().substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
      assertThat(chunk.metadata()).containsEntry("topic", "product").containsEntry("chunker",
          "document");
    }
  }

  @Test
  void updating_with_other_settings_is_refused_with_a_clear_message() {
    TestIndexes.build(dir, TestCorpus.documents(), List.of(embedder), false);
    IndexSettings bm25Only = IndexSettings.of("english", 1.2f, 0.75f, List.of(), "x");
    assertThatThrownBy(() -> ChunkIndexWriter.open(dir, bm25Only, false))
        .isInstanceOf(RagftException.class)
        .hasMessageContaining("was built with other settings")
        .hasMessageContaining("rebuild it with --rebuild");
  }

  @Test
  void opening_a_missing_index_is_one_clear_sentence() {
    assertThatThrownBy(() -> CorpusIndex.open(dir.resolve("nowhere")))
        .isInstanceOf(RagftException.class)
        .hasMessage("no ragft index at " + dir.resolve("nowhere")
            + " (ragft-index.json is missing); build one with 'ragft index'");
  }
}
