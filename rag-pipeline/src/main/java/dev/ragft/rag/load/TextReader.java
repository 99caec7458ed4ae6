package dev.ragft.rag.load;

import java.util.Map;

/** Reads a plain text file as one untitled document whose id is its source path. */
final class TextReader implements FormatReader.Single {

  @Override
  public Document readOne(SourceFile file, LoadContext context) {
    String text = TextFiles.read(file, context);
    if (text == null) {
      return null;
    }
    return Document.of(file.source(), file.source(), context.config().version(), "", text,
        Map.of(DocumentMetadata.FORMAT, DocumentFormat.TEXT.id()));
  }
}
