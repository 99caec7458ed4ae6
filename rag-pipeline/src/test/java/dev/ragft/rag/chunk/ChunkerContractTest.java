package dev.ragft.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.rag.load.Document;
import dev.ragft.rag.token.HfTokenizer;
import dev.ragft.rag.token.TokenSpans;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Chunker} keeps, run for every chunker over the same edge inputs: the
 * offset invariant, order, ordinals and ids, no blank chunk, the size limit (tokens counted in the
 * document's own tokenization, as chunkers count them), full coverage of the visible text,
 * determinism, and copied document fields.
 */
class ChunkerContractTest {

  private static final long SEED = 42L;
  private static final int SIZE = 24;
  private static HfTokenizer tokenizer;

  @BeforeAll
  static void open() {
    tokenizer = HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  /** One chunker under test and the most tokens any of its chunks may hold. */
  record Subject(String name, Chunker chunker, int maxTokens) {
  }

  static List<Subject> subjects() {
    return List.of(
        new Subject("fixed 24/5", new TokenWindowChunker(tokenizer, SIZE, 5), SIZE),
        new Subject("fixed 1/0", new TokenWindowChunker(tokenizer, 1, 0), 1),
        new Subject("recursive 24", new RecursiveChunker(tokenizer, SIZE), SIZE),
        new Subject("recursive 3", new RecursiveChunker(tokenizer, 3), 3),
        new Subject("markdown 24", new MarkdownHeadingChunker(tokenizer, SIZE), SIZE),
        new Subject("sentence-window 2/24", new SentenceWindowChunker(tokenizer, 2, SIZE), SIZE),
        new Subject("sentence-window 0/4", new SentenceWindowChunker(tokenizer, 0, 4), 4));
  }

  static Map<String, String> texts() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("empty", "");
    texts.put("whitespace only", " \n\t \r\n ");
    texts.put("one word", "Hello");
    texts.put("shorter than one window", "  A short text.  ");
    texts.put("one word of many word pieces",
        "antidisestablishmentarianismpneumonoultramicroscopicsilicovolcanoconiosis");
    texts.put("words of many word pieces", "qwxzvbnmlkjhgfdsapoiuytrewq".repeat(3) + " tokenization "
        + "x".repeat(400) + "😀" + "y".repeat(50));
    texts.put("unicode and emoji", "Café 😀 naïve résumé. 日本語のテキストです。二つ目の文。 Ελληνικά κείμενο!");
    texts.put("crlf line endings", "Line one is here.\r\n\r\nLine two follows.\r\nAnd a third line.\r\n");
    texts.put("markdown", "Intro before headings.\n\n# Pricing\n\nPlans cost money.\n\n## Enterprise"
        + "\n\nCall us.\n\n```\n# not a heading\n```\n\nSetext\n------\n\nBody text here.");
    texts.put("no punctuation", "alpha beta gamma delta ".repeat(40));
    texts.put("prose", TestDocuments.prose(SEED, 600));
    return texts;
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Subject subject : subjects()) {
      texts().forEach((name, text) -> cases.add(Arguments.of(subject.name() + " / " + name,
          subject, text)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void every_chunker_keeps_the_contract(String name, Subject subject, String text) {
    Chunker chunker = subject.chunker();
    Document document = TestDocuments.document("guide#1", text, Map.of("lang", "en"));
    List<Chunk> chunks = chunker.chunk(document);
    TokenSpans tokens = tokenizer.tokenize(text);

    if (text.isBlank()) {
      assertThat(chunks).isEmpty();
      return;
    }
    assertThat(chunks).isNotEmpty();
    Set<String> ids = new HashSet<>();
    boolean[] covered = new boolean[text.length()];
    for (int i = 0; i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      assertThat(text.substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
      assertThat(chunk.text()).isNotBlank();
      assertThat(chunk.ordinal()).isEqualTo(i);
      assertThat(chunk.id()).isEqualTo("guide#1#" + i);
      assertThat(ids.add(chunk.id())).isTrue();
      assertThat(chunk.docId()).isEqualTo("guide#1");
      assertThat(chunk.version()).isEqualTo("v7");
      assertThat(chunk.source()).isEqualTo("docs/a.md");
      assertThat(chunk.title()).isEqualTo("A title");
      assertThat(chunk.metadata()).containsEntry("lang", "en").containsKey(ChunkMetadata.CHUNKER);
      assertThat(Character.isLowSurrogate(text.charAt(chunk.start()))).isFalse();
      if (i > 0) {
        Chunk previous = chunks.get(i - 1);
        assertThat(chunk.start()).isGreaterThanOrEqualTo(previous.start());
        assertThat(chunk.end()).isGreaterThan(previous.end());
      }
      assertThat(tokens.countWithin(chunk.start(), chunk.end()))
          .isLessThanOrEqualTo(subject.maxTokens());
      for (int c = chunk.start(); c < chunk.end(); c++) {
        covered[c] = true;
      }
    }
    for (int c = 0; c < text.length(); c++) {
      if (!Character.isWhitespace(text.charAt(c))) {
        assertThat(covered[c]).as("character %d '%s' is in a chunk", c, text.charAt(c)).isTrue();
      }
    }
    assertThat(chunker.chunk(document)).isEqualTo(chunks);
  }
}
