package dev.ragft.finetune.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.RagftException;
import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.TrainingExample;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCounterTest {

  @TempDir
  Path dir;

  @Test
  void jtokkit_counts_match_tiktoken_known_values() {
    try (TokenCounter cl100k = TokenCounters.open("cl100k_base", dir);
        TokenCounter o200k = TokenCounters.open("o200k_base", dir)) {
      // tiktoken's README: "tiktoken is great!" is 6 cl100k_base tokens.
      assertThat(cl100k.count("tiktoken is great!")).isEqualTo(6);
      assertThat(cl100k.count("hello world")).isEqualTo(2);
      assertThat(o200k.count("hello world")).isEqualTo(2);
      assertThat(o200k.count("")).isZero();
      assertThat(o200k.name()).isEqualTo("o200k_base");
    }
  }

  @Test
  void openai_formula_adds_three_tokens_per_message_and_three_for_the_reply() {
    TrainingExample example = TrainingExample.of("e", "You are helpful.", "hello world",
        "hello world", new Provenance("s", "f", 1, "0".repeat(64), null, "curated"));
    ExampleTokens tokens = new ExampleTokens(JtokkitTokenCounter.of("cl100k_base"), ChatTokenFormula.OPENAI);

    // 3 + (3 + 4 "You are helpful.") + (3 + 2) + (3 + 2)
    assertThat(tokens.count(example)).isEqualTo(20);
  }

  @Test
  void a_hugging_face_tokenizer_json_counts_word_pieces_without_special_tokens() throws Exception {
    Path json = dir.resolve("tokenizer.json");
    try (InputStream in = getClass().getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
      assertThat(in).as("the all-MiniLM tokenizer.json on the test classpath").isNotNull();
      Files.copy(in, json);
    }
    try (TokenCounter counter = TokenCounters.open("hf:tokenizer.json", dir)) {
      assertThat(counter.count("Hello world")).isEqualTo(2);
      assertThat(counter.count("tokenization")).isEqualTo(2);
      assertThat(counter.count("word ".repeat(600).strip())).as("no truncation at 512").isEqualTo(600);
      assertThat(counter.name()).isEqualTo("hf:tokenizer.json");
    }
  }

  @Test
  void unknown_specs_and_missing_files_fail_clearly() {
    assertThatThrownBy(() -> TokenCounters.open("bert", dir)).isInstanceOf(RagftException.class)
        .hasMessage("unknown tokenizer \"bert\"; use o200k_base, cl100k_base, "
            + "hf:path/to/tokenizer.json or gguf:path/to/model.gguf.");
    assertThatThrownBy(() -> TokenCounters.open("gguf:none.gguf", dir))
        .isInstanceOf(InputException.class)
        .hasMessage(dir.resolve("none.gguf") + ": does not exist or is not a file");
  }

  @Test
  void stats_use_nearest_rank_percentiles() {
    assertThat(TokenStats.of(new int[] {5, 1, 3, 2, 4}))
        .isEqualTo(new TokenStats(5, 15, 1, 3, 5, 5));
    int[] twenty = new int[20];
    for (int i = 0; i < 20; i++) {
      twenty[i] = i + 1;
    }
    assertThat(TokenStats.of(twenty)).isEqualTo(new TokenStats(20, 210, 1, 10, 19, 20));
    assertThat(TokenStats.of(new int[0])).isEqualTo(new TokenStats(0, 0, 0, 0, 0, 0));
  }
}
