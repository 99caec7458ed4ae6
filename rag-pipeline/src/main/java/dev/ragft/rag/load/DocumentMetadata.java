package dev.ragft.rag.load;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The metadata keys loaders set on {@link Document#metadata()}, and how to read the page of a
 * PDF offset back from them. Keys from a source (front matter, a JSONL metadata object) keep their
 * own names and win over {@link #FORMAT} when they collide.
 */
public final class DocumentMetadata {

  /** The format the document was read as: {@code text}, {@code markdown}, {@code html}, … */
  public static final String FORMAT = "format";
  /** PDF: the number of pages. */
  public static final String PAGES = "pages";
  /**
   * PDF: the text offset where each page begins, comma-separated in page order ({@code 0,1532,…});
   * page {@code n} (1-based) covers offsets from its entry up to the next page's.
   */
  public static final String PAGE_OFFSETS = "page_offsets";
  /** PDF and HTML: the author, when the file names one. */
  public static final String AUTHOR = "author";
  /** PDF and HTML: the subject or description, when the file gives one. */
  public static final String DESCRIPTION = "description";
  /** HTML: the language of the {@code <html lang>} attribute. */
  public static final String LANGUAGE = "lang";

  private DocumentMetadata() {
  }

  /**
   * The 1-based page holding text offset {@code offset}, from the {@link #PAGE_OFFSETS} entry;
   * empty when the metadata has none (the document is not a PDF).
   */
  public static OptionalInt pageAt(Map<String, String> metadata, int offset) {
    String offsets = metadata.get(PAGE_OFFSETS);
    if (offsets == null || offsets.isEmpty()) {
      return OptionalInt.empty();
    }
    int page = 0;
    for (String entry : offsets.split(",")) {
      if (Integer.parseInt(entry) > offset) {
        break;
      }
      page++;
    }
    return OptionalInt.of(Math.max(1, page));
  }
}
