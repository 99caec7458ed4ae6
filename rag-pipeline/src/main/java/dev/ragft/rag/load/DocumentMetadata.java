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
   * empty when the metadata has no valid page table (the document is not a PDF).
   */
  public static OptionalInt pageAt(Map<String, String> metadata, int offset) {
    return pageAt(pageOffsets(metadata), offset);
  }

  /**
   * The page table of a PDF document: where each page begins, in page order; empty when the
   * metadata has no {@link #PAGE_OFFSETS} entry or it is not a comma-separated list of
   * non-decreasing offsets.
   */
  public static int[] pageOffsets(Map<String, String> metadata) {
    String entry = metadata.get(PAGE_OFFSETS);
    if (entry == null || entry.isEmpty()) {
      return new int[0];
    }
    String[] parts = entry.split(",");
    int[] offsets = new int[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        offsets[i] = Integer.parseInt(parts[i].strip());
        if (offsets[i] < 0 || (i > 0 && offsets[i] < offsets[i - 1])) {
          return new int[0];
        }
      }
    } catch (NumberFormatException e) {
      return new int[0];
    }
    return offsets;
  }

  /** The 1-based page holding {@code offset} in a page table; empty when the table is empty. */
  public static OptionalInt pageAt(int[] pageOffsets, int offset) {
    if (pageOffsets.length == 0) {
      return OptionalInt.empty();
    }
    int low = 0;
    int high = pageOffsets.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (pageOffsets[mid] <= offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return OptionalInt.of(Math.max(1, low));
  }
}
