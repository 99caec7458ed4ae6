package dev.ragft.rag.rerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.ragft.common.RagftException;
import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX cross-encoder path on a real ONNX Runtime session. No cross-encoder can be downloaded
 * here, so the model is a tiny one built for the test whose logit is the passage's token count:
 * pair encoding, segment ids, padding and logit extraction all show in the scores.
 */
class CrossEncoderRerankerTest {

  @TempDir
  Path dir;

  private Path tokenizerJson() throws Exception {
    Path file = dir.resolve("tokenizer.json");
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("bge-small-en-v1.5-q-tokenizer.json")) {
      Files.copy(in, file);
    }
    return file;
  }

  private static ScoredChunk candidate(String id, String text, double score) {
    return new ScoredChunk(new Chunk(Chunk.idOf(id, 0), id, "v1", id, "", 0, text, 0,
        text.length(), Map.of()), score);
  }

  @Test
  void scores_come_from_the_model_per_pair_across_padded_batches() throws Exception {
    Path model = dir.resolve("passage-length.onnx");
    Files.write(model, TinyOnnxModels.passageLengthCrossEncoder());
    Path tokenizer = tokenizerJson();
    List<String> passages = List.of("short one", "a much longer passage with many more words in it",
        "medium sized passage here", "x");
    try (ScoringModelPairScorer encoder = ScoringModelPairScorer.onnx(model, tokenizer, 512);
        HuggingFaceTokenizer reference = HuggingFaceTokenizer.newInstance(tokenizer)) {
      float[] scores = encoder.score("what is the refund window", passages);
      for (int i = 0; i < passages.size(); i++) {
        long passageTokens = java.util.Arrays.stream(
            reference.encode("what is the refund window", passages.get(i)).getTypeIds()).sum();
        assertThat(scores[i]).as("passage %d", i).isEqualTo((float) passageTokens);
      }
      List<ScoredChunk> reranked = new CrossEncoderReranker(encoder).rerank("q", List.of(
          candidate("a", passages.get(0), 9), candidate("b", passages.get(1), 1),
          candidate("c", passages.get(2), 5), candidate("d", passages.get(3), 7)), 3);
      assertThat(reranked).extracting(ScoredChunk::id).containsExactly("b#0", "c#0", "a#0");
    }
  }

  @Test
  void a_file_that_is_not_an_onnx_model_is_one_clear_sentence() throws Exception {
    Path bogus = Files.writeString(dir.resolve("model.onnx"), "not a model");
    Path tokenizer = tokenizerJson();
    assertThatThrownBy(() -> ScoringModelPairScorer.onnx(bogus, tokenizer, 512))
        .isInstanceOf(RagftException.class)
        .hasMessageStartingWith(bogus + " cannot be loaded as an ONNX cross-encoder: ");
    assertThatThrownBy(() -> ScoringModelPairScorer.onnx(dir.resolve("missing.onnx"), tokenizer,
        512))
        .isInstanceOf(RagftException.class)
        .hasMessage("cross-encoder file " + dir.resolve("missing.onnx") + " does not exist");
  }

  @Test
  void a_gguf_language_model_without_a_ranking_head_is_refused_clearly() {
    Path shared = Path.of(System.getProperty("ragft.shared.dir", "../shared"));
    Path stories = shared.resolve("models/stories260K.gguf");
    assumeTrue(Files.isRegularFile(stories), "needs " + stories + " (the shared test model)");
    RagftException failure = org.junit.jupiter.api.Assertions.assertThrows(RagftException.class,
        () -> {
          try (LlamaCppCrossEncoder encoder = LlamaCppCrossEncoder.open(stories, 1, 256)) {
            encoder.score("query", List.of("passage one", "passage two"));
          }
        });
    assertThat(failure.getMessage()).contains(stories.toString());
  }
}
