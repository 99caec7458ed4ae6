package dev.ragft.rag.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HfTokenizerTest {

  private static HfTokenizer bge;

  @BeforeAll
  static void open() {
    bge = HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL);
  }

  @AfterAll
  static void close() {
    bge.close();
  }

  private static List<String> pieces(String text, TokenSpans spans) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      pieces.add(text.substring(spans.start(i), spans.end(i)));
    }
    return pieces;
  }

  @Test
  void spans_point_at_the_original_characters_even_after_lower_casing_and_accent_stripping() {
    String text = "Héllo WÖRLD, naïve café!";
    assertThat(pieces(text, bge.tokenize(text)))
        .containsExactly("Héllo", "WÖRLD", ",", "naïve", "café", "!");
  }

  @Test
  void offsets_count_utf16_chars_so_an_emoji_keeps_both_halves_of_its_surrogate_pair() {
    String text = "a 😀 b 😀😀 c";
    TokenSpans spans = bge.tokenize(text);
    assertThat(pieces(text, spans)).containsExactly("a", "😀", "b", "😀😀", "c");
    assertThat(spans.start(4)).isEqualTo(text.length() - 1);
  }

  @Test
  void word_pieces_are_counted_without_special_tokens() {
    assertThat(bge.count("The quick brown fox")).isEqualTo(4);
    assertThat(pieces("tokenization", bge.tokenize("tokenization")))
        .containsExactly("token", "ization");
    assertThat(bge.count("")).isZero();
    assertThat(bge.count(" \n\t ")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"all-minilm-l6-v2", "e5-small-v2"})
  void every_bundled_model_tokenizer_opens_and_agrees_on_plain_english(String model) {
    try (HfTokenizer other = HfTokenizer.forModel(model)) {
      String text = "Retrieval augmented generation grounds answers in documents.";
      assertThat(other.name()).isEqualTo(model);
      assertThat(other.tokenize(text)).isEqualTo(bge.tokenize(text));
    }
  }

  @Test
  void a_text_longer_than_one_segment_gives_the_same_tokens_as_its_words_one_by_one() {
    long seed = 20260101L;
    Random random = new Random(seed);
    String[] words = {"alpha", "retrieval", "chunking", "overlap", "tokenizer", "Ünïcode", "😀",
        "x-ray", "3.14", "don't"};
    StringBuilder text = new StringBuilder();
    while (text.length() < 3 * HfTokenizer.SEGMENT_CHARS) {
      text.append(words[random.nextInt(words.length)]).append(random.nextInt(5) == 0 ? "\n" : " ");
    }
    String all = text.toString();
    TokenSpans whole = bge.tokenize(all);
    List<Integer> expectedStarts = new ArrayList<>();
    int index = 0;
    for (String word : all.split("[ \n]")) {
      TokenSpans own = bge.tokenize(word);
      for (int i = 0; i < own.size(); i++) {
        expectedStarts.add(index + own.start(i));
      }
      index += word.length() + 1;
    }
    assertThat(whole.size()).as("seed %d", seed).isEqualTo(expectedStarts.size());
    for (int i = 0; i < whole.size(); i++) {
      assertThat(whole.start(i)).as("token %d, seed %d", i, seed).isEqualTo(expectedStarts.get(i));
    }
  }

  @Test
  void a_run_without_whitespace_longer_than_a_segment_is_cut_between_code_points() {
    String text = "a" + "😀".repeat(HfTokenizer.SEGMENT_CHARS);
    assertThat(Character.isLowSurrogate(text.charAt(HfTokenizer.SEGMENT_CHARS))).isTrue();
    TokenSpans spans = bge.tokenize(text);
    assertThat(spans.size()).isGreaterThan(0);
    for (int i = 0; i < spans.size(); i++) {
      assertThat(Character.isLowSurrogate(text.charAt(spans.start(i)))).isFalse();
      assertThat(spans.end(i) == text.length()
          || !Character.isLowSurrogate(text.charAt(spans.end(i)))).isTrue();
    }
    assertThat(spans.end(spans.size() - 1)).isEqualTo(text.length());
  }

  @Test
  void truncate_keeps_whole_tokens_up_to_the_limit() {
    assertThat(bge.truncate("one two three four", 2)).isEqualTo("one two");
    assertThat(bge.truncate("one two", 5)).isEqualTo("one two");
    assertThat(bge.truncate("one two", 0)).isEmpty();
    assertThatThrownBy(() -> bge.truncate("one", -1))
        .hasMessage("maxTokens must be >= 0, but is: -1");
  }

  @Test
  void a_tokenizer_json_file_can_be_opened_by_path(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tokenizer.json");
    try (InputStream in = HfTokenizer.class.getClassLoader()
        .getResourceAsStream("bge-small-en-v1.5-q-tokenizer.json")) {
      Files.copy(in, file);
    }
    try (HfTokenizer fromFile = HfTokenizer.forModel(file.toString())) {
      assertThat(fromFile.name()).isEqualTo(file.toString());
      assertThat(fromFile.tokenize("naïve café")).isEqualTo(bge.tokenize("naïve café"));
    }
  }

  @Test
  void an_unknown_model_is_one_clear_sentence() {
    assertThatThrownBy(() -> HfTokenizer.forModel("no-such-model"))
        .isInstanceOf(RagftException.class)
        .hasMessage("unknown tokenizer \"no-such-model\": name a model whose embedding jar is on "
            + "the class path (bge-small-en-v1.5-q, all-minilm-l6-v2, e5-small-v2) or give the "
            + "path of a tokenizer.json file.");
  }

  @Test
  void a_file_that_is_not_a_tokenizer_names_itself(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"not\": \"a tokenizer\"}");
    assertThatThrownBy(() -> HfTokenizer.fromFile(file))
        .isInstanceOf(RagftException.class)
        .hasMessageStartingWith("cannot load the tokenizer " + file + ": ");
  }

  @Test
  void one_tokenizer_can_be_shared_by_threads() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      texts.add("Document " + i + " talks about retrieval, naïve café and 😀 number " + i * 7);
    }
    List<TokenSpans> expected = texts.stream().map(bge::tokenize).toList();
    ThreadFactory named = runnable -> new Thread(runnable, "tokenizer-test");
    ExecutorService pool = Executors.newFixedThreadPool(4, named);
    try {
      List<Future<TokenSpans>> results = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (String text : texts) {
          results.add(pool.submit(() -> bge.tokenize(text)));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(expected.get(i % texts.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
