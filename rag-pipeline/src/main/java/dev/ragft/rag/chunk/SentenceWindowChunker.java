package dev.ragft.rag.chunk;

import dev.ragft.rag.chunk.TextSplits.Level;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.token.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sentence per chunk, for precise matching, with the span of the {@code window} sentences on
 * either side recorded in {@link ChunkMetadata#WINDOW_START} and {@link ChunkMetadata#WINDOW_END}
 * so that the context can be widened after retrieval. Sentences are found within paragraphs by
 * {@link java.text.BreakIterator}; a sentence over {@code maxTokens} tokens is split at lines and
 * words like {@link RecursiveChunker}, and each piece counts as a sentence.
 */
public final class SentenceWindowChunker implements Chunker {

  private final Tokenizer tokenizer;
  private final int window;
  private final int maxTokens;

  /**
   * Creates the chunker.
   *
   * @throws IllegalArgumentException when {@code window < 0} or {@code maxTokens <= 0}
   */
  public SentenceWindowChunker(Tokenizer tokenizer, int window, int maxTokens) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    ChunkerConfig.checkWindow(window);
    ChunkerConfig.checkSize(maxTokens);
    this.window = window;
    this.maxTokens = maxTokens;
  }

  @Override
  public List<Chunk> chunk(Document document) {
    String text = document.text();
    ChunkList chunks = new ChunkList(document, ChunkerType.SENTENCE_WINDOW.id());
    Span all = Span.trimmed(text, 0, text.length());
    if (all == null) {
      return chunks.chunks();
    }
    RecursiveSplitter splitter =
        new RecursiveSplitter(text, tokenizer.tokenize(text), maxTokens);
    List<Span> sentences = new ArrayList<>();
    for (Span paragraph : TextSplits.split(text, all, Level.PARAGRAPH)) {
      for (Span sentence : TextSplits.split(text, paragraph, Level.SENTENCE)) {
        sentences.addAll(splitter.split(sentence, Level.LINE));
      }
    }
    for (int i = 0; i < sentences.size(); i++) {
      int from = sentences.get(Math.max(0, i - window)).start();
      int to = sentences.get(Math.min(sentences.size() - 1, i + window)).end();
      chunks.add(sentences.get(i), Map.of(
          ChunkMetadata.WINDOW_START, Integer.toString(from),
          ChunkMetadata.WINDOW_END, Integer.toString(to)));
    }
    return chunks.chunks();
  }
}
