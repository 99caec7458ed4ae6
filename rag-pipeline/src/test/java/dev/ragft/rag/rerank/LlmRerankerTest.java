package dev.ragft.rag.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.model.TestModels;
import dev.ragft.model.llamacpp.LlamaCppChatModel;
import dev.ragft.model.llamacpp.LlamaCppConfig;
import dev.ragft.model.llamacpp.LlamaCppModel;
import dev.ragft.model.llamacpp.Sampling;
import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmRerankerTest {

  private static ScoredChunk candidate(String id, String text, double score) {
    return new ScoredChunk(new Chunk(Chunk.idOf(id, 0), id, "v1", id, "", 0, text, 0,
        text.length(), Map.of()), score);
  }

  private static final List<ScoredChunk> CANDIDATES = List.of(
      candidate("a", "Annual plans can be refunded within 30 days.", 0.9),
      candidate("b", "Tomatoes need six hours of sun.", 0.8),
      candidate("c", "Refunds are paid to the original card.", 0.7));

  @Test
  void grades_are_the_first_whole_number_from_0_to_10() {
    assertThat(LlmReranker.parseGrade("8")).hasValue(8);
    assertThat(LlmReranker.parseGrade("Relevance: 10/10")).hasValue(10);
    assertThat(LlmReranker.parseGrade("I'd say 7, maybe 9")).hasValue(7);
    assertThat(LlmReranker.parseGrade("score 42")).isEmpty();
    assertThat(LlmReranker.parseGrade("no idea")).isEmpty();
    assertThat(LlmReranker.parseGrade(null)).isEmpty();
  }

  @Test
  void a_real_chat_model_reranks_deterministically_and_never_fails_on_its_replies() {
    LlamaCppConfig config = LlamaCppConfig.of(TestModels.stories260K()).withContextSize(512);
    try (LlamaCppModel model = LlamaCppModel.load(config)) {
      Sampling greedy = Sampling.DEFAULTS.toBuilder().temperature(0).maxTokens(8).seed(7).build();
      LlmReranker reranker = new LlmReranker(new LlamaCppChatModel(model, greedy), "stories260K");
      List<ScoredChunk> first = reranker.rerank("refund window", CANDIDATES, 3);
      List<ScoredChunk> second = reranker.rerank("refund window", CANDIDATES, 3);
      assertThat(first).isEqualTo(second);
      assertThat(first).extracting(ScoredChunk::id)
          .containsExactlyInAnyOrder("a#0", "b#0", "c#0");
      assertThat(first).isSortedAccordingTo(ScoredChunk.ORDER);
      assertThat(reranker.unparsedReplies()).isBetween(0L, 6L);
    }
  }
}
