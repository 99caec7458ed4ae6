package dev.ragft.rag.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.retrieve.Bm25Retriever;
import dev.ragft.rag.retrieve.Filter;
import dev.ragft.rag.testing.TestCorpus;
import dev.ragft.rag.testing.TestIndexes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RagftContentRetrieverTest {

  @TempDir
  Path dir;

  @Test
  void contents_carry_the_chunk_text_its_provenance_and_score() {
    TestIndexes.build(dir, TestCorpus.documents(), List.of(), false);
    try (CorpusIndex index = CorpusIndex.open(dir)) {
      ContentRetriever retriever = new RagftContentRetriever(new Bm25Retriever(index), 2,
          Filter.NONE);
      List<Content> contents = retriever.retrieve(Query.from("refund annual plans"));
      assertThat(contents).hasSize(2);
      Content top = contents.get(0);
      assertThat(top.textSegment().text()).startsWith("Annual plans can be refunded");
      assertThat(top.textSegment().metadata().getString("chunk_id")).isEqualTo("refunds#0");
      assertThat(top.textSegment().metadata().getString("doc_id")).isEqualTo("refunds");
      assertThat(top.textSegment().metadata().getString("source")).isEqualTo("docs/refunds.md");
      assertThat(top.textSegment().metadata().getInteger("start")).isZero();
      assertThat(top.textSegment().metadata().getString("topic")).isEqualTo("product");
      assertThat((Double) top.metadata().get(ContentMetadata.SCORE))
          .isGreaterThan((Double) contents.get(1).metadata().get(ContentMetadata.SCORE));

      ContentRetriever filtered = new RagftContentRetriever(new Bm25Retriever(index), 5,
          Filter.of("meta.topic", "other"));
      assertThat(filtered.retrieve(Query.from("refund plans tomatoes")))
          .extracting(c -> c.textSegment().metadata().getString("topic"))
          .isNotEmpty().containsOnly("other");
    }
  }
}
