package dev.ragft.rag.load;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Walks the documents of many files one at a time, opening each file's stream only when the
 * previous one is used up and closing it then. A hand-written chain rather than
 * {@code Stream.flatMap}, because a flat-mapped stream consumed through its iterator may buffer a
 * whole inner stream, and one inner stream can be a corpus of millions of lines.
 */
final class DocumentIterator implements Iterator<Document>, AutoCloseable {

  private static final FormatReader TEXT = new TextReader();
  private static final FormatReader MARKDOWN = new MarkdownReader();
  private static final FormatReader HTML = new HtmlReader();
  private static final FormatReader PDF = new PdfReader();
  private static final FormatReader JSONL = new JsonlDocumentReader(DocumentFormat.JSONL, null);
  private static final FormatReader BEIR =
      new JsonlDocumentReader(DocumentFormat.BEIR, JsonlFields.BEIR);

  private final Iterator<SourceFile> files;
  private final LoadContext context;
  private Stream<Document> open;
  private Iterator<Document> current;
  private Document next;

  DocumentIterator(List<SourceFile> files, LoadContext context) {
    this.files = files.iterator();
    this.context = context;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (current != null && current.hasNext()) {
        next = current.next();
      } else {
        close();
        if (!files.hasNext()) {
          return false;
        }
        SourceFile file = files.next();
        context.fileOpened();
        open = reader(file.format()).read(file, context);
        current = open.iterator();
      }
    }
    return true;
  }

  @Override
  public Document next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Document document = next;
    next = null;
    return document;
  }

  private static FormatReader reader(DocumentFormat format) {
    return switch (format) {
      case TEXT -> TEXT;
      case MARKDOWN -> MARKDOWN;
      case HTML -> HTML;
      case PDF -> PDF;
      case JSONL -> JSONL;
      case BEIR -> BEIR;
    };
  }

  /** Closes the file being read, if any. */
  @Override
  public void close() {
    if (open != null) {
      Stream<Document> closing = open;
      open = null;
      current = null;
      closing.close();
    }
  }
}
