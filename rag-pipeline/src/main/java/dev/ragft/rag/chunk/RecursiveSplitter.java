package dev.ragft.rag.chunk;

import dev.ragft.rag.chunk.TextSplits.Level;
import dev.ragft.rag.token.TokenSpans;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a range of text into pieces of at most {@code maxTokens} tokens, cutting at the
 * coarsest structure that works: paragraphs, then sentences, then lines, then words, and only a
 * single word longer than the limit is cut between tokens. Neighbouring pieces of one level are
 * merged greedily while they fit, so pieces are as large as the limit allows. Token counts come
 * from one tokenization of the whole text.
 */
final class RecursiveSplitter {

  private final String text;
  private final TokenSpans tokens;
  private final int maxTokens;

  RecursiveSplitter(String text, TokenSpans tokens, int maxTokens) {
    this.text = text;
    this.tokens = tokens;
    this.maxTokens = maxTokens;
  }

  /** The pieces of {@code range}, in order, each trimmed and within the limit. */
  List<Span> split(Span range) {
    return split(range, Level.PARAGRAPH);
  }

  /** The pieces of {@code range}, starting at {@code level}. */
  List<Span> split(Span range, Level level) {
    if (tokens(range.start(), range.end()) <= maxTokens) {
      return List.of(range);
    }
    if (level == null) {
      return betweenTokens(range);
    }
    List<Span> pieces = TextSplits.split(text, range, level);
    if (pieces.size() <= 1) {
      return split(range, level.finer());
    }
    List<Span> out = new ArrayList<>();
    Span current = null;
    for (Span piece : pieces) {
      if (tokens(piece.start(), piece.end()) > maxTokens) {
        if (current != null) {
          out.add(current);
          current = null;
        }
        out.addAll(split(piece, level.finer()));
      } else if (current != null && tokens(current.start(), piece.end()) <= maxTokens) {
        current = new Span(current.start(), piece.end());
      } else {
        if (current != null) {
          out.add(current);
        }
        current = piece;
      }
    }
    if (current != null) {
      out.add(current);
    }
    return out;
  }

  private int tokens(int start, int end) {
    return tokens.countWithin(start, end);
  }

  /** Windows of {@code maxTokens} tokens; the first and last stretch to the range's ends. */
  private List<Span> betweenTokens(Span range) {
    int first = tokens.firstAtOrAfter(range.start());
    int last = tokens.firstEndingAfter(range.end());
    List<Span> out = new ArrayList<>();
    for (int from = first; from < last; from += maxTokens) {
      int to = Math.min(from + maxTokens, last);
      int start = from == first ? range.start() : tokens.start(from);
      int end = to == last ? range.end() : tokens.end(to - 1);
      Span piece = Span.trimmed(text, start, end);
      if (piece != null) {
        out.add(piece);
      }
    }
    return out;
  }
}
