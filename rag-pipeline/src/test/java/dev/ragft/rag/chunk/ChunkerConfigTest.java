package dev.ragft.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.rag.token.HfTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkerConfigTest {

  private static HfTokenizer tokenizer;

  @BeforeAll
  static void open() {
    tokenizer = HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  @Test
  void defaults_live_in_one_place_and_depend_on_the_type() {
    assertThat(ChunkerConfig.defaults()).isEqualTo(
        new ChunkerConfig(ChunkerType.RECURSIVE, 256, 0, 0, "bge-small-en-v1.5-q"));
    assertThat(ChunkerConfig.builder().type(ChunkerType.FIXED).build())
        .isEqualTo(new ChunkerConfig(ChunkerType.FIXED, 256, 32, 0, "bge-small-en-v1.5-q"));
    assertThat(ChunkerConfig.builder().type(ChunkerType.FIXED).size(100).build().overlap())
        .isEqualTo(12);
    assertThat(ChunkerConfig.builder().type(ChunkerType.SENTENCE_WINDOW).build().window())
        .isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "size -3|recursive|-3||| chunk size must be > 0, but is: -3",
      "size 0|fixed|0|||chunk size must be > 0, but is: 0",
      "overlap = size|fixed|10|10||chunk overlap must be < chunk size (10), but is: 10",
      "overlap > size|fixed|10|11||chunk overlap must be < chunk size (10), but is: 11",
      "negative overlap|fixed|10|-1||chunk overlap must be >= 0, but is: -1",
      "overlap on recursive|recursive|10|2||chunk overlap applies only to the fixed chunker, but is: 2 for recursive",
      "negative window|sentence-window|10||-1|sentence window must be >= 0, but is: -1",
      "window on markdown|markdown|10||3|sentence window applies only to the sentence-window chunker, but is: 3 for markdown"})
  void bad_settings_are_rejected_with_the_value_named(String name, String type, Integer size,
      Integer overlap, Integer window, String message) {
    ChunkerConfig.Builder builder = ChunkerConfig.builder().type(ChunkerType.parse("--chunker", type));
    if (size != null) {
      builder.size(size);
    }
    if (overlap != null) {
      builder.overlap(overlap);
    }
    if (window != null) {
      builder.window(window);
    }
    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message.strip());
  }

  @Test
  void an_unknown_chunker_name_lists_the_choices() {
    assertThatThrownBy(() -> ChunkerType.parse("--chunker", "semantic"))
        .hasMessage("--chunker must be one of fixed, recursive, markdown, sentence-window, document, "
            + "but is: "
            + "semantic");
    assertThat(ChunkerType.parse("--chunker", "Sentence-Window"))
        .isEqualTo(ChunkerType.SENTENCE_WINDOW);
  }

  @Test
  void the_factory_makes_the_chunker_the_config_names() {
    assertThat(Chunkers.create(ChunkerConfig.builder().type(ChunkerType.FIXED).build(), tokenizer))
        .isInstanceOf(TokenWindowChunker.class);
    assertThat(Chunkers.create(ChunkerConfig.defaults(), tokenizer))
        .isInstanceOf(RecursiveChunker.class);
    assertThat(Chunkers.create(ChunkerConfig.builder().type(ChunkerType.MARKDOWN).build(),
        tokenizer)).isInstanceOf(MarkdownHeadingChunker.class);
    assertThat(Chunkers.create(ChunkerConfig.builder().type(ChunkerType.SENTENCE_WINDOW).build(),
        tokenizer)).isInstanceOf(SentenceWindowChunker.class);
  }
}
