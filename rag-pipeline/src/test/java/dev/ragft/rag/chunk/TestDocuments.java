package dev.ragft.rag.chunk;

import dev.ragft.rag.load.Document;
import java.util.Map;
import java.util.Random;

/** Small documents and texts written for the chunker tests. */
final class TestDocuments {

  private static final String[] WORDS = {"retrieval", "grounds", "the", "answer", "in", "a",
      "corpus", "of", "documents", "while", "fine-tuning", "changes", "behaviour", "tokens",
      "overlap", "windows", "naïve", "café", "😀", "embedding", "model"};

  private TestDocuments() {
  }

  /** A document with the given text and a fixed identity. */
  static Document document(String text) {
    return document("docs/a.md", text, Map.of("lang", "en"));
  }

  /** A document with the given id, text and metadata. */
  static Document document(String id, String text, Map<String, String> metadata) {
    return Document.of(id, "docs/a.md", "v7", "A title", text, metadata);
  }

  /**
   * Prose of about {@code words} words from a seeded generator: sentences of 4 to 20 words,
   * paragraphs of 1 to 6 sentences separated by blank lines.
   */
  static String prose(long seed, int words) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    int written = 0;
    while (written < words) {
      int sentences = 1 + random.nextInt(6);
      for (int s = 0; s < sentences && written < words; s++) {
        int length = 4 + random.nextInt(17);
        for (int w = 0; w < length; w++) {
          String word = WORDS[random.nextInt(WORDS.length)];
          text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
          text.append(w == length - 1 ? ". " : " ");
          written++;
        }
      }
      text.setLength(text.length() - 1);
      text.append("\n\n");
    }
    return text.toString();
  }
}
