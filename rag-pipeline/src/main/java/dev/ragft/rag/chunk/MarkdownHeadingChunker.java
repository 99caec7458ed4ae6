package dev.ragft.rag.chunk;

import dev.ragft.rag.load.Document;
import dev.ragft.rag.token.Tokenizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Chunks of Markdown cut at headings: each section runs from its heading line to the next heading
 * and carries the path of headings above it ({@code Pricing > Enterprise}) in
 * {@link ChunkMetadata#HEADING_PATH}. Headings are found by a CommonMark parser, so ATX and setext
 * headings count and a {@code #} line inside a code block does not. A section over
 * {@code maxTokens} tokens is split further like {@link RecursiveChunker}, every piece keeping the
 * section's heading path; sections are never merged, so a chunk never spans two headings.
 */
public final class MarkdownHeadingChunker implements Chunker {

  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  private final Tokenizer tokenizer;
  private final int maxTokens;

  /**
   * Creates the chunker.
   *
   * @throws IllegalArgumentException when {@code maxTokens <= 0}
   */
  public MarkdownHeadingChunker(Tokenizer tokenizer, int maxTokens) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    ChunkerConfig.checkSize(maxTokens);
    this.maxTokens = maxTokens;
  }

  @Override
  public List<Chunk> chunk(Document document) {
    String text = document.text();
    ChunkList chunks = new ChunkList(document, ChunkerType.MARKDOWN.id());
    if (text.isBlank()) {
      return chunks.chunks();
    }
    RecursiveSplitter splitter =
        new RecursiveSplitter(text, tokenizer.tokenize(text), maxTokens);
    Deque<Heading> open = new ArrayDeque<>();
    Deque<String> titles = new ArrayDeque<>();
    List<Heading> headings = headings(text);
    int sectionStart = 0;
    String path = "";
    for (int i = 0; i <= headings.size(); i++) {
      int sectionEnd = i < headings.size() ? lineStart(text, headings.get(i)) : text.length();
      Span section = Span.trimmed(text, sectionStart, Math.max(sectionStart, sectionEnd));
      if (section != null) {
        Map<String, String> extra =
            path.isEmpty() ? Map.of() : Map.of(ChunkMetadata.HEADING_PATH, path);
        for (Span piece : splitter.split(section)) {
          chunks.add(piece, extra);
        }
      }
      if (i < headings.size()) {
        Heading heading = headings.get(i);
        while (!open.isEmpty() && open.peekLast().getLevel() >= heading.getLevel()) {
          open.removeLast();
          titles.removeLast();
        }
        open.addLast(heading);
        titles.addLast(plainText(heading).strip());
        path = titles.stream().filter(t -> !t.isEmpty())
            .collect(Collectors.joining(ChunkMetadata.HEADING_SEPARATOR));
        sectionStart = Math.max(sectionStart, sectionEnd);
      }
    }
    return chunks.chunks();
  }

  private static List<Heading> headings(String text) {
    List<Heading> headings = new ArrayList<>();
    PARSER.parse(text).accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        if (!heading.getSourceSpans().isEmpty()) {
          headings.add(heading);
        }
      }
    });
    return headings;
  }

  /** Where the line holding the heading's first character begins. */
  private static int lineStart(String text, Heading heading) {
    int index = heading.getSourceSpans().get(0).getInputIndex();
    return text.lastIndexOf('\n', index - 1) + 1;
  }

  private static String plainText(Node node) {
    StringBuilder text = new StringBuilder();
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text literal) {
        text.append(literal.getLiteral());
      } else if (child instanceof Code code) {
        text.append(code.getLiteral());
      } else {
        text.append(plainText(child));
      }
    }
    return text.toString();
  }
}
