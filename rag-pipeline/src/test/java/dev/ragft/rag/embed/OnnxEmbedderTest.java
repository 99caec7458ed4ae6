package dev.ragft.rag.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.ragft.common.RagftException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The batched ONNX embedder against LangChain4j's own in-process models as the reference: same
 * ONNX graph and tokenizer, one text at a time, no padding.
 */
class OnnxEmbedderTest {

  private static final List<String> TEXTS = List.of(
      "Annual plans can be refunded within 30 days.",
      "The Moon always shows the same face.",
      "x",
      "Rate limits: 600 requests per minute per token, then HTTP 429 with Retry-After. "
          .repeat(6),
      "Ünïcødé text with emoji 🚀 and CJK 日本語.");

  static List<Arguments> models() {
    return List.of(
        Arguments.of(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q, new BgeSmallEnV15QuantizedEmbeddingModel()),
        Arguments.of(EmbeddingModelSpec.ALL_MINILM_L6_V2, new AllMiniLmL6V2EmbeddingModel()));
  }

  @ParameterizedTest
  @MethodSource("models")
  void batched_vectors_match_the_langchain4j_reference(EmbeddingModelSpec spec,
      EmbeddingModel reference) {
    try (OnnxEmbedder embedder = OnnxEmbedder.open(spec, 3, 2)) {
      float[][] ours = embedder.embed(TEXTS);
      for (int i = 0; i < TEXTS.size(); i++) {
        float[] theirs = reference.embed(TextSegment.from(TEXTS.get(i))).content().vector();
        assertThat(VectorMath.dot(ours[i], theirs)).as("cosine for text %d", i)
            .isGreaterThan(0.9999f);
      }
    }
  }

  @Test
  void vectors_do_not_depend_on_batch_size_or_input_order() {
    try (OnnxEmbedder one = OnnxEmbedder.open(EmbeddingModelSpec.BGE_SMALL_EN_V15, 1, 1);
        OnnxEmbedder many = OnnxEmbedder.open(EmbeddingModelSpec.BGE_SMALL_EN_V15, 16, 2)) {
      float[][] single = one.embed(TEXTS);
      List<String> reversed = IntStream.range(0, TEXTS.size())
          .mapToObj(i -> TEXTS.get(TEXTS.size() - 1 - i)).toList();
      float[][] batched = many.embed(reversed);
      for (int i = 0; i < TEXTS.size(); i++) {
        float[] other = batched[TEXTS.size() - 1 - i];
        assertThat(VectorMath.dot(single[i], other)).isGreaterThan(0.99999f);
        assertThat(single[i]).hasSize(384);
        assertThat(VectorMath.dot(single[i], single[i])).isCloseTo(1f,
            org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }

  @Test
  void a_quantized_model_gives_every_text_the_same_vector_whatever_its_batch() {
    try (OnnxEmbedder embedder = OnnxEmbedder.open(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q, 16, 2)) {
      float[][] together = embedder.embed(TEXTS);
      for (int i = 0; i < TEXTS.size(); i++) {
        assertThat(embedder.embed(List.of(TEXTS.get(i)))[0]).containsExactly(together[i]);
      }
    }
  }

  @Test
  void query_and_passage_prefixes_are_the_models_own() {
    assertThat(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q.queryPrefix())
        .isEqualTo("Represent this sentence for searching relevant passages: ");
    assertThat(EmbeddingModelSpec.E5_SMALL_V2.queryPrefix()).isEqualTo("query: ");
    assertThat(EmbeddingModelSpec.E5_SMALL_V2.passagePrefix()).isEqualTo("passage: ");
    try (OnnxEmbedder embedder = OnnxEmbedder.open(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q)) {
      float[] query = embedder.embedQuery("refund window");
      float[] raw = embedder.embed(List.of(
          "Represent this sentence for searching relevant passages: refund window"))[0];
      assertThat(query).containsExactly(raw);
      assertThat(embedder.embedPassages(List.of("refund window"))[0])
          .isNotEqualTo(query);
    }
  }

  @Test
  void long_inputs_are_truncated_at_the_model_limit() {
    try (OnnxEmbedder embedder = OnnxEmbedder.open(EmbeddingModelSpec.ALL_MINILM_L6_V2)) {
      String longText = "word ".repeat(2000);
      assertThat(embedder.tokenCount(longText)).isEqualTo(256);
      assertThat(embedder.embed(List.of(longText, longText + "tail"))).hasNumberOfRows(2);
    }
  }

  @Test
  void an_unknown_model_is_one_clear_sentence() {
    assertThatThrownBy(() -> EmbeddingModelSpec.byName("bge-huge"))
        .isInstanceOf(RagftException.class)
        .hasMessage("unknown embedding model 'bge-huge'; the built-in models are: "
            + "bge-small-en-v1.5-q, bge-small-en-v1.5, all-minilm-l6-v2, e5-small-v2 "
            + "(or give an ONNX file and its tokenizer.json)");
  }
}
