package dev.ragft.rag.load;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads the documents of one file in one format. The stream is lazy: nothing is read before it
 * is consumed, and closing it releases the file. Problems go to the context and its policy.
 */
interface FormatReader {

  /** The documents of {@code file}, in file order. */
  Stream<Document> read(SourceFile file, LoadContext context);

  /** A reader for formats whose file is one document, read when the stream is first pulled. */
  interface Single extends FormatReader {

    /** The document of {@code file}, or null when it was skipped (and reported). */
    Document readOne(SourceFile file, LoadContext context);

    @Override
    default Stream<Document> read(SourceFile file, LoadContext context) {
      return Stream.of(file)
          .map(f -> context.skipBySize(f) ? null : readOne(f, context))
          .filter(Objects::nonNull)
          .filter(document -> context.admit(document, file));
    }
  }
}
