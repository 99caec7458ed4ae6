package dev.ragft.rag.context;

import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.retrieve.ScoredChunk;
import dev.ragft.rag.token.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a context from ranked chunks:
 *
 * <ol>
 *   <li>chunks whose text was already taken (the same text in two documents, say) are dropped;
 *   <li>chunks of one document whose spans touch or overlap are merged into one passage (windows
 *       with overlap, or neighbours that were both retrieved), so no text is shown twice;
 *   <li>passages are taken in the order of their best chunk while they fit the token budget; one
 *       that does not fit is left out and smaller ones after it may still be taken;
 *   <li>passages are numbered {@code [1]..[n]} in that order.
 * </ol>
 *
 * Thread-safe if the tokenizer is.
 */
public final class ContextAssembler {

  private final Tokenizer tokenizer;
  private final int tokenBudget;
  private final boolean mergeNeighbours;

  /**
   * An assembler.
   *
   * @param tokenizer counts tokens (the generating model's tokenizer where there is one)
   * @param tokenBudget the most tokens the context may hold, at least 1
   * @param mergeNeighbours whether touching or overlapping chunks of one document are merged
   */
  public ContextAssembler(Tokenizer tokenizer, int tokenBudget, boolean mergeNeighbours) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    if (tokenBudget < 1) {
      throw new IllegalArgumentException("token budget must be >= 1, but is: " + tokenBudget);
    }
    this.tokenBudget = tokenBudget;
    this.mergeNeighbours = mergeNeighbours;
  }

  /** The context of the chunks, in their given (ranked) order. */
  public AssembledContext assemble(List<ScoredChunk> ranked) {
    List<String> dropped = new ArrayList<>();
    Set<String> texts = new HashSet<>();
    List<Passage> passages = new ArrayList<>();
    for (ScoredChunk scored : ranked) {
      Chunk chunk = scored.chunk();
      if (!texts.add(chunk.text().strip())) {
        dropped.add(chunk.id());
        continue;
      }
      Passage into = mergeNeighbours ? find(passages, chunk) : null;
      if (into != null) {
        if (!into.merge(chunk)) {
          dropped.add(chunk.id());
        }
      } else {
        passages.add(new Passage(chunk));
      }
    }
    StringBuilder text = new StringBuilder();
    List<Citation> citations = new ArrayList<>();
    int used = 0;
    for (Passage passage : passages) {
      String block = block(citations.size() + 1, passage);
      int cost = tokenizer.count(block);
      if (used + cost > tokenBudget) {
        dropped.addAll(passage.chunkIds);
        continue;
      }
      used += cost;
      text.append(block);
      Chunk first = passage.first;
      citations.add(new Citation(citations.size() + 1, first.docId(), first.source(),
          first.version(), first.title(), passage.start, passage.end, passage.chunkIds,
          passage.text.toString()));
    }
    return new AssembledContext(text.toString().strip(), citations, tokenizer.count(text.toString()),
        dropped);
  }

  private static String block(int number, Passage passage) {
    String title = passage.first.title().isBlank() ? passage.first.docId() : passage.first.title();
    return "[" + number + "] " + title + "\n" + passage.text + "\n\n";
  }

  private static Passage find(List<Passage> passages, Chunk chunk) {
    for (Passage passage : passages) {
      if (passage.first.docId().equals(chunk.docId())
          && passage.first.version().equals(chunk.version())
          && chunk.start() <= passage.end && chunk.end() >= passage.start) {
        return passage;
      }
    }
    return null;
  }

  /** A contiguous span of one document built from one or more chunks. */
  private static final class Passage {
    final Chunk first;
    final List<String> chunkIds = new ArrayList<>();
    StringBuilder text;
    int start;
    int end;

    Passage(Chunk chunk) {
      this.first = chunk;
      this.text = new StringBuilder(chunk.text());
      this.start = chunk.start();
      this.end = chunk.end();
      chunkIds.add(chunk.id());
    }

    /** Widens the span by a chunk that touches or overlaps it; false when it adds nothing. */
    boolean merge(Chunk chunk) {
      if (chunk.start() >= start && chunk.end() <= end) {
        return false;
      }
      if (chunk.start() < start) {
        text.insert(0, chunk.text(), 0, start - chunk.start());
        start = chunk.start();
      }
      if (chunk.end() > end) {
        text.append(chunk.text(), end - chunk.start(), chunk.text().length());
        end = chunk.end();
      }
      chunkIds.add(chunk.id());
      return true;
    }
  }
}
