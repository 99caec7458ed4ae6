package dev.ragft.rag.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.retrieve.ScoredChunk;
import dev.ragft.rag.token.HfTokenizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContextAssemblerTest {

  private static final String DOC = "Refunds. Annual plans can be refunded within 30 days. "
      + "Monthly plans cannot be refunded. Contact support to start a refund.";
  private static HfTokenizer tokenizer;

  @BeforeAll
  static void open() {
    tokenizer = HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  private static ScoredChunk chunk(String docId, int ordinal, int start, int end, double score) {
    return new ScoredChunk(new Chunk(Chunk.idOf(docId, ordinal), docId, "v1", docId + ".md",
        "Title of " + docId, ordinal, DOC.substring(start, end), start, end, Map.of()), score);
  }

  @Test
  void overlapping_and_touching_chunks_of_one_document_become_one_passage() {
    ScoredChunk first = chunk("refunds", 1, 9, 54, 0.9);
    ScoredChunk overlapping = chunk("refunds", 2, 40, 87, 0.8);
    ScoredChunk touching = chunk("refunds", 0, 0, 9, 0.7);
    AssembledContext context = new ContextAssembler(tokenizer, 500, true)
        .assemble(List.of(first, overlapping, touching));
    assertThat(context.citations()).singleElement().satisfies(citation -> {
      assertThat(citation.number()).isEqualTo(1);
      assertThat(citation.start()).isZero();
      assertThat(citation.end()).isEqualTo(87);
      assertThat(citation.text()).isEqualTo(DOC.substring(0, 87));
      assertThat(citation.chunkIds()).containsExactly("refunds#1", "refunds#2", "refunds#0");
    });
    assertThat(context.text()).isEqualTo("[1] Title of refunds\n" + DOC.substring(0, 87));
  }

  @Test
  void duplicates_and_contained_chunks_are_dropped_and_numbers_follow_rank() {
    ScoredChunk a = chunk("refunds", 0, 0, 54, 0.9);
    ScoredChunk inside = chunk("refunds", 1, 9, 30, 0.8);
    ScoredChunk sameTextOtherDoc = chunk("copy", 0, 0, 54, 0.7);
    ScoredChunk other = chunk("policy", 0, 87, DOC.length(), 0.6);
    AssembledContext context = new ContextAssembler(tokenizer, 500, true)
        .assemble(List.of(a, inside, sameTextOtherDoc, other));
    assertThat(context.citations()).extracting(Citation::docId).containsExactly("refunds", "policy");
    assertThat(context.citations()).extracting(Citation::marker).containsExactly("[1]", "[2]");
    assertThat(context.dropped()).containsExactly("refunds#1", "copy#0");
    assertThat(context.citation(2)).get().extracting(Citation::start).isEqualTo(87);
  }

  @Test
  void the_token_budget_leaves_out_passages_that_do_not_fit() {
    ScoredChunk big = chunk("refunds", 0, 0, DOC.length(), 0.9);
    ScoredChunk small = chunk("policy", 0, 0, 9, 0.5);
    int smallCost = tokenizer.count("[1] Title of policy\n" + DOC.substring(0, 9) + "\n\n");
    AssembledContext context = new ContextAssembler(tokenizer, smallCost, true)
        .assemble(List.of(big, small));
    assertThat(context.citations()).extracting(Citation::docId).containsExactly("policy");
    assertThat(context.citation(1)).get().extracting(Citation::number).isEqualTo(1);
    assertThat(context.dropped()).containsExactly("refunds#0");
    assertThat(context.tokens()).isLessThanOrEqualTo(smallCost);
  }

  @Test
  void without_merging_each_chunk_is_its_own_passage() {
    AssembledContext context = new ContextAssembler(tokenizer, 500, false).assemble(List.of(
        chunk("refunds", 0, 0, 54, 0.9), chunk("refunds", 1, 54, 87, 0.8)));
    assertThat(context.citations()).hasSize(2);
  }
}
