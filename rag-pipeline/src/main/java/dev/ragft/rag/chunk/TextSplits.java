package dev.ragft.rag.chunk;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a range of text at one level of its structure. Every piece is trimmed of whitespace and
 * none is blank, so a piece always starts and ends on a visible character.
 */
final class TextSplits {

  /** The levels of structure, coarsest first. */
  enum Level {
    /** Runs of lines separated by blank lines. */
    PARAGRAPH,
    /** Sentences as {@link BreakIterator} finds them. */
    SENTENCE,
    /** Single lines. */
    LINE,
    /** Runs of non-whitespace characters. */
    WORD;

    /** The next finer level, or null after {@link #WORD}. */
    Level finer() {
      return this == WORD ? null : values()[ordinal() + 1];
    }
  }

  private TextSplits() {
  }

  /** The pieces of {@code range} at {@code level}, in order. */
  static List<Span> split(String text, Span range, Level level) {
    return switch (level) {
      case PARAGRAPH -> paragraphs(text, range);
      case SENTENCE -> sentences(text, range);
      case LINE -> lines(text, range);
      case WORD -> words(text, range);
    };
  }

  private static List<Span> paragraphs(String text, Span range) {
    List<Span> pieces = new ArrayList<>();
    int paragraphStart = -1;
    int lineStart = range.start();
    while (lineStart < range.end()) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 || newline >= range.end() ? range.end() : newline;
      boolean blank = Span.trimmed(text, lineStart, lineEnd) == null;
      if (blank && paragraphStart >= 0) {
        add(pieces, text, paragraphStart, lineStart);
        paragraphStart = -1;
      } else if (!blank && paragraphStart < 0) {
        paragraphStart = lineStart;
      }
      lineStart = lineEnd + 1;
    }
    if (paragraphStart >= 0) {
      add(pieces, text, paragraphStart, range.end());
    }
    return pieces;
  }

  /** The sentences of {@code range}; a new {@link BreakIterator} each call (they are stateful). */
  static List<Span> sentences(String text, Span range) {
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(new StringCharacterIterator(text, range.start(), range.end(), range.start()));
    List<Span> pieces = new ArrayList<>();
    int start = sentences.first();
    for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
      add(pieces, text, start, end);
    }
    return pieces;
  }

  private static List<Span> lines(String text, Span range) {
    List<Span> pieces = new ArrayList<>();
    int start = range.start();
    while (start < range.end()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 || newline >= range.end() ? range.end() : newline;
      add(pieces, text, start, end);
      start = end + 1;
    }
    return pieces;
  }

  private static List<Span> words(String text, Span range) {
    List<Span> pieces = new ArrayList<>();
    int start = -1;
    for (int i = range.start(); i < range.end(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (space && start >= 0) {
        pieces.add(new Span(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      pieces.add(new Span(start, range.end()));
    }
    return pieces;
  }

  private static void add(List<Span> pieces, String text, int start, int end) {
    Span piece = Span.trimmed(text, start, end);
    if (piece != null) {
      pieces.add(piece);
    }
  }
}
